export interface BackoffOptions {
  /** Delay ceiling for the first retry, in ms (default 1000). */
  baseMs?: number;
  /** Largest ceiling however many attempts failed, in ms (default 10 minutes). */
  capMs?: number;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

export const DEFAULT_BACKOFF_BASE_MS = 1000;
export const DEFAULT_BACKOFF_CAP_MS = 10 * 60 * 1000;

/**
 * How long to wait before the next try after `attempts` failed attempts
 * (1 = the first delivery just failed).
 *
 * Capped exponential backoff with full jitter over a floor:
 *   ceiling = min(capMs, baseMs * 2^(attempts - 1))
 *   floor   = min(baseMs / 2, ceiling)
 *   delay   = uniform in [floor, ceiling]
 * Full jitter (rather than "equal jitter", [ceiling/2, ceiling]) spreads the
 * retries of many events that failed together across the whole window, so a
 * receiver coming back is not hit by a synchronised wave. The floor keeps a
 * retry from ever being (almost) immediate, which would hot-loop on a receiver
 * that is down. With the defaults the first retry comes after 0.5–1 s, the
 * second after 0.5–2 s, and no retry waits longer than 10 minutes.
 * Returns whole milliseconds.
 */
export function retryDelayMs(attempts: number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const capMs = options.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  if (!Number.isFinite(baseMs) || baseMs <= 0) throw new RangeError(`baseMs must be a positive number of ms, got ${baseMs}`);
  if (!Number.isFinite(capMs) || capMs <= 0) throw new RangeError(`capMs must be a positive number of ms, got ${capMs}`);
  const random = options.random ?? Math.random;

  // Anything below 1 (or NaN) is treated as the first failure.
  const n = Number.isFinite(attempts) && attempts >= 1 ? Math.floor(attempts) : 1;
  // 2^(n-1) overflows to Infinity for large n; min() with the cap keeps it finite.
  const ceiling = Math.min(capMs, baseMs * 2 ** (n - 1));
  const floor = Math.min(baseMs / 2, ceiling);
  // Clamp r so a misbehaving random() cannot leave the window.
  const r = Math.min(1, Math.max(0, random()));
  const delay = floor + r * (ceiling - floor);
  return Math.min(Math.floor(ceiling), Math.max(Math.ceil(floor), Math.round(delay)));
}
