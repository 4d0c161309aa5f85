import { RepeatSummariser } from '../repeat-summariser';

function setup() {
  const lines: string[] = [];
  let now = 0;
  const summariser = new RepeatSummariser(60_000, (line) => lines.push(line), () => now);
  return { lines, summariser, at: (ms: number) => (now = ms) };
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
});
