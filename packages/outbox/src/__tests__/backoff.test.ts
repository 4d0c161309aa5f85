import { DEFAULT_BACKOFF_CAP_MS, retryDelayMs } from '../backoff';

const low = () => 0;
const high = () => 0.999999999;
const mid = () => 0.5;

describe('retryDelayMs', () => {
  it('waits between half the base and the base before the first retry', () => {
    expect(retryDelayMs(1, { random: low })).toBe(500);
    expect(retryDelayMs(1, { random: mid })).toBe(750);
    expect(retryDelayMs(1, { random: high })).toBe(1000);
  });

  it('doubles the ceiling per failed attempt while the floor stays at base/2', () => {
    const ceilings = [1, 2, 3, 4, 5, 10].map((n) => retryDelayMs(n, { random: high }));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 512000]);
    for (const n of [1, 2, 5, 10, 30]) expect(retryDelayMs(n, { random: low })).toBe(500);
  });

  it('spreads retries uniformly over the whole window (full jitter)', () => {
    // attempt 3: window [500, 4000]
    expect(retryDelayMs(3, { random: () => 0.25 })).toBe(500 + 0.25 * 3500);
    expect(retryDelayMs(3, { random: mid })).toBe(2250);
  });

  it('caps the ceiling at 10 minutes however many attempts failed', () => {
    expect(DEFAULT_BACKOFF_CAP_MS).toBe(600_000);
    expect(retryDelayMs(11, { random: high })).toBe(600_000);
    expect(retryDelayMs(1000, { random: high })).toBe(600_000); // 2^999 is Infinity: still finite
    expect(retryDelayMs(Number.MAX_SAFE_INTEGER, { random: mid })).toBe(Math.round(500 + 0.5 * 599_500));
  });

  it('takes a smaller base and cap, as tests and impatient callers do', () => {
    const options = { baseMs: 20, capMs: 50 };
    expect(retryDelayMs(1, { ...options, random: low })).toBe(10);
    expect(retryDelayMs(1, { ...options, random: high })).toBe(20);
    expect(retryDelayMs(2, { ...options, random: high })).toBe(40);
    expect(retryDelayMs(3, { ...options, random: high })).toBe(50);
  });

  it('keeps the floor under a cap smaller than base/2', () => {
    expect(retryDelayMs(1, { baseMs: 1000, capMs: 100, random: low })).toBe(100);
    expect(retryDelayMs(4, { baseMs: 1000, capMs: 100, random: high })).toBe(100);
  });

  it('treats attempts below 1 (or not a number) as the first failure', () => {
    for (const n of [0, -3, Number.NaN]) expect(retryDelayMs(n, { random: high })).toBe(1000);
    expect(retryDelayMs(2.7, { random: high })).toBe(2000);
  });

  it('stays in the window even if random() misbehaves', () => {
    expect(retryDelayMs(2, { random: () => 1.5 })).toBe(2000);
    expect(retryDelayMs(2, { random: () => -1 })).toBe(500);
  });

  it('returns whole milliseconds within bounds with the default Math.random', () => {
    for (let n = 1; n <= 25; n += 1) {
      const delay = retryDelayMs(n);
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(Math.min(600_000, 1000 * 2 ** (n - 1)));
    }
  });

  it('refuses a base or cap that is not a positive number', () => {
    expect(() => retryDelayMs(1, { baseMs: 0 })).toThrow(RangeError);
    expect(() => retryDelayMs(1, { baseMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => retryDelayMs(1, { capMs: -1 })).toThrow(RangeError);
  });
});
