import { RepeatSummariser } from '../repeat-summariser';

function setup() {
  const lines: string[] = [];
  let now = 0;
  const timers: { due: number; flush: () => void }[] = [];
  const summariser = new RepeatSummariser(
    60_000,
    (line) => lines.push(line),
    () => now,
    (flush, ms) => timers.push({ due: now + ms, flush }),
  );
  /** Moves the clock to `ms`, firing the flush timers due by then, as Node would. */
  const passTime = (ms: number) => {
    now = ms;
    for (const timer of timers.splice(0).sort((a, b) => a.due - b.due)) {
      if (timer.due <= ms) timer.flush();
      else timers.push(timer);
    }
  };
  return { lines, summariser, at: (ms: number) => (now = ms), passTime, timers };
}

describe('RepeatSummariser', () => {
  it('logs the first failure in full and 57 identical ones in a minute as one summary line', () => {
    const { lines, summariser, at } = setup();
    for (let i = 0; i < 58; i++) {
      at(i * 1000);
      summariser.report('[outbox incidents] unreachable (ECONNREFUSED)', `[outbox incidents] event ${i}: unreachable (ECONNREFUSED)`);
    }
    expect(lines).toEqual(['[outbox incidents] event 0: unreachable (ECONNREFUSED)']);
    at(60_000);
    summariser.flush();
    expect(lines).toEqual([
      '[outbox incidents] event 0: unreachable (ECONNREFUSED)',
      '[outbox incidents] unreachable (ECONNREFUSED): 57 more failures like this in the last 60 s',
    ]);
  });

  it('logs a different reason at once, and the same reason again in full once its window has passed', () => {
    const { lines, summariser, at } = setup();
    summariser.report('relay A', 'A first');
    summariser.report('relay B', 'B first');
    at(30_000);
    summariser.report('relay A', 'A again');
    at(61_000);
    summariser.report('relay A', 'A after the window');
    expect(lines).toEqual(['A first', 'B first', 'relay A: 1 more failure like this in the last 61 s', 'A after the window']);
  });

  it('writes no summary for a failure that did not repeat', () => {
    const { lines, summariser, at } = setup();
    summariser.report('relay A', 'A once');
    at(120_000);
    summariser.flush();
    expect(lines).toEqual(['A once']);
  });

  it('writes the summary when the window ends, though no failure came after the outage', () => {
    const { lines, summariser, at, passTime } = setup();
    summariser.report('[principal check]: The agencies service did not answer (HTTP 503)', 'first');
    at(2_000);
    summariser.report('[principal check]: The agencies service did not answer (HTTP 503)', 'second');
    summariser.report('[principal check]: The agencies service did not answer (HTTP 503)', 'third');
    passTime(59_999);
    expect(lines).toEqual(['first']);
    passTime(60_000);
    expect(lines).toEqual(['first', '[principal check]: The agencies service did not answer (HTTP 503): 2 more failures like this in the last 60 s']);
  });

  it('sets one timer per window, and a later window its own when the first ends', () => {
    const { lines, summariser, at, passTime, timers } = setup();
    summariser.report('A', 'A first');
    at(1_000);
    for (let i = 0; i < 100; i++) summariser.report('A', 'A again');
    at(30_000);
    summariser.report('B', 'B first');
    summariser.report('B', 'B again');
    expect(timers).toHaveLength(1);
    passTime(60_000);
    expect(lines).toEqual(['A first', 'B first', 'A: 100 more failures like this in the last 60 s']);
    passTime(90_000);
    expect(lines[3]).toBe('B: 1 more failure like this in the last 60 s');
    expect(timers).toHaveLength(0);
  });
});
