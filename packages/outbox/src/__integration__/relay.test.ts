import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '@scr/config';
import { createOutboxTable, Database, databaseName, dropMysqlDatabase, newOutboxEvent, OutboxEvent } from '@scr/db';
import { logger } from '@scr/observability';
import { keyFromData, OutboxRelay, retryNow, type OutboxDelivery } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

class CreateOutbox1700000000000 implements MigrationInterface {
  name = 'CreateOutbox1700000000000';
  async up(q: QueryRunner) {
    await createOutboxTable(q);
  }
  async down(q: QueryRunner) {
    await q.dropTable('outbox_events');
  }
}

const options = { service: 'incidents' as const, entities: [OutboxEvent], migrations: [CreateOutbox1700000000000] };

/** Commits events the way services do: inside a transaction with the change. */
async function writeEvents(db: Database, count: number, type = 'test.event'): Promise<string[]> {
  const events = Array.from({ length: count }, (_, i) => newOutboxEvent(type, { n: i }));
  await db.transaction(async (m) => {
    for (const event of events) await m.insert(OutboxEvent, event);
  });
  return events.map((e) => e.id);
}

async function rows(db: Database): Promise<OutboxEvent[]> {
  return db.transaction((m) => m.find(OutboxEvent, { order: { seq: 'ASC' } }));
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A receiver that records what it got. */
function receiver(behaviour: (event: OutboxDelivery) => Promise<void> | void = () => undefined) {
  const received: OutboxDelivery[] = [];
  const deliver = async (event: OutboxDelivery) => {
    await behaviour(event);
    received.push(event);
  };
  return { received, deliver };
}

describe.each([['mysql'], ['sqlite']])('OutboxRelay on %s', (kind) => {
  let db: Database;
  let dataDir: string;
  const prefix = `scro_${randomBytes(4).toString('hex')}`;
  const config = () => (kind === 'mysql' ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix }) : loadConfig({ DATA_DIR: dataDir }));
  const relays: OutboxRelay[] = [];
  const relay = (...args: ConstructorParameters<typeof OutboxRelay>) => {
    const r = new OutboxRelay(...args);
    relays.push(r);
    return r;
  };
  let errorLog: jest.SpyInstance;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-outbox-'));
    db = await Database.open(config(), options);
  });
  beforeEach(async () => {
    await db.transaction((m) => m.createQueryBuilder().delete().from(OutboxEvent).execute());
    errorLog = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    errorLog.mockRestore();
  });
  afterAll(async () => {
    await db.close();
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), 'incidents'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every event once, in seq order, as soon as it is poked', async () => {
    const ids = await writeEvents(db, 45); // more than two batches: a full batch carries on at once
    const { received, deliver } = receiver();
    const r = relay(db, deliver, { intervalMs: 60_000 });
    r.poke(); // no start(): only the poke can explain the delivery
    await waitFor(() => received.length >= 45, '45 deliveries');
    await sleep(50);
    expect(received.map((e) => e.id)).toEqual(ids);
    expect(received[7]).toMatchObject({ type: 'test.event', data: { n: 7 }, attempts: 0 });
    expect(received[7]?.occurredAt).toBeInstanceOf(Date);
    const stored = await rows(db);
    expect(stored.every((row) => row.deliveredAt instanceof Date && row.attempts === 0 && row.lastError === null)).toBe(true);
    expect(await r.runOnce()).toEqual({ delivered: 0, failed: 0 });
    expect(errorLog).not.toHaveBeenCalled();
  });

  /** Events about several incidents, interleaved as concurrent requests would write them. */
  async function writeAggregateEvents(perIncident: number, incidents: string[]): Promise<Map<string, string[]>> {
    const written = new Map<string, string[]>(incidents.map((id) => [id, []]));
    const events = Array.from({ length: perIncident * incidents.length }, (_, i) => {
      const incidentId = incidents[i % incidents.length]!; // i % length is always in range
      const event = newOutboxEvent('test.event', { incidentId, n: i });
      written.get(incidentId)!.push(event.id);
      return event;
    });
    await db.transaction(async (m) => {
      for (const event of events) await m.insert(OutboxEvent, event);
    });
    return written;
  }

  it("delivers several incidents' events side by side, each incident's in the order they were written", async () => {
    const written = await writeAggregateEvents(6, ['i1', 'i2', 'i3', 'i4', 'i5']);
    let inFlight = 0;
    let mostInFlight = 0;
    const { received, deliver } = receiver(async () => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await sleep(Math.random() * 5); // a network call of varying length
      inFlight -= 1;
    });
    const r = relay(db, deliver, { intervalMs: 60_000, concurrency: 4, orderKey: keyFromData('incidentId') });
    r.poke();
    await waitFor(() => received.length >= 30, '30 deliveries');
    await sleep(50);
    for (const [incidentId, ids] of written) {
      expect(received.filter((e) => (e.data as { incidentId: string }).incidentId === incidentId).map((e) => e.id)).toEqual(ids);
    }
    expect(new Set(received.map((e) => e.id)).size).toBe(30);
    expect(mostInFlight).toBe(4);
  });

  it("holds an incident's later events behind its failed one, then delivers them in order; other incidents go on", async () => {
    const written = await writeAggregateEvents(3, ['a', 'b']);
    const [a1, a2, a3] = written.get('a')!;
    const { received, deliver } = receiver((event) => {
      if (event.id === a1 && event.attempts === 0) throw new Error('receiver refused a1 once');
    });
    const r = relay(db, deliver, { intervalMs: 10, concurrency: 2, orderKey: keyFromData('incidentId'), backoff: { baseMs: 20, capMs: 40 } });
    expect(await r.runOnce()).toEqual({ delivered: 3, failed: 1 });
    expect(received.map((e) => e.id)).toEqual(written.get('b'));
    const held = (await rows(db)).filter((row) => row.id === a2 || row.id === a3);
    expect(held.map((row) => [row.deliveredAt, row.attempts])).toEqual([
      [null, 0],
      [null, 0],
    ]);
    r.start();
    await waitFor(() => received.length >= 6, 'the held-back events');
    expect(received.slice(3).map((e) => e.id)).toEqual([a1, a2, a3]);
  });

  it('backs off a failing event while later events are delivered, then delivers it', async () => {
    const ids = await writeEvents(db, 4);
    const [, flaky] = ids;
    if (!flaky) throw new Error('writeEvents wrote fewer than 2 events');
    const tries: number[] = [];
    const { received, deliver } = receiver((event) => {
      if (event.id !== flaky) return;
      tries.push(event.attempts);
      if (event.attempts < 2) throw new Error(`receiver down ${'x'.repeat(600)}`);
    });
    const r = relay(db, deliver, { intervalMs: 10, backoff: { baseMs: 20, capMs: 100 } });

    const before = Date.now();
    expect(await r.runOnce()).toEqual({ delivered: 3, failed: 1 });
    expect(received.map((e) => e.id)).toEqual([ids[0], ids[2], ids[3]]);
    const failedRow = (await rows(db)).find((row) => row.id === flaky)!;
    expect(failedRow.deliveredAt).toBeNull();
    expect(failedRow.attempts).toBe(1);
    expect(failedRow.lastError).toHaveLength(500);
    expect(failedRow.lastError!.startsWith('receiver down xxx')).toBe(true);
    expect(failedRow.lastError).not.toMatch(/\n\s+at /); // no stack trace
    // first retry: 10..20 ms after the failure (baseMs 20), not the 30 s lease
    expect(failedRow.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 10);
    expect(failedRow.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 20);
    expect(errorLog).toHaveBeenCalledTimes(1); // once for the pass
    expect(String(errorLog.mock.calls[0][0])).toContain(`test.event ${flaky} (attempt 1): receiver down`);

    // A newer event is not held up by the failing one.
    const [later] = await writeEvents(db, 1);
    if (!later) throw new Error('writeEvents wrote no event');
    r.start();
    await waitFor(() => received.some((e) => e.id === flaky), 'the flaky event to get through');
    expect(received.filter((e) => e.id === later)).toHaveLength(1);
    const order = received.map((e) => e.id);
    expect(order.indexOf(later)).toBeLessThan(order.indexOf(flaky)); // overtook the backing-off event
    expect(tries).toEqual([0, 1, 2]);
    expect(received.filter((e) => e.id === flaky)).toHaveLength(1);
    await r.stop();

    const row = (await rows(db)).find((x) => x.id === flaky)!;
    expect(row.deliveredAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toMatch(/^receiver down/); // history of the last failure stays
    expect((await rows(db)).every((x) => x.deliveredAt !== null)).toBe(true);
    // The second failing pass has the same reason: counted for the minute's summary, not logged again.
    expect(errorLog).toHaveBeenCalledTimes(1);
  });

  it('records a corrupt payload as a failed delivery and goes on', async () => {
    const [bad, good] = await writeEvents(db, 2);
    await db.transaction((m) => m.update(OutboxEvent, { id: bad }, { payload: '{not json' }));
    const { received, deliver } = receiver();
    const r = relay(db, deliver, { backoff: { baseMs: 60_000 } });
    expect(await r.runOnce()).toEqual({ delivered: 1, failed: 1 });
    expect(received.map((e) => e.id)).toEqual([good]);
    const row = (await rows(db)).find((x) => x.id === bad)!;
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/JSON/);
  });

  it('sends every event that waited out an outage at once, when the receiver comes back part way through a pass', async () => {
    const waited = await writeEvents(db, 6);
    let mode: 'down' | 'coming back' | 'up' = 'down';
    let firstBack = '';
    const { received, deliver } = receiver((event) => {
      if (mode === 'down') throw new Error('receiver down');
      if (mode === 'coming back' && event.id === firstBack) throw new Error('connection reset as it started');
    });
    // A minute's backoff: only the bring-forward can explain a delivery within this test.
    const r = relay(db, deliver, { backoff: { baseMs: 60_000, capMs: 120_000 } });
    expect(await r.runOnce()).toEqual({ delivered: 0, failed: 6 });

    // The receiver comes back while a pass is under way: the pass's first event still fails, the others arrive.
    const fresh = await writeEvents(db, 3);
    firstBack = fresh[0] ?? '';
    mode = 'coming back';
    expect(await r.runOnce()).toEqual({ delivered: 2, failed: 1 });
    mode = 'up';
    expect(await r.runOnce()).toEqual({ delivered: 7, failed: 0 });
    expect(received.map((e) => e.id).sort()).toEqual([...waited, ...fresh].sort());
  });

  (kind === 'mysql' ? it : it.skip)('brings the waiting events forward on a later pass when the first try is stopped', async () => {
    const waited = await writeEvents(db, 4);
    let up = false;
    const { received, deliver } = receiver(() => {
      if (!up) throw new Error('receiver down');
    });
    // A minute's backoff: only the bring-forward can explain a delivery within this test.
    const r = relay(db, deliver, { backoff: { baseMs: 60_000, capMs: 120_000 } });
    expect(await r.runOnce()).toEqual({ delivered: 0, failed: 4 });

    const fresh = await writeEvents(db, 1);
    up = true;
    // Another transaction holds the waiting rows (as a racing claim does); the bring-forward waits behind it
    // and is stopped by the server, as a deadlock victim would be.
    await db.transaction(async (holder) => {
      await holder.query(`SELECT seq FROM outbox_events WHERE id IN (${waited.map(() => '?').join(', ')}) FOR UPDATE`, waited);
      const pass = r.runOnce();
      let stopped = false;
      await waitFor(async () => {
        const [waiting] = (await db.manager.query(
          "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'UPDATE%next_attempt_at%'",
        )) as { id: number }[];
        if (waiting) await db.manager.query(`KILL QUERY ${Number(waiting.id)}`);
        return (stopped = !!waiting);
      }, 'the bring-forward waiting on the held rows');
      expect(stopped).toBe(true);
      expect(await pass).toEqual({ delivered: 1, failed: 0 });
    });
    expect(received.map((e) => e.id)).toEqual(fresh);

    // Nothing is due, but the bring-forward is still owed: the next pass makes it, and the one after delivers.
    expect(await r.runOnce()).toEqual({ delivered: 0, failed: 0 });
    expect(await r.runOnce()).toEqual({ delivered: 4, failed: 0 });
    expect(received.map((e) => e.id).sort()).toEqual([...waited, ...fresh].sort());
  });

  describe('a receiver that takes the batch in one call', () => {
    it('gets every claimed event in one call, and each is recorded delivered', async () => {
      const ids = await writeEvents(db, 30);
      const calls: string[][] = [];
      const r = relay(db, { many: async (events) => (calls.push(events.map((e) => e.id)), new Map()) });
      expect(await r.runOnce()).toEqual({ delivered: 30, failed: 0 });
      expect(calls).toEqual([ids]);
      expect((await rows(db)).every((row) => row.deliveredAt instanceof Date && row.attempts === 0)).toBe(true);
    });

    it('backs off only the events the receiver refused, and a corrupt payload never reaches it', async () => {
      const [bad, refused, good] = await writeEvents(db, 3);
      if (!bad || !refused || !good) throw new Error('writeEvents wrote fewer than 3 events');
      await db.transaction((m) => m.update(OutboxEvent, { id: bad }, { payload: '{not json' }));
      const got: string[] = [];
      const r = relay(
        db,
        {
          many: async (events) => {
            got.push(...events.map((e) => e.id));
            return new Map(events.filter((e) => e.id === refused).map((e) => [e, new Error('not an audit row')]));
          },
        },
        { backoff: { baseMs: 60_000 } },
      );
      expect(await r.runOnce()).toEqual({ delivered: 1, failed: 2 });
      expect(got).toEqual([refused, good]);
      const byId = new Map((await rows(db)).map((row) => [row.id, row]));
      expect(byId.get(good)?.deliveredAt).toBeInstanceOf(Date);
      expect(byId.get(refused)).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'not an audit row' });
      expect(byId.get(bad)).toMatchObject({ deliveredAt: null, attempts: 1 });
      expect(byId.get(bad)?.lastError).toMatch(/JSON/);
    });

    it('retries the whole batch when the call fails, and delivers it once the receiver is back', async () => {
      const ids = await writeEvents(db, 5);
      let up = false;
      const delivered: string[] = [];
      const r = relay(
        db,
        {
          many: async (events) => {
            if (!up) throw new Error('receiver down');
            delivered.push(...events.map((e) => e.id));
            return new Map();
          },
        },
        { intervalMs: 10, backoff: { baseMs: 20, capMs: 50 } },
      );
      expect(await r.runOnce()).toEqual({ delivered: 0, failed: 5 });
      expect((await rows(db)).every((row) => row.deliveredAt === null && row.attempts === 1)).toBe(true);
      up = true;
      r.start();
      await waitFor(() => delivered.length >= 5, 'the batch after the receiver came back');
      expect(delivered.sort()).toEqual([...ids].sort());
    });
  });

  it('claims only the event types it is given', async () => {
    const [mine] = await writeEvents(db, 1, 'incident.notified');
    const [theirs] = await writeEvents(db, 1, 'incident.referred');
    const { received, deliver } = receiver();
    const r = relay(db, deliver, { types: ['incident.notified'] });
    expect(await r.runOnce()).toEqual({ delivered: 1, failed: 0 });
    expect(received.map((e) => e.id)).toEqual([mine]);
    const other = (await rows(db)).find((x) => x.id === theirs)!;
    expect(other).toMatchObject({ deliveredAt: null, attempts: 0 });
    expect(other.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now()); // not leased either
    expect(await relay(db, deliver, { types: [] }).runOnce()).toEqual({ delivered: 0, failed: 0 });
  });

  (kind === 'mysql' ? it : it.skip)('two replicas on one database deliver each event exactly once', async () => {
    const ids = await writeEvents(db, 120);
    const other = await Database.open(config(), options); // a second replica: its own pool
    try {
      const counts = new Map<string, number>();
      const byReplica: [number, number] = [0, 0];
      const replica = (n: 0 | 1) => async (event: OutboxDelivery) => {
        await sleep(Math.random() * 3); // deliveries interleave
        counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
        byReplica[n] += 1;
      };
      const a = relay(db, replica(0), { batchSize: 5, intervalMs: 5 });
      const b = relay(other, replica(1), { batchSize: 5, intervalMs: 5 });
      // Passes run concurrently: both relays claim at the same moments.
      await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
      a.start();
      b.start();
      await waitFor(() => counts.size >= 120, 'all 120 events');
      await Promise.all([a.stop(), b.stop()]);
      expect([...counts.keys()].sort()).toEqual([...ids].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(byReplica[0]).toBeGreaterThan(0);
      expect(byReplica[1]).toBeGreaterThan(0);
      expect((await rows(db)).every((row) => row.deliveredAt !== null && row.attempts === 0)).toBe(true);
      expect(errorLog).not.toHaveBeenCalled(); // no lock waits turned into errors
    } finally {
      await other.close();
    }
  });

  it('stop() waits for the delivery in flight and its outcome', async () => {
    const [id] = await writeEvents(db, 1);
    let release!: () => void;
    let started = false;
    const { received, deliver } = receiver(async () => {
      started = true;
      await new Promise<void>((resolve) => (release = resolve));
    });
    const r = relay(db, deliver, { intervalMs: 10 });
    r.start();
    await waitFor(() => started, 'the delivery to start');
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(received.map((e) => e.id)).toEqual([id]);
    expect((await rows(db))[0]?.deliveredAt).toBeInstanceOf(Date); // recorded before stop() resolved

    await writeEvents(db, 1);
    r.poke(); // ignored once stopped
    await sleep(50);
    expect(received).toHaveLength(1);
  });

  it('redelivers an event whose lease ran out (a pass that crashed or hung), and only then', async () => {
    const [id] = await writeEvents(db, 1);
    let release!: () => void;
    const hung = receiver(() => new Promise<void>((resolve) => (release = resolve)));
    const healthy = receiver();
    const stuck = relay(db, hung.deliver, { leaseMs: 300 });
    const stuckPass = stuck.runOnce();
    await waitFor(() => release !== undefined, 'the first delivery to start');

    const second = relay(db, healthy.deliver, { leaseMs: 300 });
    expect(await second.runOnce()).toEqual({ delivered: 0, failed: 0 }); // leased
    await sleep(350);
    expect(await second.runOnce()).toEqual({ delivered: 1, failed: 0 });
    const [row] = await rows(db);
    expect(row).toBeDefined();
    const deliveredAt = row!.deliveredAt;
    expect(deliveredAt).toBeInstanceOf(Date);

    release(); // the hung pass finishes late: at-least-once, and the first outcome stands
    expect(await stuckPass).toEqual({ delivered: 1, failed: 0 });
    expect(hung.received.map((e) => e.id)).toEqual([id]);
    expect((await rows(db))[0]?.deliveredAt).toEqual(deliveredAt);
  });

  it('after a restart, a new relay delivers the events written before', async () => {
    const ids = await writeEvents(db, 3);
    await db.close(); // the process goes away with the events undelivered
    db = await Database.open(config(), options);
    const { received, deliver } = receiver();
    const r = relay(db, deliver, { intervalMs: 20 });
    r.start();
    await waitFor(() => received.length >= 3, 'the backlog');
    expect(received.map((e) => e.id)).toEqual(ids);
    expect((await rows(db)).every((row) => row.deliveredAt !== null)).toBe(true);
  });
  it('holds a scheduled event until its notBefore, whatever a retry asks, while others flow', async () => {
    const later = newOutboxEvent('panel:test.scheduled', { n: 1 }, { notBefore: new Date(Date.now() + 3600_000) });
    const soon = newOutboxEvent('panel:test.scheduled', { n: 2 }, { notBefore: new Date(Date.now() + 300) });
    await db.transaction(async (m) => {
      await m.insert(OutboxEvent, later);
      await m.insert(OutboxEvent, soon);
    });
    const [now] = await writeEvents(db, 1, 'panel:test.now');
    const { received, deliver } = receiver();
    const r = relay(db, deliver, { intervalMs: 20 });
    r.start();
    await waitFor(() => received.some((e) => e.id === soon.id), 'the event scheduled 300 ms ahead');
    expect(received.map((e) => e.id)).toEqual([now, soon.id]);
    expect(await retryNow(db, 'panel:', later.id)).toBe(false);
    await sleep(100);
    expect(received.map((e) => e.id)).not.toContain(later.id);
    const stored = (await rows(db)).find((row) => row.id === later.id)!;
    expect(stored.deliveredAt).toBeNull();
    expect(stored.nextAttemptAt.getTime()).toBe(later.nextAttemptAt.getTime());
  });
});
