import { endOfLondonDay } from '../london-day';
import { startOfLondonDay } from '../today';

describe('startOfLondonDay', () => {
  it('is midnight UTC in winter (GMT)', () => {
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
  it('is 23:00 UTC the day before in summer (BST), as on 1 April', () => {
    expect(startOfLondonDay('2025-04-01').toISOString()).toBe('2025-03-31T23:00:00.000Z');
  });
  it('follows the change of clocks: the last Sunday of March starts in GMT, the day after in BST', () => {
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLondonDay('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
  it('ends a day where the next one starts', () => {
    expect(endOfLondonDay('2026-03-31').toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });
});
