import { BOARDS, boardTokens, errorCode, incidentInput, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
const staff = new Map<string, { manager: string; chair: string }>();
const incidents = new Map<string, string>();

beforeAll(async () => {
  t = await startTestPlatform();
  for (const board of BOARDS) {
    staff.set(board, await boardTokens(t, board));
    incidents.set(board, (await reportIncident(t, staff.get(board)!.manager, incidentInput(board))).id);
  }
});
afterAll(() => t.stop());

describe('board isolation for incidents', () => {
  it.each(BOARDS.map((b) => [b]))("%s's staff list only their own board's incidents", async (board) => {
    for (const token of Object.values(staff.get(board)!)) {
      const res = await t.gql<{ incidents: { totalCount: number; edges: { node: { id: string; board: { code: string } } }[] } }>(
        token,
        '{ incidents { totalCount edges { node { id board { code } } } } }',
      );
      expect(res.data!.incidents.totalCount).toBe(1);
      expect(res.data!.incidents.edges.map((e) => e.node.id)).toEqual([incidents.get(board)]);
      // Asking for other boards by filter widens nothing.
      const filtered = await t.gql<{ incidents: { totalCount: number } }>(
        token,
        `{ incidents(filter: { boardCodes: ${JSON.stringify([...BOARDS])} }) { totalCount } }`,
      );
      expect(filtered.data!.incidents.totalCount).toBe(1);
    }
  });

  it.each(BOARDS.map((b) => [b]))("%s's staff cannot read, correct or notify another board's incident", async (board) => {
    const { manager, chair } = staff.get(board)!;
    for (const other of BOARDS.filter((b) => b !== board)) {
      const id = incidents.get(other)!;
      const read = await t.gql(chair, `{ incident(id: "${id}") { id reference } }`);
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({ incident: null });
      const correct = await t.gql(manager, `mutation { correctIncident(input: { incidentId: "${id}", expectedVersion: 1, summary: "x" }) { id } }`);
      expect(errorCode(correct)).toBe('NOT_FOUND');
      const notify = await t.gql(chair, `mutation { recordNotification(incidentId: "${id}", notifiedOn: "2026-01-01") { id } }`);
      expect(errorCode(notify)).toBe('NOT_FOUND');
    }
  });

  it("answers another board's incident exactly like one that does not exist", async () => {
    const { manager } = staff.get('LEEDS')!;
    const mutation = (id: string) => `mutation { correctIncident(input: { incidentId: "${id}", expectedVersion: 1, summary: "x" }) { id } }`;
    const other = await t.gql(manager, mutation(incidents.get('BRADFORD')!));
    const missing = await t.gql(manager, mutation('7f1c4a52-0000-4000-8000-000000000000'));
    const [otherError] = other.errors ?? [];
    const [missingError] = missing.errors ?? [];
    expect(otherError).toBeDefined();
    expect(missingError).toBeDefined();
    expect(otherError!.message.replace(incidents.get('BRADFORD')!, 'ID')).toBe(missingError!.message.replace('7f1c4a52-0000-4000-8000-000000000000', 'ID'));
    const check = await t.gql<{ incident: { summary: string; version: number } }>(
      staff.get('BRADFORD')!.manager,
      `{ incident(id: "${incidents.get('BRADFORD')}") { summary version } }`,
    );
    expect(check.data!.incident).toEqual({ summary: 'Test incident', version: 1 });
  });

  it('refuses incident reads to analysts, the panel, admins and agency contributors', async () => {
    for (const roles of [['ANALYST'], ['PANEL'], ['ADMIN']] as const) {
      const token = await t.token({ subject: 'x', roles: [...roles] });
      expect(errorCode(await t.gql(token, '{ incidents { totalCount } }'))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(token, `{ incident(id: "${incidents.get('LEEDS')}") { id } }`))).toBe('FORBIDDEN');
    }
  });

  it('refuses an anonymous incident query', async () => {
    const res = await t.gql(undefined, '{ incidents { totalCount } }');
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('child identity', () => {
  it("is shown to the owning board's manager and chair", async () => {
    for (const token of Object.values(staff.get('LEEDS')!)) {
      const res = await t.gql<{ incident: { children: { identity: { fullName: string } | null }[] } }>(
        token,
        `{ incident(id: "${incidents.get('LEEDS')}") { children { pseudonym identity { fullName dateOfBirth } } } }`,
      );
      expect(res.data!.incident.children[0]?.identity?.fullName).toBe('Alex Example');
    }
  });

  it('is never in an answer to another board, even one that asks for all boards', async () => {
    const res = await t.gql(
      staff.get('WAKEFIELD')!.chair,
      '{ incidents(filter: { boardCodes: ["LEEDS"] }) { edges { node { children { identity { fullName } } } } } }',
    );
    expect(JSON.stringify(res.body)).not.toContain('Alex Example');
  });
});
