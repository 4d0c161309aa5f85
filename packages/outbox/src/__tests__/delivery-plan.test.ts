import { deliverAsOne, deliverPerAggregate, keyFromData, leaseFor, maxPerKeyFor } from '../delivery-plan';

const event = (seq: number, key?: string) => ({ seq, key });

/** A receiver that records the order of arrivals and how many deliveries were in flight at once. */
function receiver(fail: (e: { seq: number }) => boolean = () => false) {
  const arrived: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const deliver = async (e: { seq: number }) => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    // Yield a few times so other workers run meanwhile, as network calls would let them.
    for (let i = 0; i < 3; i++) await Promise.resolve();
    inFlight -= 1;
    if (fail(e)) throw new Error(`refused ${e.seq}`);
    arrived.push(e.seq);
  };
  return { arrived, deliver, mostInFlight: () => mostInFlight };
}

describe('deliverPerAggregate', () => {
  it("delivers each aggregate's events in the order they were written, whatever the batch order", async () => {
    const r = receiver();
    const batch = [event(5, 'a'), event(1, 'a'), event(2, 'b'), event(3, 'a'), event(4, 'b'), event(6, 'c')];
    await deliverPerAggregate(batch, { concurrency: 3, maxPerKey: 10 }, r.deliver);
    const order = (key: string) => r.arrived.filter((seq) => batch.find((e) => e.seq === seq)!.key === key);
    expect(order('a')).toEqual([1, 3, 5]);
    expect(order('b')).toEqual([2, 4]);
    expect(r.arrived.sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('delivers different aggregates side by side, never more than `concurrency` at once', async () => {
    const r = receiver();
    const batch = Array.from({ length: 20 }, (_, i) => event(i + 1, `k${i}`));
    const outcome = await deliverPerAggregate(batch, { concurrency: 4, maxPerKey: 5 }, r.deliver);
    expect(outcome.delivered).toHaveLength(20);
    expect(r.mostInFlight()).toBe(4);
  });

  it('never delivers two events of one aggregate at once', async () => {
    const r = receiver();
    const batch = Array.from({ length: 6 }, (_, i) => event(i + 1, 'same'));
    await deliverPerAggregate(batch, { concurrency: 4, maxPerKey: 10 }, r.deliver);
    expect(r.mostInFlight()).toBe(1);
    expect(r.arrived).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('holds back the rest of an aggregate after its first failure, so nothing overtakes the failed event; other aggregates go on', async () => {
    const r = receiver((e) => e.seq === 2);
    const batch = [event(1, 'a'), event(2, 'a'), event(3, 'b'), event(4, 'a'), event(5, 'b')];
    const outcome = await deliverPerAggregate(batch, { concurrency: 2, maxPerKey: 10 }, r.deliver);
    expect(outcome.delivered.map((e) => e.seq).sort()).toEqual([1, 3, 5]);
    expect(outcome.failed.map((f) => f.event.seq)).toEqual([2]);
    expect(outcome.heldBack).toEqual([{ event: event(4, 'a'), behind: event(2, 'a') }]);
  });

  it('delivers at most maxPerKey events of one aggregate in a pass and holds back the rest for the next', async () => {
    const r = receiver();
    const batch = Array.from({ length: 5 }, (_, i) => event(i + 1, 'long'));
    const outcome = await deliverPerAggregate(batch, { concurrency: 2, maxPerKey: 3 }, r.deliver);
    expect(r.arrived).toEqual([1, 2, 3]);
    expect(outcome.heldBack.map((h) => [h.event.seq, h.behind])).toEqual([
      [4, undefined],
      [5, undefined],
    ]);
  });

  it('keeps no order among events without a key: each goes on its own', async () => {
    const r = receiver((e) => e.seq === 1);
    const outcome = await deliverPerAggregate([event(1), event(2), event(3)], { concurrency: 3, maxPerKey: 1 }, r.deliver);
    expect(outcome.delivered.map((e) => e.seq).sort()).toEqual([2, 3]);
    expect(outcome.heldBack).toEqual([]);
  });
});

describe('keyFromData', () => {
  it('takes the first field present, named so different fields never collide', () => {
    const key = keyFromData('reviewId', 'id');
    expect(key({ reviewId: 'r1', id: 'x' })).toBe('reviewId:r1');
    expect(key({ id: 'i1' })).toBe('id:i1');
    expect(key({ other: 1 })).toBeUndefined();
    expect(key(undefined)).toBeUndefined();
  });
});

describe('leaseFor', () => {
  it('covers the longest run a worker can be handed: twice batch/concurrency deliveries at their timeout, plus a margin', () => {
    expect(maxPerKeyFor(50, 8)).toBe(7);
    expect(leaseFor(50, 8, 10_000)).toBe(2 * 7 * 10_000 + 5_000);
    expect(leaseFor(20, 1, 1_000)).toBe(45_000);
  });
});

describe('deliverAsOne', () => {
  it('counts every event delivered but those the receiver refused, each with its reason', async () => {
    const [a, b, c] = [event(1), event(2), event(3)];
    const outcome = await deliverAsOne([a, b, c], async () => new Map([[b, 'bad shape']]));
    expect(outcome).toEqual({ delivered: [a, c], failed: [{ event: b, error: 'bad shape' }], heldBack: [] });
  });

  it('fails every event with the error of a call that failed', async () => {
    const [a, b] = [event(1), event(2)];
    const down = new Error('receiver down');
    const outcome = await deliverAsOne([a, b], () => Promise.reject(down));
    expect(outcome).toEqual({
      delivered: [],
      failed: [
        { event: a, error: down },
        { event: b, error: down },
      ],
      heldBack: [],
    });
  });

  it('makes no call for an empty batch', async () => {
    const deliver = jest.fn();
    expect(await deliverAsOne([], deliver)).toEqual({ delivered: [], failed: [], heldBack: [] });
    expect(deliver).not.toHaveBeenCalled();
  });
});
