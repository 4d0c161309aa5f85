import { boardTokens, mutate, notifiedCase, startTestPlatform, type TestPlatform } from '@scr/testing';

// Incidents, reviews and action plans show board and agency names from their own copy of the directory.
// A business manager who renames a board, or an admin who registers an agency, must see the change on
// the very next request wherever the name appears, not after the copies happen to be read again.

let t: TestPlatform;
let admin: string;
let manager: string;

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  ({ manager } = await boardTokens(t, 'CALDERDALE'));
});
afterAll(() => t.stop());

const RENAME = `mutation($code: ID!, $name: String) { updateBoard(input: { code: $code, name: $name }) { name } }`;

it('shows a renamed board under its new name at once on its incidents and reviews, and at the directory', async () => {
  const { incident, review } = await notifiedCase(t, manager, 'CALDERDALE');
  const before = await t.gql<{ board: { name: string } }>(admin, '{ board(code: "CALDERDALE") { name } }');
  const original = before.data!.board.name;
  // Read once first, so each subgraph holds a copy with the old name.
  const pages = () =>
    t.gql<{ incident: { board: { name: string } }; review: { board: { name: string } }; incidents: { edges: { node: { board: { name: string } } }[] } }>(
      manager,
      `query($i: ID!, $r: ID!) { incident(id: $i) { board { name } } review(id: $r) { board { name } } incidents(first: 1) { edges { node { board { name } } } } }`,
      { i: incident.id, r: review.id },
    );
  expect((await pages()).data!.review.board.name).toBe(original);

  try {
    await mutate(t, admin, RENAME, { code: 'CALDERDALE', name: 'Calderdale Children and Families Partnership' });
    const after = await pages();
    expect(after.errors).toBeUndefined();
    expect(after.data!.incident.board.name).toBe('Calderdale Children and Families Partnership');
    expect(after.data!.review.board.name).toBe('Calderdale Children and Families Partnership');
    expect(after.data!.incidents.edges[0]!.node.board.name).toBe('Calderdale Children and Families Partnership');
    const directory = await t.gql<{ board: { name: string } }>(admin, '{ board(code: "CALDERDALE") { name } }');
    expect(directory.data!.board.name).toBe('Calderdale Children and Families Partnership');
  } finally {
    await mutate(t, admin, RENAME, { code: 'CALDERDALE', name: original });
  }
  expect((await pages()).data!.incident.board.name).toBe(original);
});

it('shows a newly registered agency by name and sector at once where a review involves it', async () => {
  const { review } = await notifiedCase(t, manager, 'CALDERDALE');
  // The reviews subgraph's copy is read before the agency exists.
  await t.gql(manager, `query($r: ID!) { review(id: $r) { involvedAgencies { name } } }`, { r: review.id });
  const { registerAgency } = await mutate<{ registerAgency: { id: string } }>(
    t,
    admin,
    `mutation { registerAgency(input: { name: "Calderdale Youth Justice Service", sector: YOUTH_JUSTICE, boardCodes: ["CALDERDALE"] }) { id } }`,
    {},
  );
  await mutate(t, manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', {
    i: { reviewId: review.id, agencyId: registerAgency.id },
  });
  const res = await t.gql<{ review: { involvedAgencies: { id: string; name: string; sector: string }[] } }>(
    manager,
    `query($r: ID!) { review(id: $r) { involvedAgencies { id name sector } } }`,
    { r: review.id },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.review.involvedAgencies).toContainEqual({ id: registerAgency.id, name: 'Calderdale Youth Justice Service', sector: 'YOUTH_JUSTICE' });
});

it("answers the boards list from a subgraph's copy with the directory's boards, order and names, to signed-in callers only", async () => {
  const analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
  const STATS = 'incidentStats(from: "2024-01-01", to: "2024-12-31", interval: YEAR) { key }';
  type Boards = { boards: { code: string; name: string }[] };
  // kind is the directory's alone, so this list is the directory's; with statistics, the incidents subgraph answers alone.
  const directory = await t.gql<Boards>(analyst, '{ boards { code name kind } }');
  const copy = await t.gql<Boards>(analyst, `{ boards { code name ${STATS} } }`);
  expect(copy.errors).toBeUndefined();
  expect(directory.data!.boards.map(({ code, name }) => ({ code, name }))).toHaveLength(5);
  expect(copy.data!.boards.map(({ code, name }) => ({ code, name }))).toEqual(directory.data!.boards.map(({ code, name }) => ({ code, name })));

  const one = await t.gql<{ leeds: { code: string } | null; none: { code: string } | null }>(
    analyst,
    `{ leeds: board(code: "LEEDS") { code ${STATS} } none: board(code: "NOWHERE") { code ${STATS} } }`,
  );
  expect(one.errors).toBeUndefined();
  expect(one.data).toEqual({ leeds: expect.objectContaining({ code: 'LEEDS' }), none: null });

  const anonymous = await t.gql(undefined, `{ boards { code ${STATS} } }`);
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(anonymous.data ?? null).toBeNull();
});
