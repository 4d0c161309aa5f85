import { IsNull } from 'typeorm';
import { OutboxEvent } from '@scr/db';
import { boardTokens, eventually, incidentInput, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

const NOTIFY = `mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id notifiedOn } }`;

describe('events survive an outage of the reviews subgraph', () => {
  it('opens exactly one review per notified incident once the reviews subgraph is back', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    await t.platform.stopService('reviews');

    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const input = incidentInput('LEEDS');
      const incident = await reportIncident(t, leeds.manager, input);
      const res = await t.gql(leeds.manager, NOTIFY, { id: incident.id, on: input.awareOn });
      expect(res.errors).toBeUndefined();
      ids.push(incident.id);
    }
    // Let the relay fail a few times against the stopped service.
    await new Promise((r) => setTimeout(r, 500));
    await t.platform.startService('reviews');

    const reviews = await eventually(
      async () => {
        const res = await t.gql<{ reviews: { totalCount: number; edges: { node: { incident: { id: string } } }[] } }>(
          leeds.manager,
          '{ reviews { totalCount edges { node { incident { id } } } } }',
        );
        return res.data?.reviews.totalCount === 3 ? res.data.reviews : undefined;
      },
      15_000,
      'three reviews',
    );
    expect(reviews.edges.map((e) => e.node.incident.id).sort()).toEqual([...ids].sort());

    // Nothing more arrives later: the relay marked each event delivered once.
    await new Promise((r) => setTimeout(r, 500));
    const again = await t.gql<{ reviews: { totalCount: number } }>(leeds.manager, '{ reviews { totalCount } }');
    expect(again.data!.reviews.totalCount).toBe(3);
  });

  it('handles a redelivered event only once', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const input = incidentInput('LEEDS');
    const incident = await reportIncident(t, leeds.manager, input);
    await t.gql(leeds.manager, NOTIFY, { id: incident.id, on: input.awareOn });
    await eventually(async () => {
      const res = await t.gql<{ incident: { reviews: unknown[] } }>(leeds.manager, `{ incident(id: "${incident.id}") { reviews { id } } }`);
      return res.data?.incident.reviews.length === 1;
    });
    // Mark the event undelivered, as a crash between delivery and acknowledgement would leave it.
    const incidentsDb = t.platform.services.get('incidents')!.db!;
    await incidentsDb.manager
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ deliveredAt: null, nextAttemptAt: new Date(0) })
      .where('type = :type', { type: 'incident.notified' })
      .execute();
    await eventually(async () => {
      const undelivered = await incidentsDb.manager.count(OutboxEvent, { where: { type: 'incident.notified', deliveredAt: IsNull() } });
      return undelivered === 0;
    });
    const res = await t.gql<{ reviews: { totalCount: number } }>(leeds.manager, '{ reviews { totalCount } }');
    expect(res.data!.reviews.totalCount).toBe(4);
  });
});
