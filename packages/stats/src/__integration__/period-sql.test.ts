/**
 * periodSqlExpression must give exactly periodOf's key, or database-grouped
 * counts would land in the wrong (or a missing) period. Each dialect is
 * evaluated by its real engine: MariaDB/MySQL on a DATE value, SQLite on the
 * 'YYYY-MM-DD' text the embedded default stores.
 */
import mysql from 'mysql2/promise';
import { periodOf, periodSqlExpression, type Interval } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';
const INTERVALS: Interval[] = ['MONTH', 'QUARTER', 'YEAR', 'FINANCIAL_YEAR'];

/** The parts of better-sqlite3 used here; the package ships no types. */
interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  close(): void;
}
const SqliteDatabase = require('better-sqlite3') as new (file: string) => SqliteDatabase;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * First and last day of every month of 2019–2027 (every period boundary of
 * every interval), leap days, and the century turns where the financial
 * year's two-digit end wraps to "00".
 */
function sampleDates(): string[] {
  const dates = new Set<string>();
  for (let y = 2019; y <= 2027; y++) {
    for (let m = 1; m <= 12; m++) {
      dates.add(`${y}-${pad(m)}-01`);
      dates.add(`${y}-${pad(m)}-15`);
      dates.add(`${y}-${pad(m)}-${pad(lastDay(y, m))}`);
    }
  }
  for (const leapDay of ['2000-02-29', '2020-02-29', '2024-02-29', '2028-02-29']) dates.add(leapDay);
  const edges = ['1999-03-31', '1999-04-01', '2000-03-31', '2000-04-01', '2009-03-31', '2009-04-01', '2010-04-01'];
  for (const edge of [...edges, '2099-03-31', '2099-04-01', '2100-03-31', '2100-04-01', '2100-02-28', '9999-12-31']) dates.add(edge);
  return [...dates].sort();
}

const DATES = sampleDates();

/** Expected period → count when every sample date is one record. */
function expectedCounts(interval: Interval): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const date of DATES) {
    const key = periodOf(date, interval);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function toCounts(rows: { p: string; n: number | string }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.p, Number(row.n)]));
}

describe('periodSqlExpression on MySQL/MariaDB', () => {
  let connection: mysql.Connection;
  // A derived table of DATE values needs no database of its own.
  const source = () => '(' + DATES.map((_, i) => (i === 0 ? 'SELECT ? AS iso, CAST(? AS DATE) AS d' : 'SELECT ?, CAST(? AS DATE)')).join(' UNION ALL ') + ') t';
  const params = () => DATES.flatMap((date) => [date, date]);

  beforeAll(async () => {
    connection = await mysql.createConnection(MYSQL_URL);
  });
  afterAll(async () => {
    await connection.end();
  });

  it.each(INTERVALS)("gives periodOf's %s key for every sample date", async (interval) => {
    const sql = `SELECT t.iso AS iso, ${periodSqlExpression('t.d', interval, 'mysql')} AS p FROM ${source()}`;
    const [rows] = await connection.query<mysql.RowDataPacket[]>(sql, params());
    expect(rows).toHaveLength(DATES.length);
    const mismatches = rows
      .map((row) => ({ date: row.iso as string, sql: row.p, ts: periodOf(row.iso as string, interval) }))
      .filter((row) => row.sql !== row.ts);
    expect(mismatches).toEqual([]);
  });

  it.each(INTERVALS)('groups counts by %s in the database', async (interval) => {
    const expr = periodSqlExpression('`t`.`d`', interval, 'mysql');
    const sql = `SELECT ${expr} AS p, COUNT(*) AS n FROM ${source()} GROUP BY ${expr}`;
    const [rows] = await connection.query<mysql.RowDataPacket[]>(sql, params());
    expect(toCounts(rows as { p: string; n: number }[])).toEqual(expectedCounts(interval));
  });
});

describe('periodSqlExpression on SQLite', () => {
  let db: SqliteDatabase;

  beforeAll(() => {
    db = new SqliteDatabase(':memory:');
    // TypeORM's better-sqlite3 driver stores a date column as this text.
    db.exec('CREATE TABLE incidents (aware_on TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO incidents (aware_on) VALUES (?)');
    for (const date of DATES) insert.run(date);
  });
  afterAll(() => db.close());

  it.each(INTERVALS)("gives periodOf's %s key for every sample date", (interval) => {
    const sql = `SELECT aware_on AS iso, ${periodSqlExpression('incidents.aware_on', interval, 'sqlite')} AS p FROM incidents`;
    const rows = db.prepare(sql).all() as { iso: string; p: unknown }[];
    expect(rows).toHaveLength(DATES.length);
    const mismatches = rows.map((row) => ({ date: row.iso, sql: row.p, ts: periodOf(row.iso, interval) })).filter((row) => row.sql !== row.ts);
    expect(mismatches).toEqual([]);
  });

  it.each(INTERVALS)('groups counts by %s in the database', (interval) => {
    const expr = periodSqlExpression('"incidents"."aware_on"', interval, 'sqlite');
    const rows = db.prepare(`SELECT ${expr} AS p, COUNT(*) AS n FROM incidents GROUP BY ${expr}`).all() as { p: string; n: number }[];
    expect(toCounts(rows)).toEqual(expectedCounts(interval));
  });

  it('gives the same key for a date stored with a time of day', () => {
    // Defensive: the expressions read only the leading 'YYYY-MM-DD', so a
    // datetime text written by another tool still lands in the right period.
    for (const interval of INTERVALS) {
      const sql = `SELECT ${periodSqlExpression('v', interval, 'sqlite')} AS p FROM (SELECT ? AS v)`;
      expect(db.prepare(sql).all('2026-03-31 23:59:59')).toEqual([{ p: periodOf('2026-03-31', interval) }]);
    }
  });
});
