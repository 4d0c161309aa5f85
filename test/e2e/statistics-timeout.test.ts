/**
 * A statistics statement that runs too long is stopped by the database and
 * answered SERVICE_UNAVAILABLE in plain words, instead of holding the
 * subgraph (DOMAIN.md "Limits and errors": too slow, try again). The limit is
 * STATS_STATEMENT_TIMEOUT_MS, here 300 ms.
 *
 * On MySQL/MariaDB another session's write lock on the table statistics read
 * (the pre-aggregated incident_counts) makes the statistics read wait: a slow
 * statement that does not depend on the machine's speed. SQLite has no statement time limit (better-sqlite3 runs a
 * statement to its end); there the window limits bound the work, and the
 * setting must not get in the way of an ordinary answer.
 */
import mysql from 'mysql2/promise';
import request from 'supertest';
import { todayInLondon } from '@scr/calendar';
import { databaseName } from '@scr/db';
import { boardTokens, errorCode, incidentInput, MYSQL_URL, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let manager: string;
let analyst: string;

const year = todayInLondon().slice(0, 4);
// Last year and this, by year: the incident reported below (three days ago) is in it whatever the date.
const stats = (interval: string) =>
  `{ board(code: "LEEDS") { code incidentStats(from: "${Number(year) - 1}-01-01", to: "${year}-12-31", interval: ${interval}) { period key count suppressed } } }`;
const STATS = stats('YEAR');
// Not asked before the lock: an answer already read is kept until the counts change (CountsAnswerCache), and would be given.
const HELD_STATS = stats('QUARTER');

beforeAll(async () => {
  t = await startTestPlatform({ env: { STATS_STATEMENT_TIMEOUT_MS: '300' } });
  manager = (await boardTokens(t, 'LEEDS')).manager;
  analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
  await reportIncident(t, manager, incidentInput('LEEDS'));
}, 60_000);
afterAll(() => t?.stop());

it('answers statistics within the limit', async () => {
  const res = await t.gql<{ board: { incidentStats: unknown[] } }>(analyst, STATS);
  expect(res.errors).toBeUndefined();
  // One year holds the incident: its three criteria, the incident's own count suppressed.
  expect(res.data!.board.incidentStats).toHaveLength(3);
});

const onMysql = (process.env.E2E_DB || 'mysql') === 'mysql' ? it : it.skip;

onMysql(
  'stops a statistics statement held past the limit and answers SERVICE_UNAVAILABLE (HTTP 503, Retry-After) in plain words; the next request is answered',
  async () => {
    const url = new URL(MYSQL_URL);
    const other = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password || ''),
      database: databaseName(t.config, 'incidents'),
    });
    try {
      await other.query('LOCK TABLES incident_counts WRITE');
      const started = Date.now();
      const res = await request(`http://127.0.0.1:${t.platform.gateway.port}`)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${analyst}`)
        .send({ query: HELD_STATS });
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(errorCode(res.body)).toBe('SERVICE_UNAVAILABLE');
      expect(res.body.errors[0].message).toBe(
        'The statistics took too long to work out and were stopped. Try again in a minute, or ask for a shorter window or fewer statistics at once.',
      );
      expect(res.body.data?.board ?? null).toBeNull();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await other.query('UNLOCK TABLES').catch(() => undefined);
      await other.end();
    }
    const again = await t.gql(analyst, HELD_STATS);
    expect(again.errors).toBeUndefined();
  },
);
