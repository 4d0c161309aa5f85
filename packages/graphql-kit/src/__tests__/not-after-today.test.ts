import { notAfterToday, notAfterTodayProblem } from '../not-after-today';

const TODAY = '2026-12-01';

describe('notAfterToday', () => {
  it('accepts today and any day before it', () => {
    expect(() => notAfterToday('decidedOn', TODAY, TODAY)).not.toThrow();
    expect(() => notAfterToday('decidedOn', '2019-01-01', TODAY)).not.toThrow();
    expect(notAfterTodayProblem('decidedOn', '2026-11-30', TODAY)).toBeUndefined();
  });

  it('refuses tomorrow as BAD_USER_INPUT on the field, naming both dates', () => {
    expect(notAfterTodayProblem('decidedOn', '2026-12-02', TODAY)).toEqual({
      field: 'decidedOn',
      message: 'decidedOn (2026-12-02) cannot be after today (2026-12-01).',
    });
    expect(() => notAfterToday('decidedOn', '2026-12-02', TODAY)).toThrow(
      expect.objectContaining({
        message: 'decidedOn (2026-12-02) cannot be after today (2026-12-01).',
        extensions: { code: 'BAD_USER_INPUT', field: 'decidedOn' },
      }),
    );
  });

  it('compares calendar dates, not text: a later year with an earlier month is still after', () => {
    expect(notAfterTodayProblem('awareOn', '2027-01-01', TODAY)).toBeDefined();
  });
});
