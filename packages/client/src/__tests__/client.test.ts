import { createClient } from '../client';
import { ApiError } from '../errors';
import { MeDocument, ReportIncidentDocument, IncidentsDocument } from '../generated/graphql';
import { allNodes, pages } from '../cursor';

type Answer = { status?: number; body: unknown; headers?: Record<string, string> };

/** A fetch that answers from a script and remembers what it was sent. */
function scripted(...answers: Answer[]) {
  const sent: { url: string; headers: Record<string, string>; body: { query: string; variables: Record<string, unknown> } }[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    sent.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
    const answer = answers.shift();
    if (!answer) throw new TypeError('fetch failed');
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status ?? 200, headers: answer.headers });
  }) as unknown as typeof fetch;
  return { fetch: fake, sent };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const ME = { me: { subject: 'x', roles: ['ANALYST'], board: null, agency: null, reviewer: null }, boards: [] };

describe('createClient', () => {
  it('posts the operation with the bearer token and answers its data', async () => {
    const f = scripted({ body: { data: ME } });
    const client = createClient({ url: 'http://api.test/graphql', token: 'tok', fetch: f.fetch });
    await expect(client.request(MeDocument)).resolves.toEqual(ME);
    expect(f.sent[0]?.url).toBe('http://api.test/graphql');
    expect(f.sent[0]?.headers.authorization).toBe('Bearer tok');
    expect(f.sent[0]?.headers['content-type']).toBe('application/json');
    expect(f.sent[0]?.body.query).toMatch(/^query Me \{/);
  });

  it('asks a token function before every request', async () => {
    const f = scripted({ body: { data: ME } }, { body: { data: ME } });
    let n = 0;
    const client = createClient({ url: 'http://api.test/graphql', token: () => `tok-${++n}`, fetch: f.fetch });
    await client.request(MeDocument);
    await client.request(MeDocument);
    expect(f.sent.map((s) => s.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it("throws the first error's DOMAIN.md code, message and field, keeping every error and partial data", async () => {
    const errors = [
      { message: 'awareOn is after today.', extensions: { code: 'BAD_USER_INPUT', field: 'awareOn' } },
      { message: 'Another.', extensions: { code: 'FORBIDDEN' } },
    ];
    const f = scripted({ body: { data: null, errors } });
    const client = createClient({ url: 'http://api.test/graphql', fetch: f.fetch });
    const error = await failure(
      client.request(ReportIncidentDocument, {
        incident: { boardCode: 'LEEDS', criterion: 'CHILD_DIED', abuseOrNeglect: 'KNOWN', occurredOn: '2026-01-01', awareOn: '2099-01-01', children: [] },
      }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('awareOn is after today.');
    expect(error.field).toBe('awareOn');
    expect(error.details.errors).toEqual(errors);
    expect(error.retryable).toBe(false);
  });

  it('answers RATE_LIMITED with Retry-After from a 429', async () => {
    const f = scripted({
      status: 429,
      headers: { 'retry-after': '17' },
      body: { errors: [{ message: 'Too many requests.', extensions: { code: 'RATE_LIMITED' } }] },
    });
    const error = await failure(createClient({ url: 'http://api.test/graphql', fetch: f.fetch }).request(MeDocument));
    expect([error.code, error.status, error.details.retryAfterSeconds, error.retryable]).toEqual(['RATE_LIMITED', 429, 17, true]);
  });

  it.each([
    [502, 'SERVICE_UNAVAILABLE'],
    [503, 'SERVICE_UNAVAILABLE'],
    [401, 'UNAUTHENTICATED'],
    [413, 'BAD_USER_INPUT'],
    [500, 'INTERNAL_SERVER_ERROR'],
  ])('maps an HTTP %i without a GraphQL body (a proxy page) to %s', async (status, code) => {
    const f = scripted({ status, body: '<html>Bad gateway</html>' });
    const error = await failure(createClient({ url: 'http://api.test/graphql', fetch: f.fetch }).request(MeDocument));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });

  it('answers SERVICE_UNAVAILABLE when the API cannot be reached', async () => {
    const f = scripted();
    const error = await failure(createClient({ url: 'http://api.test/graphql', fetch: f.fetch }).request(MeDocument));
    expect([error.code, error.status, error.retryable]).toEqual(['SERVICE_UNAVAILABLE', 0, true]);
  });

  it('answers INTERNAL_SERVER_ERROR for a code outside DOMAIN.md', async () => {
    const f = scripted({ body: { errors: [{ message: 'odd', extensions: { code: 'SOMETHING_ELSE' } }] } });
    const error = await failure(createClient({ url: 'http://api.test/graphql', fetch: f.fetch }).request(MeDocument));
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('cursor helpers', () => {
  const page = (ids: string[], hasNextPage: boolean) => ({
    data: {
      incidents: {
        totalCount: 5,
        edges: ids.map((id) => ({ cursor: `c-${id}`, node: { id } })),
        pageInfo: { hasNextPage, endCursor: ids.length ? `c-${ids.at(-1)}` : null },
      },
    },
  });

  it('follows endCursor from the given cursor until there is no next page', async () => {
    const f = scripted({ body: page(['1', '2'], true) }, { body: page(['3', '4'], true) }, { body: page(['5'], false) });
    const client = createClient({ url: 'http://api.test/graphql', fetch: f.fetch });
    const nodes = await allNodes(client, IncidentsDocument, { first: 2, after: 'c-0' }, (d) => d.incidents);
    expect(nodes.map((n) => n.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(f.sent.map((s) => s.body.variables.after)).toEqual(['c-0', 'c-2', 'c-4']);
    expect(f.sent.every((s) => s.body.variables.first === 2)).toBe(true);
  });

  it('keeps the cursor it started from when a page is empty, so a feed resumes there', async () => {
    const f = scripted({ body: page([], false) });
    const client = createClient({ url: 'http://api.test/graphql', fetch: f.fetch });
    const seen = [];
    for await (const p of pages(client, IncidentsDocument, { after: 'c-9' }, (d) => d.incidents)) seen.push(p);
    expect(seen.map((p) => [p.nodes.length, p.cursor, p.hasNextPage])).toEqual([[0, 'c-9', false]]);
  });
});
