/**
 * The gateway in production mode against the usual GraphQL security audit
 * list (field suggestions, introspection, GraphiQL, GET, CSRF, aliases,
 * batching, tracing, directives, depth, unhandled errors), plus the body
 * limit and subgraphs that answer no one but the gateway. Tokens are RS256,
 * verified against a JWKS served from this test.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SERVICE_NAMES } from '@scr/config';
import { DOMAIN_ERROR_CODES, startTestPlatform, type TestPlatform } from '@scr/testing';

const ISSUER = 'https://idp.test.invalid/';
const AUDIENCE = 'scr-api';

const DOMAIN_CODES: readonly string[] = DOMAIN_ERROR_CODES;

interface Idp {
  url: string;
  sign(claims: Record<string, unknown>, key?: KeyObject): string;
  close(): Promise<void>;
}

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A tiny identity provider: an RS256 key pair, its JWKS on loopback, and a signer. */
async function startIdp(): Promise<Idp> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    sign(claims, key = privateKey) {
      const now = Math.floor(Date.now() / 1000);
      const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600, ...claims })}`;
      return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let idp: Idp;
let t: TestPlatform;
let http$: ReturnType<typeof request>;
let admin: string;
let analyst: string;

beforeAll(async () => {
  idp = await startIdp();
  t = await startTestPlatform({
    env: {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: idp.url,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      GATEWAY_SECRET: 'p'.repeat(40),
      SEED_DEMO: '0',
      // The depth tests nest boards and agencies 10 deep; the list-size limit (tested in hostile-input) would stop them first.
      GRAPHQL_MAX_LIST_RESULTS: '1000000000000',
    },
  });
  http$ = request(`http://127.0.0.1:${t.platform.gateway.port}`);
  admin = idp.sign({ sub: 'sec-admin', roles: ['ADMIN'] });
  analyst = idp.sign({ sub: 'sec-analyst', roles: ['ANALYST'] });
});
afterAll(async () => {
  await t?.stop();
  await idp?.close();
});

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: unknown };

function post(body: unknown, token: string | undefined = admin, headers: Record<string, string> = {}) {
  let req = http$.post('/graphql').set('content-type', 'application/json');
  if (token) req = req.set('authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

const gql = (query: string, variables: Record<string, unknown> = {}, token: string | undefined = admin) => post({ query, variables }, token);

const codes = (body: Body) => (body.errors ?? []).map((e) => e.extensions?.code);
const messages = (body: Body) => (body.errors ?? []).map((e) => e.message).join('\n');

/** No stack trace, file path, library name or raw internals in anything a caller is sent. */
function expectNoInternals(res: { status: number; text: string; body: Body }) {
  expect(res.status).toBeLessThan(500);
  expect(res.text).not.toMatch(/stack|stacktrace|exception/i);
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(res.text).not.toMatch(/node_modules|\/work\/|\.ts:|\.js:/);
  expect(res.text).not.toMatch(/Apollo Server|ApolloServer|express|typeorm|sqlite|mysql|ECONNREFUSED|Context creation/i);
  expect(res.text).not.toMatch(/Did you mean/i);
  for (const code of codes(res.body)) expect(DOMAIN_CODES).toContain(code);
}

describe('field suggestions', () => {
  it.each([
    ['a mistyped root field', '{ boardz { code } }'],
    ['a mistyped field', '{ boards { cod name } }'],
    ['a mistyped argument', '{ incidents(frist: 1) { totalCount } }'],
    ['a mistyped enum value', '{ panelWebhookDeliveries(status: DELIVERD) { id } }'],
    ['a mistyped type', 'query($c: Ide!) { board(code: $c) { code } }'],
  ])('never suggests a name for %s', async (_what, query) => {
    const res = await gql(query, { c: 'LEEDS' });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages(res.body)).not.toMatch(/did you mean/i);
    expectNoInternals(res);
  });

  it('never suggests an enum value for a bad variable', async () => {
    const res = await gql('query($s: WebhookDeliveryStatus) { panelWebhookDeliveries(status: $s) { id } }', { s: 'DELIVERD' });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(messages(res.body)).not.toMatch(/did you mean|DELIVERED/i);
    expectNoInternals(res);
  });
});

describe('introspection and GraphiQL', () => {
  it.each([
    ['__schema', '{ __schema { queryType { name } types { name } } }'],
    ['__type', '{ __type(name: "Incident") { name fields { name } } }'],
    ['__schema, anonymously', '{ __schema { types { name } } }'],
  ])('refuses %s', async (_what, query) => {
    const res = await gql(query, {}, query.includes('anonymously') ? undefined : admin);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages(res.body)).toMatch(/introspection is turned off/i);
    expect(res.text).not.toMatch(/IncidentFilter|ReviewStage|"kind"/);
    expectNoInternals(res);
  });

  it('still answers __typename', async () => {
    const res = await gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });

  it.each(['/graphql', '/', '/graphiql', '/playground', '/sandbox', '/explorer/explorer.js'])(
    'serves no GraphiQL, Sandbox or landing page at %s',
    async (path) => {
      const res = await http$.get(path).set('accept', 'text/html,application/xhtml+xml');
      expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
      expect(res.text).not.toMatch(/<html|<script|graphiql|sandbox|playground|landing/i);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expectNoInternals(res);
    },
  );
});

