/**
 * The directory's trail is searched by target id through audit_event_targets:
 * the migration that creates it must index every event already stored, on
 * each engine, and every event written after it must be indexed as it is
 * stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '@scr/config';
import { AuditEvent, AuditEventTarget, Database, databaseName, dropMysqlDatabase, IdempotencyKeyRow, insertAuditEvent, sharedMigrations } from '@scr/db';
import { AgencyMembership } from '../agencies/agency-membership.entity';
import { Agency } from '../agencies/agency.entity';
import { Board } from '../boards/board.entity';
import { openDatabase } from '../database';
import { Directory1764000000000 } from '../migrations/1764000000000-directory';

const shared = sharedMigrations('Agencies');

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

/** The directory's database as it was before the target table. */
const BEFORE = {
  service: 'agencies' as const,
  entities: [AuditEvent, IdempotencyKeyRow, Board, Agency, AgencyMembership],
  migrations: [Directory1764000000000, shared.audit, shared.longText, shared.idempotencyKeys],
};

const LONG_ID = 'x'.repeat(201);
/** More events than one batch of the backfill reads. */
const MANY = 1_200;

describe.each([['mysql'], ['sqlite']] as const)('audit event targets on %s', (kind) => {
  const prefix = `scra_${randomBytes(4).toString('hex')}`;
  let dataDir = '';
  let db: Database | undefined;
  const config = () => (kind === 'mysql' ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix }) : loadConfig({ DATA_DIR: dataDir }));
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-agencies-'));
  });
  afterAll(async () => {
    await db?.close();
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), 'agencies'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const at = kind === 'mysql' ? new Date('2026-01-01T00:00:00Z') : '2026-01-01 00:00:00.000';
  const insertRaw = (d: Database, rows: [string, string][]) =>
    d.manager.query(
      `INSERT INTO audit_events (id, at, service, subject, roles, operation, target_ids, outcome) VALUES ${rows.map(() => "(?, ?, 'incidents', 's', '', 'op', ?, 'OK')").join(', ')}`,
      rows.flatMap(([id, targets]) => [id, at, targets]),
    );
  const search = async (targetId: string): Promise<string[]> =>
    (
      await db!.manager
        .createQueryBuilder(AuditEvent, 'e')
        .where('e.seq IN (SELECT t.event_seq FROM audit_event_targets t WHERE t.target_id = :target)', { target: targetId })
        .orderBy('e.seq')
        .getMany()
    ).map((e) => e.id);

  it('indexes the ids of every event stored before it, each once, none longer than a stored id', async () => {
    const before = await Database.open(config(), BEFORE);
    const twice = randomUUID();
    const none = randomUUID();
    const long = randomUUID();
    const other = randomUUID();
    try {
      await insertRaw(before, [
        [twice, JSON.stringify(['a', 'b', 'a'])],
        [none, '[]'],
        [long, JSON.stringify([LONG_ID, 'c'])],
        [other, JSON.stringify(['b', 'Ünï "quoted"'])],
      ]);
      for (let i = 0; i < MANY; i += 200) {
        await insertRaw(
          before,
          Array.from({ length: 200 }, (_, j) => [`bulk-${i + j}`, JSON.stringify([`n-${i + j}`, 'bulk'])] as [string, string]),
        );
      }
    } finally {
      await before.close();
    }

    db = await openDatabase(config());
    expect(await search('a')).toEqual([twice]);
    expect(await search('b')).toEqual([twice, other]);
    expect(await search('c')).toEqual([long]);
    expect(await search('Ünï "quoted"')).toEqual([other]);
    expect(await search('A')).toEqual([]);
    expect(await search(LONG_ID)).toEqual([]);
    expect(await search(`n-${MANY - 1}`)).toEqual([`bulk-${MANY - 1}`]);
    expect(await search('bulk')).toHaveLength(MANY);
    expect(await db.manager.count(AuditEventTarget)).toBe(2 + 1 + 2 + 2 * MANY);
  });

  it('indexes an event as it is stored, in the same transaction', async () => {
    const event = Object.assign(new AuditEvent(), {
      id: randomUUID(),
      at: new Date(),
      service: 'agencies',
      subject: 'admin',
      roles: 'ADMIN',
      board: null,
      recordBoard: null,
      operation: 'registerAgency',
      // Two lone surrogates (a hostile request's ids) are one id once stored.
      targetIds: ['LEEDS', 'agency-1', LONG_ID, '\uD800', '\uDC00'],
      outcome: 'OK',
      requestId: null,
    });
    await db!.transaction((m) => insertAuditEvent(m, event, { searchable: true }));
    expect(await search('agency-1')).toEqual([event.id]);
    expect(await search('LEEDS')).toEqual([event.id]);
    expect(await search('\uFFFD')).toEqual([event.id]);
    expect((await db!.manager.findOneByOrFail(AuditEvent, { id: event.id })).targetIds).toEqual(['LEEDS', 'agency-1', LONG_ID, '\uD800', '\uDC00']);

    const { seq: _stored, ...fields } = event;
    const rolledBack = Object.assign(new AuditEvent(), { ...fields, id: randomUUID(), targetIds: ['gone'] });
    await expect(
      db!.transaction(async (m) => {
        await insertAuditEvent(m, rolledBack, { searchable: true });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await search('gone')).toEqual([]);
  });
});
