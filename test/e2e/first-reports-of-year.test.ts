/**
 * Several boards reporting their first incident of a year at once used to
 * deadlock on the reference counters (ER_LOCK_DEADLOCK, answered
 * INTERNAL_SERVER_ERROR): the deadlock victim is now run again.
 */
import { BOARDS, boardTokens, incidentInput, REPORT_INCIDENT, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

it('stores every first report of the year when 5 boards each send 4 at once, with gap-free references per board', async () => {
  const tokens = await Promise.all(BOARDS.map((board) => boardTokens(t, board)));
  const results = await Promise.all(
    BOARDS.flatMap((board, b) =>
      Array.from({ length: 4 }, (_, i) =>
        t.gql<{ reportIncident: { reference: string } }>(i % 2 ? tokens[b]!.manager : tokens[b]!.chair, REPORT_INCIDENT, {
          input: incidentInput(board, { summary: `first of the year ${i}` }),
        }),
      ),
    ),
  );
  expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
  for (const board of BOARDS) {
    const numbers = results
      .map((r) => r.data!.reportIncident.reference)
      .filter((reference) => reference.startsWith(`${board}-`))
      .map((reference) => Number(reference.split('-')[2]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4]);
  }
});
