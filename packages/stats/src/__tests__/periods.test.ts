import { InvalidDateError } from '@scr/calendar';
import { periodOf, periodsBetween, periodSqlExpression, widenWindow, type Interval } from '../periods';

const INTERVALS: Interval[] = ['MONTH', 'QUARTER', 'YEAR', 'FINANCIAL_YEAR'];

describe('periodOf', () => {
  it('names months "YYYY-MM"', () => {
    expect(periodOf('2026-03-01', 'MONTH')).toBe('2026-03');
    expect(periodOf('2026-03-31', 'MONTH')).toBe('2026-03');
    expect(periodOf('2026-12-31', 'MONTH')).toBe('2026-12');
    expect(periodOf('2027-01-01', 'MONTH')).toBe('2027-01');
    expect(periodOf('2024-02-29', 'MONTH')).toBe('2024-02');
  });

  it('names calendar quarters "YYYY-Qn"', () => {
    const cases: [string, string][] = [
      ['2026-01-01', '2026-Q1'],
      ['2026-03-31', '2026-Q1'],
      ['2026-04-01', '2026-Q2'],
      ['2026-06-30', '2026-Q2'],
      ['2026-07-01', '2026-Q3'],
      ['2026-09-30', '2026-Q3'],
      ['2026-10-01', '2026-Q4'],
      ['2026-12-31', '2026-Q4'],
      ['2024-02-29', '2024-Q1'],
    ];
    for (const [date, key] of cases) expect([date, periodOf(date, 'QUARTER')]).toEqual([date, key]);
  });

  it('names years "YYYY"', () => {
    expect(periodOf('2026-01-01', 'YEAR')).toBe('2026');
    expect(periodOf('2026-12-31', 'YEAR')).toBe('2026');
    expect(periodOf('0999-06-01', 'YEAR')).toBe('0999');
  });

  it('names April-to-March financial years "YYYY-YY"', () => {
    expect(periodOf('2026-03-31', 'FINANCIAL_YEAR')).toBe('2025-26');
    expect(periodOf('2026-04-01', 'FINANCIAL_YEAR')).toBe('2026-27');
    expect(periodOf('2026-01-01', 'FINANCIAL_YEAR')).toBe('2025-26');
    expect(periodOf('2025-12-31', 'FINANCIAL_YEAR')).toBe('2025-26');
    expect(periodOf('2024-02-29', 'FINANCIAL_YEAR')).toBe('2023-24');
  });

  it("wraps the end year's two digits at a century", () => {
    expect(periodOf('1999-04-01', 'FINANCIAL_YEAR')).toBe('1999-00');
    expect(periodOf('2000-03-31', 'FINANCIAL_YEAR')).toBe('1999-00');
    expect(periodOf('2000-04-01', 'FINANCIAL_YEAR')).toBe('2000-01');
    expect(periodOf('2099-04-01', 'FINANCIAL_YEAR')).toBe('2099-00');
    expect(periodOf('2009-04-01', 'FINANCIAL_YEAR')).toBe('2009-10');
    expect(periodOf('2008-04-01', 'FINANCIAL_YEAR')).toBe('2008-09');
  });

  it('agrees with an independent computation for every day of 2019–2027', () => {
    const expected = (y: number, m: number, interval: Interval): string => {
      const mm = String(m).padStart(2, '0');
      if (interval === 'MONTH') return `${y}-${mm}`;
      if (interval === 'QUARTER') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
      if (interval === 'YEAR') return String(y);
      const start = m < 4 ? y - 1 : y;
      return `${start}-${String(start + 1).slice(-2)}`;
    };
    for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      for (const interval of INTERVALS) {
        const want = expected(d.getUTCFullYear(), d.getUTCMonth() + 1, interval);
        if (periodOf(iso, interval) !== want) expect([iso, interval, periodOf(iso, interval)]).toEqual([iso, interval, want]);
      }
    }
  });

  it('refuses impossible or malformed dates', () => {
    expect(() => periodOf('2026-02-29', 'MONTH')).toThrow(InvalidDateError);
    expect(() => periodOf('2026-13-01', 'QUARTER')).toThrow(InvalidDateError);
    expect(() => periodOf('2026-3-1', 'YEAR')).toThrow(InvalidDateError);
    expect(() => periodOf('', 'FINANCIAL_YEAR')).toThrow(InvalidDateError);
  });

  it('refuses an unknown interval from an untyped caller', () => {
    expect(() => periodOf('2026-03-01', 'WEEK' as Interval)).toThrow(RangeError);
  });

  it('refuses a financial year that would start before year 0001', () => {
    expect(() => periodOf('0001-03-31', 'FINANCIAL_YEAR')).toThrow(RangeError);
    expect(periodOf('0001-04-01', 'FINANCIAL_YEAR')).toBe('0001-02');
  });
});

