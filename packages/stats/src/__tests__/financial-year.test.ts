import { financialYearWindow } from '../financial-year';

const TODAY = '2026-12-01';

describe('financialYearWindow', () => {
  it('answers April to March of a well-named year', () => {
    expect(financialYearWindow('2025-26', TODAY)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(financialYearWindow('2099-00', '2099-06-01')).toEqual({ from: '2099-04-01', to: '2100-03-31' });
  });

  it.each(['2025', '2025-2026', '2025/26', '25-26', '2025-26 ', '２０２５-26', ''])('refuses %j as not a financial year', (name) => {
    expect(financialYearWindow(name, TODAY)).toEqual({ problem: expect.stringContaining('is not a financial year') });
  });

  it('does not repeat a long input back', () => {
    const long = 'x'.repeat(5000);
    expect(financialYearWindow(long, TODAY)).toEqual({ problem: expect.not.stringContaining('xxxxxxxxxxxxx') });
  });

  it.each(['2025-27', '2025-25', '2025-24', '1999-01'])('refuses %s: the years do not follow each other', (name) => {
    expect(financialYearWindow(name, TODAY)).toEqual({ problem: expect.stringContaining('do not follow each other') });
  });

  it('keeps inside the statistics window: from 2000-01-01 to the end of next year', () => {
    expect(financialYearWindow('1999-00', TODAY)).toEqual({ problem: expect.stringContaining('starts before 2000-01-01') });
    expect(financialYearWindow('2000-01', TODAY)).toEqual({ from: '2000-04-01', to: '2001-03-31' });
    // Today 2026-12-01: 2026-27 ends 2027-03-31, inside; 2027-28 ends 2028-03-31, after 2027-12-31.
    expect(financialYearWindow('2026-27', TODAY)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(financialYearWindow('2027-28', TODAY)).toEqual({ problem: expect.stringContaining('ends after 2027-12-31') });
  });
});
