import { addCalendarMonths } from '../months';
import { InvalidDateError } from '../iso-date';

describe('addCalendarMonths', () => {
  it('keeps the day of month when it exists', () => {
    expect(addCalendarMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addCalendarMonths('2026-03-31', 2)).toBe('2026-05-31');
    expect(addCalendarMonths('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('clamps to 29 February in leap years', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addCalendarMonths('1999-02-28', 12)).toBe('2000-02-28');
    expect(addCalendarMonths('2099-01-31', 1)).toBe('2099-02-28'); // 2100 is not a leap year either
    expect(addCalendarMonths('2100-01-31', 1)).toBe('2100-02-28');
  });

  it('rolls over years', () => {
    expect(addCalendarMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addCalendarMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addCalendarMonths('2026-06-15', 25)).toBe('2028-07-15');
  });

  it('works backwards for negative n', () => {
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addCalendarMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addCalendarMonths('2027-02-28', -6)).toBe('2026-08-28');
    expect(addCalendarMonths('2026-01-31', -13)).toBe('2024-12-31');
    expect(addCalendarMonths('2026-02-28', -12)).toBe('2025-02-28');
  });

  it('rejects invalid input', () => {
    expect(() => addCalendarMonths('2026-02-30', 1)).toThrow(InvalidDateError);
    expect(() => addCalendarMonths('2026-01-31', 0.5)).toThrow(RangeError);
    expect(() => addCalendarMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addCalendarMonths('0001-01-01', -1)).toThrow(RangeError);
  });
});
