export interface RetryOptions {
  /** Which failures are worth another attempt; anything else is thrown at once. */
  retryOn: (error: unknown) => boolean;
  /** Attempts in all, the first included (default 3). */
  attempts?: number;
  /** Base of the jittered backoff between attempts, in ms (default 20). */
  baseDelayMs?: number;
}

/**
 * Runs fn again after a failure `retryOn` accepts (a unique-key race, a
 * deadlock victim), at most `attempts` times in all, waiting a small,
 * random, growing delay between tries so racing twins do not collide again
 * in lockstep. The last failure is thrown as it was.
 */
export async function retrying<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 3;
  const base = options.baseDelayMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !options.retryOn(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, base * attempt * (0.5 + Math.random())));
    }
  }
}
