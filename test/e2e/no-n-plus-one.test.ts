import { boardTokens, incidentInput, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

const QUERY = '{ incidents(first: 50) { edges { node { board { name } children { pseudonym } } } } }';

/** Statements all four subgraphs send to answer one request. */
async function statementsFor(token: string) {
  await t.gql(token, QUERY); // warm the principal cache, as a signed-in user's session would be
  const before = t.sqlCount();
  const res = await t.gql<{ incidents: { edges: unknown[] } }>(token, QUERY);
  return { statements: t.sqlCount() - before, rows: res.data!.incidents.edges.length };
}

describe('no N+1', () => {
  it('answers 5 and 50 incidents with their boards and children in the same number of SQL statements', async () => {
    const bradford = await boardTokens(t, 'BRADFORD');
    const twoChildren = incidentInput('BRADFORD', {
      children: [
        { pseudonym: 'A', fullName: 'A One', sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' },
        { pseudonym: 'B', fullName: 'B Two', sex: 'FEMALE', socialCareStatus: 'CHILD_IN_NEED' },
      ],
    });
    for (let i = 0; i < 5; i++) await reportIncident(t, bradford.manager, twoChildren);
    const five = await statementsFor(bradford.manager);
    for (let i = 0; i < 45; i++) await reportIncident(t, bradford.manager, twoChildren);
    const fifty = await statementsFor(bradford.manager);
    console.log(`SQL statements: ${five.statements} for ${five.rows} incidents, ${fifty.statements} for ${fifty.rows}`);
    expect(five.rows).toBe(5);
    expect(fifty.rows).toBe(50);
    expect(fifty.statements).toBe(five.statements);
  });
});
