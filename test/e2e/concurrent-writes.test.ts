import { boardTokens, incidentInput, REPORT_INCIDENT, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

describe('concurrent writes', () => {
  it('stores every one of 20 simultaneous reports with distinct, gap-free references', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql<{ reportIncident: { reference: string } }>(i % 2 ? leeds.manager : leeds.chair, REPORT_INCIDENT, {
          input: incidentInput('LEEDS', { summary: `concurrent ${i}` }),
        }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const numbers = results.map((r) => Number(r.data!.reportIncident.reference.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const list = await t.gql<{ incidents: { totalCount: number } }>(leeds.manager, '{ incidents { totalCount } }');
    expect(list.data!.incidents.totalCount).toBe(20);
  });
});