describe('widenWindow', () => {
  it('widens to whole months', () => {
    expect(widenWindow('2026-02-15', '2026-05-10', 'MONTH')).toEqual({ from: '2026-02-01', to: '2026-05-31' });
    expect(widenWindow('2024-02-10', '2024-02-10', 'MONTH')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(widenWindow('2026-02-10', '2026-02-10', 'MONTH')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(widenWindow('2026-04-30', '2026-06-01', 'MONTH')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });

  it('widens to whole quarters', () => {
    expect(widenWindow('2026-02-15', '2026-05-10', 'QUARTER')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(widenWindow('2026-09-30', '2026-10-01', 'QUARTER')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(widenWindow('2026-12-31', '2027-01-01', 'QUARTER')).toEqual({ from: '2026-10-01', to: '2027-03-31' });
  });

  it('widens to whole years', () => {
    expect(widenWindow('2026-02-15', '2026-05-10', 'YEAR')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(widenWindow('2025-12-31', '2026-01-01', 'YEAR')).toEqual({ from: '2025-01-01', to: '2026-12-31' });
  });

  it('widens to whole financial years', () => {
    expect(widenWindow('2026-02-15', '2026-05-10', 'FINANCIAL_YEAR')).toEqual({ from: '2025-04-01', to: '2027-03-31' });
    expect(widenWindow('2019-04-01', '2026-03-31', 'FINANCIAL_YEAR')).toEqual({ from: '2019-04-01', to: '2026-03-31' });
    expect(widenWindow('2026-03-31', '2026-03-31', 'FINANCIAL_YEAR')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(widenWindow('2026-04-01', '2026-04-01', 'FINANCIAL_YEAR')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('leaves a window that is already whole periods unchanged', () => {
    expect(widenWindow('2026-01-01', '2026-03-31', 'QUARTER')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(widenWindow('2026-01-01', '2026-12-31', 'YEAR')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(widenWindow('2026-03-01', '2026-03-31', 'MONTH')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('widens the last periods of year 9999 without stepping past it', () => {
    expect(widenWindow('9999-05-01', '9999-12-31', 'YEAR')).toEqual({ from: '9999-01-01', to: '9999-12-31' });
    expect(widenWindow('9999-11-02', '9999-12-01', 'QUARTER')).toEqual({ from: '9999-10-01', to: '9999-12-31' });
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => widenWindow('2026-05-10', '2026-02-15', 'MONTH')).toThrow(RangeError);
    // Even when both dates fall in the same period: the caller swapped them.
    expect(() => widenWindow('2026-03-02', '2026-03-01', 'YEAR')).toThrow(RangeError);
  });

  it('refuses invalid dates', () => {
    expect(() => widenWindow('2026-02-30', '2026-05-10', 'MONTH')).toThrow(InvalidDateError);
    expect(() => widenWindow('2026-02-01', 'tomorrow', 'MONTH')).toThrow(InvalidDateError);
  });
});

describe('periodsBetween', () => {
  it('lists every month of the widened window', () => {
    expect(periodsBetween('2026-02-15', '2026-05-10', 'MONTH')).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    expect(periodsBetween('2025-11-30', '2026-02-01', 'MONTH')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('lists quarters across a year end', () => {
    expect(periodsBetween('2026-02-15', '2026-05-10', 'QUARTER')).toEqual(['2026-Q1', '2026-Q2']);
    expect(periodsBetween('2025-11-15', '2026-07-01', 'QUARTER')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('lists years', () => {
    expect(periodsBetween('2024-06-01', '2026-01-01', 'YEAR')).toEqual(['2024', '2025', '2026']);
  });

  it('lists financial years', () => {
    expect(periodsBetween('2019-04-01', '2026-03-31', 'FINANCIAL_YEAR')).toEqual(['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26']);
    expect(periodsBetween('2026-03-31', '2026-04-01', 'FINANCIAL_YEAR')).toEqual(['2025-26', '2026-27']);
    expect(periodsBetween('1998-05-01', '2001-01-01', 'FINANCIAL_YEAR')).toEqual(['1998-99', '1999-00', '2000-01']);
  });

  it('gives one period for a one-day window', () => {
    for (const interval of INTERVALS) expect(periodsBetween('2026-03-31', '2026-03-31', interval)).toEqual([periodOf('2026-03-31', interval)]);
  });

  it('agrees with periodOf for every day of the window, without gaps or repeats', () => {
    for (const interval of INTERVALS) {
      const keys = periodsBetween('2019-01-01', '2027-12-31', interval);
      expect(new Set(keys).size).toBe(keys.length);
      const seen: string[] = [];
      for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
        const key = periodOf(new Date(t).toISOString().slice(0, 10), interval);
        if (seen[seen.length - 1] !== key) seen.push(key);
      }
      expect(keys).toEqual(seen);
    }
  });

  it('counts 108 months, 36 quarters, 9 years and 10 financial years in 2019–2027', () => {
    expect(periodsBetween('2019-01-01', '2027-12-31', 'MONTH')).toHaveLength(108);
    expect(periodsBetween('2019-01-01', '2027-12-31', 'QUARTER')).toHaveLength(36);
    expect(periodsBetween('2019-01-01', '2027-12-31', 'YEAR')).toHaveLength(9);
    expect(periodsBetween('2019-01-01', '2027-12-31', 'FINANCIAL_YEAR')).toHaveLength(10);
  });

  it('does not step past the last expressible date', () => {
    expect(periodsBetween('9999-11-15', '9999-12-31', 'MONTH')).toEqual(['9999-11', '9999-12']);
    expect(periodsBetween('9998-01-01', '9999-12-31', 'YEAR')).toEqual(['9998', '9999']);
  });

  it('refuses a reversed window', () => {
    expect(() => periodsBetween('2026-05-10', '2026-02-15', 'QUARTER')).toThrow(RangeError);
  });
});

describe('periodSqlExpression', () => {
  it('builds the MySQL expressions', () => {
    expect(periodSqlExpression('aware_on', 'MONTH', 'mysql')).toBe("DATE_FORMAT(aware_on, '%Y-%m')");
    expect(periodSqlExpression('aware_on', 'QUARTER', 'mysql')).toBe("CONCAT(DATE_FORMAT(aware_on, '%Y'), '-Q', QUARTER(aware_on))");
    expect(periodSqlExpression('aware_on', 'YEAR', 'mysql')).toBe("DATE_FORMAT(aware_on, '%Y')");
    expect(periodSqlExpression('aware_on', 'FINANCIAL_YEAR', 'mysql')).toBe(
      "CASE WHEN MONTH(aware_on) >= 4 THEN CONCAT(DATE_FORMAT(aware_on, '%Y'), '-', LPAD(MOD(YEAR(aware_on) + 1, 100), 2, '0')) " +
        "ELSE CONCAT(LPAD(YEAR(aware_on) - 1, 4, '0'), '-', LPAD(MOD(YEAR(aware_on), 100), 2, '0')) END",
    );
  });

  it('builds the SQLite expressions from substrings of the text date', () => {
    expect(periodSqlExpression('aware_on', 'MONTH', 'sqlite')).toBe('substr(aware_on, 1, 7)');
    expect(periodSqlExpression('aware_on', 'YEAR', 'sqlite')).toBe('substr(aware_on, 1, 4)');
    expect(periodSqlExpression('aware_on', 'QUARTER', 'sqlite')).toContain("'-Q'");
    expect(periodSqlExpression('aware_on', 'FINANCIAL_YEAR', 'sqlite')).toContain("printf('%02d'");
  });

  it('accepts qualified and quoted column references', () => {
    for (const column of ['i.aware_on', '`i`.`awareOn`', '"i"."awareOn"', '`awareOn`', 'awareOn']) {
      for (const interval of INTERVALS) {
        expect(periodSqlExpression(column, interval, 'mysql')).toContain(column);
        expect(periodSqlExpression(column, interval, 'sqlite')).toContain(column);
      }
    }
  });

  it('refuses anything that is not a plain column reference', () => {
    for (const column of ['', 'aware_on; DROP TABLE incidents', "aware_on, '1'", 'a.b.c', '`a`b`', 'NOW()', '1aware', 'a b']) {
      expect(() => periodSqlExpression(column, 'MONTH', 'mysql')).toThrow(/plain column reference/);
    }
  });

  it('refuses unknown dialects and intervals', () => {
    expect(() => periodSqlExpression('d', 'MONTH', 'postgres' as 'mysql')).toThrow(/dialect/);
    expect(() => periodSqlExpression('d', 'WEEK' as Interval, 'mysql')).toThrow(RangeError);
    expect(() => periodSqlExpression('d', 'WEEK' as Interval, 'sqlite')).toThrow(RangeError);
  });
});
