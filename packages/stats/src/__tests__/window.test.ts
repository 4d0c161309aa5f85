import { latestStatisticsDate, MAX_STATISTICS_PERIODS, statisticsWindowProblem } from '../window';
import { periodCount } from '../periods';

const TODAY = '2026-12-01';

describe('statisticsWindowProblem', () => {
  it('accepts a window inside the bounds', () => {
    expect(statisticsWindowProblem('2000-01-01', '2027-12-31', 'YEAR', TODAY)).toBeNull();
    expect(statisticsWindowProblem('2016-01-01', '2025-12-31', 'MONTH', TODAY)).toBeNull(); // exactly 120 months
    expect(statisticsWindowProblem('2025-05-15', '2026-02-10', 'QUARTER', TODAY)).toBeNull();
  });

  it('refuses a start before 2000-01-01, naming from', () => {
    expect(statisticsWindowProblem('1999-12-31', '2000-06-30', 'MONTH', TODAY)).toEqual({
      argument: 'from',
      message: expect.stringMatching(/start on 2000-01-01 at the earliest, and from is 1999-12-31/),
    });
    expect(statisticsWindowProblem('0001-01-01', '2020-01-01', null, TODAY)?.argument).toBe('from');
  });

  it('refuses an end after the end of next year (London date), naming to', () => {
    expect(statisticsWindowProblem('2026-01-01', '2028-01-01', 'YEAR', TODAY)).toEqual({
      argument: 'to',
      message: expect.stringMatching(/end on 2027-12-31 \(the end of next year\) at the latest, and to is 2028-01-01/),
    });
    expect(statisticsWindowProblem('2026-01-01', '2027-12-31', 'YEAR', TODAY)).toBeNull();
    // On 1 January next year moves on by a year.
    expect(statisticsWindowProblem('2026-01-01', '2028-12-31', 'YEAR', '2027-01-01')).toBeNull();
    expect(statisticsWindowProblem('2026-01-01', '9999-12-31', null, TODAY)?.argument).toBe('to');
  });

  it('refuses more than 120 periods of the interval, counted on the widened window', () => {
    const problem = statisticsWindowProblem('2016-01-01', '2026-01-31', 'MONTH', TODAY);
    expect(problem).toEqual({ argument: 'to', message: expect.stringMatching(/spans 121 months; at most 120/) });
    // Mid-month dates widen to whole months: 2016-01-20..2026-01-05 is still 121 months.
    expect(statisticsWindowProblem('2016-01-20', '2026-01-05', 'MONTH', TODAY)?.message).toMatch(/121 months/);
    // The same window by quarter is 41 periods.
    expect(statisticsWindowProblem('2016-01-01', '2026-01-31', 'QUARTER', TODAY)).toBeNull();
    expect(MAX_STATISTICS_PERIODS).toBe(120);
  });

  it('has no period limit for a single figure over the window (interval null), only the bounds', () => {
    expect(statisticsWindowProblem('2000-01-01', '2027-12-31', null, TODAY)).toBeNull();
  });

  it('refuses from after to, and impossible dates', () => {
    expect(statisticsWindowProblem('2025-06-02', '2025-06-01', 'MONTH', TODAY)).toEqual({ argument: 'from', message: expect.stringMatching(/after to/) });
    expect(statisticsWindowProblem('2025-02-29', '2025-06-01', 'MONTH', TODAY)?.argument).toBe('from');
    expect(statisticsWindowProblem('2025-01-01', '2025-13-01', 'MONTH', TODAY)?.argument).toBe('to');
  });
});

describe('latestStatisticsDate', () => {
  it('is 31 December of the year after today', () => {
    expect(latestStatisticsDate('2026-12-31')).toBe('2027-12-31');
    expect(latestStatisticsDate('2027-01-01')).toBe('2028-12-31');
  });
});

describe('periodCount', () => {
  it('counts the periods of the widened window without listing them', () => {
    expect(periodCount('2025-05-15', '2026-02-10', 'QUARTER')).toBe(4);
    expect(periodCount('2024-01-01', '2026-11-26', 'FINANCIAL_YEAR')).toBe(4); // 2023-24 .. 2026-27
    expect(periodCount('2025-08-20', '2025-08-20', 'MONTH')).toBe(1);
    expect(periodCount('0001-01-01', '9999-12-31', 'MONTH')).toBe(9999 * 12);
  });
});
