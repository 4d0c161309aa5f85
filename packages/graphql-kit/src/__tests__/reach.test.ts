import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import type { Principal } from '@scr/auth';
import { boardReach, readableBy, type Reach, type ReachOf } from '../reach';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';

describe('boardReach', () => {
  it('is BM and/or BC only for the staff of the record own board', () => {
    const both: Principal = { subject: 's', roles: ['BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER'], board: 'LEEDS', reviewer: 'r' };
    expect(boardReach(both, 'LEEDS')).toEqual(['BM', 'BC']);
    expect(boardReach(both, 'WAKEFIELD')).toEqual([]);
    expect(boardReach({ subject: 'a', roles: ['AGENCY_CONTRIBUTOR'], board: 'LEEDS' }, 'LEEDS')).toEqual([]);
    expect(boardReach(undefined, 'LEEDS')).toEqual([]);
  });
});

describe('readableBy', () => {
  // Each record says who reaches it; the rule must read that, never the roles the token holds.
  const reachOf: ReachOf<{ reach: Reach[] }> = (parent) => new Set(parent.reach);
  const rules = {
    Query: { records: allow },
    Record: { name: readableBy('Record', reachOf, 'BM', 'AC'), secret: readableBy('Record', reachOf, 'BM', 'BC', 'PC', 'RV') },
  };
  const schema = applyMiddleware(
    withRecords(buildSchema('type Query { records: [Record!]! } type Record { name: String secret: String }')),
    shield(rules, { fallbackRule: deny, allowExternalErrors: true }),
  );
  const run = (principal: Principal | undefined, query = '{ records { name secret } }') =>
    graphql({ schema, source: query, contextValue: { principal, auditor: {} } });

  it('answers a field only where one of the reaches of that record may read it', async () => {
    const res = await run({ subject: 'x', roles: ['AGENCY_CONTRIBUTOR', 'BOARD_MANAGER'], board: 'LEEDS', agency: 'a' });
    expect(res.data).toEqual({
      records: [
        { name: 'as agency', secret: null },
        { name: 'as board', secret: 'board reach' },
      ],
    });
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['records.0.secret', 'FORBIDDEN']]);
  });

  it('answers the same however the operation is written', async () => {
    const principal: Principal = { subject: 'x', roles: ['AGENCY_CONTRIBUTOR'], agency: 'a' };
    const forms = [
      '{ records { secret } }',
      '{ records { ... on Record { secret } } }',
      '{ records { ...F } } fragment F on Record { secret }',
      '{ records { s: secret __typename } }',
      '{ ... @include(if: true) { records { secret @skip(if: false) } } }',
    ];
    for (const form of forms) {
      const res = await run(principal, form);
      expect([form, res.errors?.map((e) => e.extensions?.code)]).toEqual([form, ['FORBIDDEN']]);
      expect(JSON.stringify(res.data)).not.toContain('agency-only');
      expect(JSON.stringify(res.data)).toContain('board reach');
    }
  });

  it('is UNAUTHENTICATED without a principal', async () => {
    const res = await run(undefined, '{ records { name } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

function withRecords(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.getFields().records!.resolve = () => [
    { name: 'as agency', secret: 'agency-only reach', reach: ['AC'] },
    { name: 'as board', secret: 'board reach', reach: ['BM'] },
  ];
  return schema;
}
