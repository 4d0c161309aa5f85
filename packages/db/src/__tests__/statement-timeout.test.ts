import { isStatementTimeout, serverFromVersion, withStatementTimeout } from '../statement-timeout';

const SQL = 'SELECT `i`.`board_code` AS `board`, COUNT(*) AS `n` FROM `incidents` `i` GROUP BY `i`.`board_code`';

describe('withStatementTimeout', () => {
  it('MariaDB: SET STATEMENT max_statement_time in seconds FOR the SELECT', () => {
    expect(withStatementTimeout(SQL, 5000, 'mariadb')).toBe(`SET STATEMENT max_statement_time=5.000 FOR ${SQL}`);
    expect(withStatementTimeout(`  ${SQL}`, 250, 'mariadb')).toBe(`SET STATEMENT max_statement_time=0.250 FOR ${SQL}`);
  });

  it('MySQL: the MAX_EXECUTION_TIME optimizer hint in milliseconds, right after SELECT', () => {
    expect(withStatementTimeout(SQL, 5000, 'mysql')).toBe(SQL.replace(/^SELECT/, 'SELECT /*+ MAX_EXECUTION_TIME(5000) */'));
  });

  it('SQLite: unchanged (no statement time limit there)', () => {
    expect(withStatementTimeout(SQL, 5000, 'sqlite')).toBe(SQL);
  });

  it('refuses anything but a SELECT, and a limit that is not a whole number of milliseconds', () => {
    expect(() => withStatementTimeout('UPDATE incidents SET x = 1', 5000, 'mysql')).toThrow(/Only a SELECT/);
    expect(() => withStatementTimeout(SQL, 0, 'mariadb')).toThrow(/at least 1/);
    expect(() => withStatementTimeout(SQL, 1.5, 'mysql')).toThrow(/whole number/);
  });
});

describe('serverFromVersion', () => {
  it('tells MariaDB from MySQL by VERSION()', () => {
    expect(serverFromVersion('10.11.19-MariaDB-0+deb12u1')).toBe('mariadb');
    expect(serverFromVersion('8.0.36')).toBe('mysql');
    expect(serverFromVersion('8.4.0-commercial')).toBe('mysql');
  });
});

describe('isStatementTimeout', () => {
  it('recognises MariaDB 1969 and MySQL 3024, directly or wrapped by TypeORM', () => {
    expect(isStatementTimeout({ errno: 1969 })).toBe(true);
    expect(isStatementTimeout({ driverError: { errno: 3024 } })).toBe(true);
    expect(isStatementTimeout({ errno: 1062 })).toBe(false);
    expect(isStatementTimeout(new Error('x'))).toBe(false);
    expect(isStatementTimeout(undefined)).toBe(false);
  });
});
