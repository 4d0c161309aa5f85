import { parse } from 'graphql';
import { statisticsCsv } from '../statistics-csv';
import { asParameters } from '../statistics-export.route';
import { exportFileName, QuestionError, readStatisticsQuestion, statisticsOperation } from '../statistics-question';

describe('readStatisticsQuestion', () => {
  it('reads one or more boards and defaults interval and dimension as incidentStats does', () => {
    expect(readStatisticsQuestion({ board: 'LEEDS, BRADFORD,LEEDS', from: '2025-01-01', to: '2025-12-31' })).toEqual({
      boards: ['LEEDS', 'BRADFORD'],
      from: '2025-01-01',
      to: '2025-12-31',
      interval: 'QUARTER',
      by: 'CRITERION',
    });
  });

  it('names every missing parameter and shows how to ask', () => {
    expect(() => readStatisticsQuestion({ from: '2025-01-01' })).toThrow(/Missing board, to: ask like \/exports\/statistics\.csv\?board=/);
  });

  it('refuses a parameter given twice and an empty board list', () => {
    expect(() => readStatisticsQuestion({ board: ['LEEDS', 'WAKEFIELD'], from: 'a', to: 'b' })).toThrow(QuestionError);
    expect(() => readStatisticsQuestion({ board: ' , ', from: 'a', to: 'b' })).toThrow(/at least one board/);
  });
});

describe('statisticsOperation', () => {
  it('asks every board in one valid document, with the question as variables', () => {
    const op = statisticsOperation({ boards: ['LEEDS', 'WAKEFIELD'], from: '2025-01-01', to: '2025-12-31', interval: 'YEAR', by: 'SEX' });
    expect(() => parse(op.query)).not.toThrow();
    expect(op.query).toContain('b1: board(code: $b1)');
    expect(op.variables).toEqual({ b0: 'LEEDS', b1: 'WAKEFIELD', from: '2025-01-01', to: '2025-12-31', interval: 'YEAR', by: 'SEX' });
  });
});

describe('statisticsCsv', () => {
  it('writes a row per board, period and key, with "c" for a suppressed count', () => {
    const csv = statisticsCsv({ boards: ['LEEDS'], from: '2025-01-01', to: '2025-12-31', interval: 'YEAR', by: 'CRITERION' }, [
      {
        code: 'LEEDS',
        incidentStats: [
          { period: '2025', key: 'CHILD_DIED', count: null, suppressed: true },
          { period: '2025', key: 'CHILD_SERIOUSLY_HARMED', count: 10, suppressed: false },
          { period: '2025', key: 'LOOKED_AFTER_CHILD_DIED', count: 0, suppressed: false },
        ],
      },
    ]);
    expect(csv.trim().split('\n')).toEqual([
      'board,period,dimension,key,count',
      'LEEDS,2025,CRITERION,CHILD_DIED,c',
      'LEEDS,2025,CRITERION,CHILD_SERIOUSLY_HARMED,10',
      'LEEDS,2025,CRITERION,LOOKED_AFTER_CHILD_DIED,0',
    ]);
  });
});

describe('exportFileName', () => {
  it('says what the file holds and carries nothing unsafe from the URL', () => {
    expect(exportFileName({ boards: ['LEEDS'], from: '2025-01-01', to: '2025-12-31', interval: 'QUARTER', by: 'AGE_BAND' })).toBe(
      'incident-statistics_LEEDS_2025-01-01_to_2025-12-31_quarter_by_age-band.csv',
    );
    expect(exportFileName({ boards: ['"; rm'], from: '../x', to: 'y', interval: 'Q', by: 'B' })).not.toMatch(/["/;. ]{1}(?!csv)/);
  });
});

it("names URL parameters, not the operation's variables, in messages", () => {
  expect(asParameters('Variable "$interval" got invalid value "WEEK"; Value "WEEK" does not exist in "Interval" enum.')).toBe(
    'Parameter "interval" got invalid value "WEEK"; Value "WEEK" does not exist in "Interval" enum.',
  );
  expect(asParameters('Variable "$b3" got invalid value')).toBe('Parameter "board" got invalid value');
});
