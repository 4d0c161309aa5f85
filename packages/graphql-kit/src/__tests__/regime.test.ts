import { regimeAt } from '../regime';

describe('regimeAt', () => {
  it('is LSCB the day before partnership arrangements began and PARTNERSHIP from that day', () => {
    expect(regimeAt('2019-08-31', '2019-09-01')).toBe('LSCB');
    expect(regimeAt('2019-09-01', '2019-09-01')).toBe('PARTNERSHIP');
    expect(regimeAt('2026-01-01', '2019-09-01')).toBe('PARTNERSHIP');
  });

  it('is LSCB for a board without partnership arrangements', () => {
    expect(regimeAt('2026-01-01', null)).toBe('LSCB');
  });
});
