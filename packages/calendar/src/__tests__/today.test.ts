import { todayInLondon } from '../today';

describe('todayInLondon', () => {
  it.each([
    // British Summer Time (UTC+1): London reaches midnight an hour before UTC.
    ['2026-06-30T22:59:59.999Z', '2026-06-30'],
    ['2026-06-30T23:00:00.000Z', '2026-07-01'],
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    // Greenwich Mean Time (UTC+0): London and UTC agree.
    ['2026-12-31T23:30:00Z', '2026-12-31'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31'],
    ['2027-01-01T00:00:00Z', '2027-01-01'],
    // Clocks go forward at 01:00 UTC on 2026-03-29.
    ['2026-03-28T23:59:59Z', '2026-03-28'],
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    ['2026-03-29T23:00:00Z', '2026-03-30'],
    // Clocks go back at 01:00 UTC on 2026-10-25; that day is 25 hours long.
    ['2026-10-24T22:59:59Z', '2026-10-24'],
    ['2026-10-24T23:00:00Z', '2026-10-25'],
    ['2026-10-25T23:30:00Z', '2026-10-25'],
    ['2026-10-26T00:00:00Z', '2026-10-26'],
  ])('at %s it is %s in London', (instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });

  it('does not depend on the process time zone', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
      process.env.TZ = 'America/Los_Angeles';
      expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('reads the clock when no instant is given', () => {
    jest.useFakeTimers({ now: new Date('2026-06-30T23:30:00Z') });
    try {
      expect(todayInLondon()).toBe('2026-07-01');
    } finally {
      jest.useRealTimers();
    }
  });

  it('turns at London midnight when asked minute by minute, in summer and winter, and back again', () => {
    const minutes = (fromIso: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(fromIso) + i * 60_000));
    const summer = minutes('2026-06-30T22:58:00Z', 4).map((d) => todayInLondon(d));
    expect(summer).toEqual(['2026-06-30', '2026-06-30', '2026-07-01', '2026-07-01']);
    const winter = minutes('2026-12-31T23:58:00Z', 4).map((d) => todayInLondon(d));
    expect(winter).toEqual(['2026-12-31', '2026-12-31', '2027-01-01', '2027-01-01']);
    // Asked about an earlier instant right after a later one.
    expect(todayInLondon(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30');
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInLondon(new Date('not a date'))).toThrow(RangeError);
  });
});
