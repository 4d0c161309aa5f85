import { addLondonCalendarMonths, londonInstant, startOfLondonDay } from '..';

describe('startOfLondonDay', () => {
  it('is midnight GMT in winter', () => {
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
  it('is 23:00 UTC the evening before in summer', () => {
    expect(startOfLondonDay('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
  });
  it('follows the clock change days', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLondonDay('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('londonInstant', () => {
  it('reads a London wall-clock time', () => {
    expect(londonInstant('2026-06-01', 9 * 3600_000).toISOString()).toBe('2026-06-01T08:00:00.000Z');
    expect(londonInstant('2026-12-01', 9 * 3600_000 + 1).toISOString()).toBe('2026-12-01T09:00:00.001Z');
  });
});

describe('addLondonCalendarMonths', () => {
  it('keeps the London time of day across a clock change', () => {
    // 10:30 BST on 1 August is 10:30 GMT on 1 November.
    expect(addLondonCalendarMonths(new Date('2026-08-01T09:30:00.000Z'), 3).toISOString()).toBe('2026-11-01T10:30:00.000Z');
  });
  it('clamps to the end of a shorter month', () => {
    expect(addLondonCalendarMonths(new Date('2026-11-30T12:00:00.000Z'), 3).toISOString()).toBe('2027-02-28T12:00:00.000Z');
  });
  it('uses the London date, not the UTC one, just after London midnight in summer', () => {
    // 00:30 BST on 31 May is still 30 May in UTC; three months on is 31 August in London.
    expect(addLondonCalendarMonths(new Date('2026-05-30T23:30:00.000Z'), 3).toISOString()).toBe('2026-08-30T23:30:00.000Z');
  });
});