describe('GET', () => {
  const get = (query: string, headers: Record<string, string> = {}) => {
    let req = http$.get('/graphql').query({ query }).set('authorization', `Bearer ${admin}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return req;
  };

  it('answers a query over GET only with a CSRF preflight header', async () => {
    const bare = await get('{ boards { code } }');
    expect(bare.status).toBe(400);
    expect(bare.body.data).toBeUndefined();
    expect(codes(bare.body)).toEqual(['BAD_USER_INPUT']);
    expect(messages(bare.body)).toMatch(/cross-site request forgery/i);
    expectNoInternals(bare);

    const preflighted = await get('{ boards { code } }', { 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(200);
    expect((preflighted.body.data as { boards: unknown[] }).boards).toHaveLength(5);
  });

  it('never runs a mutation sent over GET, with or without the preflight header', async () => {
    const name = `GET agency ${randomUUID()}`;
    const mutation = `mutation { registerAgency(input: { name: "${name}", sector: POLICE, boardCodes: ["LEEDS"] }) { id } }`;
    for (const headers of [{}, { 'apollo-require-preflight': 'true' }, { 'content-type': 'application/json' }] as Record<string, string>[]) {
      const res = await get(mutation, headers);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.data).toBeUndefined();
      expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
      expectNoInternals(res);
    }
    const preflighted = await get(mutation, { 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(405);
    expect(messages(preflighted.body)).toMatch(/POST/);
    const agencies = await gql('{ agencies { name } }');
    expect((agencies.body.data as { agencies: { name: string }[] }).agencies.map((a) => a.name)).not.toContain(name);
  });
});

describe('POST-based CSRF', () => {
  const name = `CSRF agency ${randomUUID()}`;
  const mutation = `mutation { registerAgency(input: { name: "${name}", sector: POLICE, boardCodes: ["LEEDS"] }) { id } }`;

  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
    ['text/plain', JSON.stringify({ query: mutation })],
    ['text/plain;charset=UTF-8', JSON.stringify({ query: mutation })],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--\r\n`],
  ])('refuses a %s body, as a cross-site form would send it', async (contentType, body) => {
    const res = await http$.post('/graphql').set('content-type', contentType).set('authorization', `Bearer ${admin}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expectNoInternals(res);
  });

  it('refused requests changed nothing', async () => {
    const agencies = await gql('{ agencies { name } }');
    expect((agencies.body.data as { agencies: { name: string }[] }).agencies.map((a) => a.name)).not.toContain(name);
  });
});

describe('alias overloading', () => {
  const aliases = (n: number, field = '__typename') => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

  it('answers 15 aliases', async () => {
    const res = await gql(aliases(15));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data as object)).toHaveLength(15);
  });

  it.each([
    ['16 __typename aliases', aliases(16)],
    ['16 aliases of a field', aliases(16, 'boards { code }')],
    [
      'aliases spread over nested fields and fragments',
      `{ b1: boards { c1: code c2: code c3: code c4: code ...F } b2: boards { ...F } } fragment F on Board { d1: name d2: name d3: name d4: name d5: name }`,
    ],
    ['300 aliases', aliases(300)],
  ])('refuses %s', async (_what, query) => {
    const res = await gql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages(res.body)).toMatch(/more than 15 aliases/);
    expectNoInternals(res);
  });
});

describe('batch queries', () => {
  it('refuses a JSON array of operations', async () => {
    const res = await post([{ query: '{ __typename }' }, { query: '{ boards { code } }' }]);
    expect(res.status).toBe(400);
    expect(Array.isArray(res.body)).toBe(false);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(messages(res.body)).toMatch(/one operation per request/i);
    expectNoInternals(res);
  });

  it('runs only the named operation of a document with several', async () => {
    const res = await post({ query: 'query A { __typename } query B { boards { code } }', operationName: 'A' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
    const unnamed = await post({ query: 'query A { __typename } query B { boards { code } }' });
    expect(unnamed.status).toBe(400);
    expect(codes(unnamed.body)).toEqual(['BAD_USER_INPUT']);
    expectNoInternals(unnamed);
  });
});

describe('trace mode', () => {
  it('never answers with tracing or federated trace data, even when asked', async () => {
    const res = await post({ query: '{ boards { code agencies { id } } }', extensions: { tracing: true } }, admin, {
      'apollo-federation-include-trace': 'ftv1',
      'x-apollo-tracing': '1',
    });
    expect(res.status).toBe(200);
    expect(res.body.extensions).toBeUndefined();
    expect(res.text).not.toMatch(/ftv1|tracing|"duration"|startTime/);
  });
});

describe('directive overloading', () => {
  const directives = (n: number, directive = '@include(if: true)') => `{ ${Array.from({ length: n }, () => `__typename ${directive}`).join(' ')} }`;

  it('answers 50 directives', async () => {
    const res = await gql(directives(50));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });

  it.each([
    ['51 @include', directives(51)],
    ['51 @skip on one field', `{ __typename ${'@skip(if: false) '.repeat(51)}}`],
    ['200 unknown directives', `{ __typename ${'@aa '.repeat(200)}}`],
  ])('refuses %s', async (_what, query) => {
    const res = await gql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages(res.body)).toMatch(/more than 50 directives/);
    expectNoInternals(res);
  });
});

describe('depth', () => {
  /** boards -> agencies -> boards ... down to a scalar, `depth` fields deep in all. */
  const nested = (depth: number) => {
    let inner = '';
    for (let level = depth - 1; level >= 1; level -= 1) {
      inner = level % 2 === 1 ? `boards { ${inner || 'code'} }` : `agencies { ${inner || 'id'} }`;
    }
    return `{ ${inner} }`;
  };

  it('answers a query 10 levels deep', async () => {
    const res = await gql(nested(10));
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it.each([
    ['11 levels', nested(11)],
    [
      '11 levels through fragments',
      `{ boards { ...A } } fragment A on Board { agencies { ...B } } fragment B on Agency { boards { agencies { boards { agencies { boards { agencies { boards { agencies { id } } } } } } } } }`,
    ],
    ['100 levels', nested(100)],
  ])('refuses %s', async (_what, query) => {
    const res = await gql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages(res.body)).toMatch(/more than 10 levels deep/);
    expectNoInternals(res);
  });

  it.each([
    ['a circular __schema query', `{ __schema { types { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } } }`],
    ['a deep __type query', `{ __type(name: "Board") { fields { type { ${'ofType { '.repeat(10)}name${' }'.repeat(10)} } } } }`],
    [
      'a circular introspection query through fragments',
      '{ __schema { types { ...T } } } fragment T on __Type { fields { type { ...U } } } fragment U on __Type { fields { type { fields { type { fields { type { name } } } } } } }',
    ],
  ])('refuses %s', async (_what, query) => {
    const res = await gql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages(res.body)).toMatch(/introspection is turned off/i);
    expect(messages(res.body)).toMatch(/levels deep/);
    expectNoInternals(res);
  });
});

describe('tokens and cost', () => {
  it('refuses a document of more than 1,000 tokens without parsing the rest', async () => {
    const res = await gql(`{ ${'__typename '.repeat(1200)}}`);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(res.body)).toMatch(/at most 1000 tokens/);
    expectNoInternals(res);
  });

  it('refuses a query that asks for too much at once', async () => {
    const page =
      'incidents(first: 500) { totalCount edges { node { id reference board { code name agencies { id name sector boards { code name kind } } } } } }';
    const one = await gql(`{ ${page} }`);
    expect(one.status).toBe(200);
    const res = await gql(`{ ${Array.from({ length: 8 }, (_, i) => `p${i}: ${page}`).join(' ')} }`);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(messages(res.body)).toMatch(/too much at once/);
    expectNoInternals(res);
  });
});

describe('unhandled errors', () => {
  const raw = (body: string, contentType = 'application/json') =>
    http$.post('/graphql').set('content-type', contentType).set('authorization', `Bearer ${admin}`).send(body);

  it.each<[string, () => request.Test]>([
    ['malformed JSON', () => raw('{"query": "{ boards { code } }"')],
    ['JSON that is not an object', () => raw('"{ boards { code } }"')],
    ['a number for the query', () => raw('{"query": 42}')],
    ['no query at all', () => raw('{}')],
    ['an empty body', () => raw('')],
    ['a syntax error', () => gql('{ boards { code ')],
    ['variables as a string', () => raw(JSON.stringify({ query: '{ __typename }', variables: '{"a":1}' }))],
    ['a variable of the wrong type', () => gql('query($c: ID!) { board(code: $c) { code } }', { c: { nested: [1, 2, 3] } })],
    ['a missing variable', () => gql('query($c: ID!) { board(code: $c) { code } }', {})],
    ['an Int out of range', () => gql('{ incidents(first: 99999999999999999999) { totalCount } }')],
    ['an impossible date', () => gql('{ board(code: "LEEDS") { actionProgress(asOf: "2026-02-30") { total } } }')],
    ['an unknown operation name', () => post({ query: '{ __typename }', operationName: 'Nope' })],
    ['a subscription', () => gql('subscription { boards { code } }')],
    ['a null byte', () => gql('{ boards { code } }\u0000')],
    ['a forged token', () => gql('{ me { subject } }', {}, `${admin.slice(0, -4)}AAAA`)],
    [
      'a token from another key',
      () =>
        gql(
          '{ me { subject } }',
          {},
          idp.sign(
            { sub: 'x', roles: ['ADMIN'] },
            createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' })),
          ),
        ),
    ],
    [
      'an HS256 development token',
      () => gql('{ me { subject } }', {}, `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'x', roles: ['ADMIN'] })}.AAAA`),
    ],
    [
      'a token with alg none',
      () => gql('{ me { subject } }', {}, `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'x', roles: ['ADMIN'], iss: ISSUER, aud: AUDIENCE })}.`),
    ],
    ['a PUT', () => http$.put('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' })],
    ['a DELETE', () => http$.delete('/graphql')],
    ['an unknown path', () => http$.get('/graphql/../../etc/passwd')],
    ['a persisted-query hash', () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })],
    ['a field a principal may not read', () => gql('{ panelWebhookDeliveries { id } }', {}, analyst)],
    [
      'an id that is not a UUID',
      () => gql('{ incident(id: "not-a-uuid") { id } }', {}, idp.sign({ sub: 'sec-manager', roles: ['BOARD_MANAGER'], board: 'LEEDS' })),
    ],
  ])('answers %s with a plain refusal, no stack trace or internals', async (_what, send) => {
    const res = await send();
    expectNoInternals(res);
    if (res.status >= 400 && res.status !== 404) expect(res.body.errors?.length).toBeGreaterThan(0);
  });
});

describe('request body', () => {
  it('refuses a body over 1 MB with HTTP 413', async () => {
    const res = await post({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expectNoInternals(res);
  });
});

describe('subgraphs called directly', () => {
  const queries = [
    '{ _service { sdl } }',
    '{ _entities(representations: [{ __typename: "Board", code: "LEEDS" }]) { ... on Board { code name } } }',
    '{ boards { code } }',
    '{ __schema { types { name } } }',
  ];

  it.each(SERVICE_NAMES)('%s answers nothing but 403, with or without a valid user token', async (service) => {
    const sub = request(`http://127.0.0.1:${t.config.subgraphPorts[service]}`);
    for (const query of queries) {
      for (const token of [undefined, admin, analyst]) {
        let req = sub.post('/graphql').set('content-type', 'application/json');
        if (token) req = req.set('authorization', `Bearer ${token}`);
        const res = await req.send({ query });
        expect(res.status).toBe(403);
        expect(res.body.data).toBeUndefined();
        expect(codes(res.body)).toEqual(['FORBIDDEN']);
        expect(res.text).not.toMatch(/sdl|type Query|LEEDS|Leeds/);
      }
      const get = await sub.get('/graphql').query({ query }).set('apollo-require-preflight', 'true');
      expect(get.status).toBe(403);
      expect(get.text).not.toMatch(/sdl|type Query|LEEDS|Leeds/);
      const wrongSecret = await sub.post('/graphql').set('x-gateway-secret', 'p'.repeat(39)).send({ query });
      expect(wrongSecret.status).toBe(403);
    }
    const internal = await sub.get('/internal/boards');
    expect(internal.status).toBe(403);
  });
});

describe('rate limit defaults', () => {
  it('lets one principal send 1,200 requests in a minute, then answers 429 RATE_LIMITED', async () => {
    expect(t.config.rateLimit.perPrincipalPerMinute).toBe(1200);
    const busy = idp.sign({ sub: 'sec-busy-manager', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
    const statuses: number[] = [];
    for (let batch = 0; batch < 24; batch += 1) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => gql('{ __typename }', {}, busy)));
      statuses.push(...answers.map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Allowing for a minute boundary passing mid-burst, the next few requests go over the limit.
    const over = await Promise.all(Array.from({ length: 100 }, () => gql('{ __typename }', {}, busy)));
    const refused = over.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    expect(codes(refused!.body)).toEqual(['RATE_LIMITED']);
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Others are not held back.
    expect((await gql('{ __typename }')).status).toBe(200);
  });
});
