import type { Database } from '@scr/db';
import { logger } from '@scr/observability';
import { OutboxRelay, type PassResult } from '../relay';

/** Scheduling only: runOnce is replaced, so no database is touched. */
function relayWithFakePasses(options: { batchSize?: number; intervalMs?: number } = {}) {
  const relay = new OutboxRelay({} as Database, async () => undefined, { intervalMs: 60_000, ...options });
  const gates: Array<(result: PassResult) => void> = [];
  const runOnce = jest.spyOn(relay, 'runOnce').mockImplementation(() => new Promise<PassResult>((resolve) => gates.push(resolve)));
  const finishPass = (result: PassResult = { delivered: 0, failed: 0 }) => gates.shift()!(result);
  return { relay, runOnce, finishPass };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('OutboxRelay scheduling', () => {
  it('coalesces pokes made before the pass starts into one pass', async () => {
    const { relay, runOnce, finishPass } = relayWithFakePasses();
    relay.poke();
    relay.poke();
    relay.poke();
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(1);
    finishPass();
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(1);
    await relay.stop();
  });

  it('runs exactly one more pass for any number of pokes during a pass', async () => {
    const { relay, runOnce, finishPass } = relayWithFakePasses();
    relay.poke();
    await settle();
    relay.poke();
    relay.poke();
    finishPass();
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(2);
    finishPass();
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(2);
    await relay.stop();
  });

  it('carries on at once after a full batch', async () => {
    const { relay, runOnce, finishPass } = relayWithFakePasses({ batchSize: 3 });
    relay.poke();
    await settle();
    finishPass({ delivered: 2, failed: 1 });
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(2);
    finishPass({ delivered: 1, failed: 0 });
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(2);
    await relay.stop();
  });

  it('polls every intervalMs after start, beginning at once', async () => {
    const { relay, runOnce, finishPass } = relayWithFakePasses({ intervalMs: 30 });
    relay.start();
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(1);
    finishPass();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runOnce).toHaveBeenCalledTimes(2);
    finishPass();
    await relay.stop();
  });

  it('never throws out of the timer and logs a failed pass once', async () => {
    const relay = new OutboxRelay({} as Database, async () => undefined, { intervalMs: 60_000, name: 'incidents' });
    jest.spyOn(relay, 'runOnce').mockRejectedValue(new Error('connect ECONNREFUSED'));
    const log = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      relay.poke();
      await settle();
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]?.[0]).toBe('[outbox incidents] pass failed: connect ECONNREFUSED');
    } finally {
      log.mockRestore();
      await relay.stop();
    }
  });

  it('stop() waits for the pass in flight and ignores later pokes', async () => {
    const { relay, runOnce, finishPass } = relayWithFakePasses();
    relay.start();
    await settle();
    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finishPass();
    await stopping;
    relay.poke();
    await settle();
    expect(runOnce).toHaveBeenCalledTimes(1);
  });

  it('refuses nonsensical options', () => {
    const db = {} as Database;
    const deliver = async () => undefined;
    expect(() => new OutboxRelay(db, deliver, { batchSize: 0 })).toThrow(RangeError);
    expect(() => new OutboxRelay(db, deliver, { batchSize: 2.5 })).toThrow(RangeError);
    expect(() => new OutboxRelay(db, deliver, { leaseMs: -1 })).toThrow(RangeError);
    expect(() => new OutboxRelay(db, deliver, { intervalMs: 0 })).toThrow(RangeError);
    expect(() => new OutboxRelay(db, deliver, { backoff: { baseMs: 0 } })).toThrow(RangeError);
  });
});
