import { deadlineStatus } from '../deadline';
import { InvalidDateError } from '../iso-date';

describe('deadlineStatus', () => {
  const due = '2026-07-15';

  it('is MET when done before or on the due date, whatever today is', () => {
    expect(deadlineStatus(due, '2026-07-01', '2026-07-10')).toBe('MET');
    expect(deadlineStatus(due, '2026-07-15', '2026-07-15')).toBe('MET');
    expect(deadlineStatus(due, '2026-07-15', '2026-09-01')).toBe('MET');
  });

  it('is LATE when done after the due date', () => {
    expect(deadlineStatus(due, '2026-07-16', '2026-07-16')).toBe('LATE');
    expect(deadlineStatus(due, '2027-01-04', '2027-06-01')).toBe('LATE');
  });

  it('is PENDING when not done and due today or later', () => {
    expect(deadlineStatus(due, null, '2026-07-14')).toBe('PENDING');
    expect(deadlineStatus(due, undefined, '2026-07-15')).toBe('PENDING');
  });

  it('is OVERDUE when not done and the due date has passed', () => {
    expect(deadlineStatus(due, null, '2026-07-16')).toBe('OVERDUE');
    expect(deadlineStatus(due, undefined, '2027-01-01')).toBe('OVERDUE');
  });

  it('compares across month and year ends by calendar, not by length', () => {
    expect(deadlineStatus('2026-12-31', null, '2027-01-01')).toBe('OVERDUE');
    expect(deadlineStatus('2026-02-28', '2026-03-01', '2026-03-01')).toBe('LATE');
  });

  it('rejects invalid dates in any argument', () => {
    expect(() => deadlineStatus('2026-02-30', null, '2026-01-01')).toThrow(InvalidDateError);
    expect(() => deadlineStatus(due, '2026-7-1', '2026-07-01')).toThrow(InvalidDateError);
    expect(() => deadlineStatus(due, '2026-07-01', '2026-13-01')).toThrow(InvalidDateError);
    expect(() => deadlineStatus(due, '', '2026-07-01')).toThrow(InvalidDateError);
  });
});
