import { buildSchema, GraphQLError, parse, specifiedRules, validate, type GraphQLFormattedError } from 'graphql';
import { loadConfig } from '@scr/config';
import { gatewayFormatError } from '../format-error';
import { queryLimits } from '../limits';

const schema = buildSchema(`
  type Query { boards: [Board!]! items(first: Int): [Item!]! }
  type Board { code: ID! name: String! agencies: [Agency!]! }
  type Agency { id: ID! name: String! boards: [Board!]! }
  type Item { id: ID! name: String! }
`);

const production = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example.org/jwks',
  AUTH_ISSUER: 'i',
  AUTH_AUDIENCE: 'a',
  GATEWAY_SECRET: 'g'.repeat(40),
};

function check(query: string, env: Record<string, string> = {}) {
  const config = loadConfig(env);
  const { validationRules, parseOptions } = queryLimits(config);
  const document = parse(query, parseOptions);
  return validate(schema, document, [...specifiedRules, ...validationRules]).map((e) => ({
    message: e.message,
    code: e.extensions.code,
  }));
}

const nested = (depth: number) => {
  let inner = '';
  for (let level = depth - 1; level >= 1; level -= 1) inner = level % 2 === 1 ? `boards { ${inner || 'code'} }` : `agencies { ${inner || 'id'} }`;
  return `{ ${inner} }`;
};

describe('queryLimits', () => {
  it('allows depth 10 and refuses 11 with a plain GRAPHQL_VALIDATION_FAILED', () => {
    // Boards and agencies nested 10 deep also trip the list-size limit; lift it to test depth alone.
    const depthOnly = { GRAPHQL_MAX_LIST_RESULTS: '1000000000000' };
    expect(check(nested(10), depthOnly)).toEqual([]);
    expect(check(nested(11), depthOnly)).toEqual([
      { message: 'The query nests fields more than 10 levels deep. Ask for less nested data.', code: 'GRAPHQL_VALIDATION_FAILED' },
    ]);
  });

  it('does not count fragments as depth', () => {
    const query = `{ boards { ...A } } fragment A on Board { ... on Board { agencies { ...B } } } fragment B on Agency { ... on Agency { boards { code } } }`;
    expect(check(query, { GRAPHQL_MAX_DEPTH: '4' })).toEqual([]);
    expect(check(query, { GRAPHQL_MAX_DEPTH: '3' })[0]?.message).toMatch(/more than 3 levels/);
  });

  it('counts __typename aliases: 15 pass, 16 do not', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(check(aliases(15))).toEqual([]);
    expect(check(aliases(16))).toEqual([
      { message: expect.stringMatching(/^The query uses more than 15 aliases \(__typename included\)/), code: 'GRAPHQL_VALIDATION_FAILED' },
    ]);
    expect(check(aliases(3), { GRAPHQL_MAX_ALIASES: '2' })).toHaveLength(1);
  });

  it('allows 50 directives and refuses 51', () => {
    const directives = (n: number) => `{ ${'__typename @include(if: true) '.repeat(n)}}`;
    expect(check(directives(50))).toEqual([]);
    expect(check(directives(51))).toEqual([{ message: 'The query uses more than 50 directives. Use fewer directives.', code: 'GRAPHQL_VALIDATION_FAILED' }]);
  });

  it('refuses a document over the token limit while parsing', () => {
    // The braces count too: 998 fields are 1,000 tokens.
    expect(() => check(`{ ${'__typename '.repeat(998)}}`)).not.toThrow();
    expect(() => check(`{ ${'__typename '.repeat(999)}}`)).toThrow(/more th(at|an) 1000 tokens/);
    expect(() => check(`{ ${'__typename '.repeat(20)}}`, { GRAPHQL_MAX_TOKENS: '10' })).toThrow(GraphQLError);
  });

  it('refuses a query over the cost limit', () => {
    const page = 'items(first: 500) { id name }';
    expect(check(`{ ${page} }`, { GRAPHQL_MAX_COST: '5000' })).toEqual([]);
    expect(check(`{ a: ${page} b: ${page} c: ${page} }`, { GRAPHQL_MAX_COST: '5000' })).toEqual([
      { message: expect.stringMatching(/^The query asks for too much at once \(its estimated cost is over 5000\)/), code: 'GRAPHQL_VALIDATION_FAILED' },
    ]);
  });

  it('counts introspection depth in production only (where introspection is refused anyway)', () => {
    // Deep enough for armor, shallow enough for graphql-js's own introspection depth rule.
    const deep = `{ __schema { queryType { fields { type { ${'ofType { '.repeat(10)}name${' }'.repeat(10)} } } } } }`;
    expect(check(deep)).toEqual([]);
    expect(check(deep, production).map((e) => e.message)).toEqual([expect.stringMatching(/more than 10 levels deep/)]);
    // A circular __schema query also meets graphql-js's MaxIntrospectionDepthRule, in any mode.
    const circular = `{ __schema { types { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } } }`;
    expect(check(circular).map((e) => e.message)).toEqual(['Maximum introspection depth exceeded']);
  });
});

describe('gatewayFormatError', () => {
  const format = (formatted: GraphQLFormattedError, env: Record<string, string> = production) => gatewayFormatError(loadConfig(env))(formatted, new Error('x'));

  it('strips field, argument, type and enum suggestions in production only', () => {
    const cases = [
      'Cannot query field "boardz" on type "Query". Did you mean "boards"?',
      'Unknown argument "frist" on field "Query.items". Did you mean "first"?',
      'Unknown type "Bord". Did you mean "Board" or "Int"?',
      'Variable "$s" got invalid value "DELIVERD"; Value "DELIVERD" does not exist in "Status" enum. Did you mean the enum value "DELIVERED"?',
    ];
    for (const message of cases) {
      const formatted = format({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(formatted.message).not.toMatch(/did you mean/i);
      expect(formatted.message).toBe(message.replace(/ Did you mean.*$/, ''));
      expect(format({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, {}).message).toBe(message);
    }
  });

  it("answers the server's own request refusals as BAD_USER_INPUT in plain words", () => {
    expect(format({ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } })).toEqual({
      message: 'Send one operation per request: batched requests (a JSON array) are not accepted.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      format({ message: 'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please ...', extensions: { code: 'BAD_REQUEST' } })
        .message,
    ).toMatch(/^Refused as a possible cross-site request forgery/);
    expect(
      format({ message: 'Syntax Error: Document contains more that 1000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ).toEqual({
      message: expect.stringMatching(/at most 1000 tokens/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      format({
        message:
          'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }).message,
    ).toBe('Introspection is turned off on this server.');
    expect(format({ message: 'Context creation failed: The bearer token is invalid.', extensions: { code: 'UNAUTHENTICATED' } }).message).toBe(
      'The bearer token is invalid.',
    );
  });
});
