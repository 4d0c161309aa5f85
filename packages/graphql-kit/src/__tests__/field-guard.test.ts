import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import type { Principal } from '@scr/auth';
import { readableBy, type Reach, type ReachOf } from '../reach';
import { allow, applyPermissions, hasAnyRole, isAuthenticated } from '../shield';

const reachOf: ReachOf<{ reach: Reach[] }> = async (parent) => new Set(parent.reach);
const record = (...who: Reach[]) => readableBy('GuardedRecord', reachOf, ...who);

function schemaWithRecords(): GraphQLSchema {
  const schema = buildSchema(`
    type Query { records: [GuardedRecord!]! staffOnly: String unlisted: String open: String }
    type GuardedRecord { name: String secret: String note: Note other: String }
    type Note { text: String }
  `);
  const fields = schema.getQueryType()!.getFields();
  fields.records!.resolve = () => [
    { name: 'as agency', secret: 'agency-only', reach: ['AC'], note: { text: 'n' }, other: 'o' },
    { name: 'as board', secret: 'board reach', reach: ['BM'], note: { text: 'n' }, other: 'o' },
  ];
  fields.staffOnly!.resolve = () => 'staff';
  fields.unlisted!.resolve = () => 'leak';
  fields.open!.resolve = () => 'open';
  return applyPermissions(schema, {
    Query: { records: isAuthenticated, staffOnly: hasAnyRole('BOARD_MANAGER'), open: allow },
    GuardedRecord: { '*': record('BM'), name: record('BM', 'AC'), other: isAuthenticated },
    Note: isAuthenticated,
  });
}

describe('applyPermissions', () => {
  const schema = schemaWithRecords();
  const run = (principal: Principal | undefined, source: string) => graphql({ schema, source, contextValue: { principal, auditor: {} } });
  const agency: Principal = { subject: 'a', roles: ['AGENCY_CONTRIBUTOR'], agency: 'a' };

  it("answers a record's field only to the reaches its rule names, '*' covering fields not listed", async () => {
    const res = await run(agency, '{ records { name secret note { text } other } }');
    expect(res.data?.records).toEqual([
      { name: 'as agency', secret: null, note: null, other: 'o' },
      { name: 'as board', secret: 'board reach', note: { text: 'n' }, other: 'o' },
    ]);
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['records.0.secret', 'FORBIDDEN'],
      ['records.0.note', 'FORBIDDEN'],
    ]);
  });

  it('refuses the same however the operation is written', async () => {
    const forms = [
      '{ records { ... on GuardedRecord { secret } } }',
      '{ records { ...F } } fragment F on GuardedRecord { secret }',
      '{ records { s: secret __typename } }',
      '{ ... @include(if: true) { records { secret @skip(if: false) } } }',
    ];
    for (const form of forms) {
      const res = await run(agency, form);
      expect([form, res.errors?.map((e) => e.extensions?.code)]).toEqual([form, ['FORBIDDEN']]);
      expect(JSON.stringify(res.data)).not.toContain('agency-only');
    }
  });

  it('denies a field no rule lists, and checks roles and sign-in', async () => {
    expect((await run(agency, '{ unlisted }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await run(agency, '{ staffOnly }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await run({ subject: 'm', roles: ['BOARD_MANAGER'], board: 'LEEDS' }, '{ staffOnly }')).data).toEqual({ staffOnly: 'staff' });
    expect((await run(undefined, '{ records { name } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await run(undefined, '{ open }')).data).toEqual({ open: 'open' });
  });
});
