/**
 * The other subgraphs' relays ship their audit rows to the directory a batch
 * at a time. Delivery is at least once, so a batch may arrive again, whole or
 * in part, and two replicas may ship the same rows at once: every row must be
 * stored once, and found by its target ids.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '@scr/config';
import { AuditEvent, Database, databaseName, dropMysqlDatabase } from '@scr/db';
import type { ShippedAuditRow } from '@scr/internal-api';
import { storeShippedAuditEvents } from '../audit/audit-events.service';
import { openDatabase } from '../database';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

function row(operation: string, targetIds: string[]): ShippedAuditRow {
  return {
    id: randomUUID(),
    at: '2026-11-30T10:00:00.000Z',
    service: 'incidents',
    subject: 'manager-leeds',
    roles: 'BOARD_MANAGER',
    board: 'LEEDS',
    recordBoard: 'LEEDS',
    operation,
    targetIdsJson: JSON.stringify(targetIds),
    outcome: 'OK',
    requestId: null,
  };
}

describe.each([['mysql'], ['sqlite']] as const)('shipped audit rows on %s', (kind) => {
  const prefix = `scra_${randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-agencies-'));
  const config = () => (kind === 'mysql' ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix }) : loadConfig({ DATA_DIR: dataDir }));
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(config());
  });
  afterAll(async () => {
    await db.close();
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), 'agencies'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const stored = (ids: string[]) => db.manager.count(AuditEvent, { where: ids.map((id) => ({ id })) });
  const byTarget = async (targetId: string) =>
    (
      await db.manager.query(
        'SELECT e.id FROM audit_events e WHERE e.seq IN (SELECT t.event_seq FROM audit_event_targets t WHERE t.target_id = ?) ORDER BY e.seq',
        [targetId],
      )
    ).map((r: { id: string }) => r.id);

  it('stores a batch once, however often it arrives, and indexes each row by its targets', async () => {
    const incident = randomUUID();
    const rows = [row('reportIncident', [incident]), row('recordNotification', [incident]), row('incident', [])];
    expect(await storeShippedAuditEvents(db, rows)).toBe(3);
    // Redelivered: the whole batch, then part of it with a new row.
    expect(await storeShippedAuditEvents(db, rows)).toBe(0);
    const later = row('correctIncident', [incident]);
    expect(await storeShippedAuditEvents(db, [rows[1]!, later])).toBe(1);
    expect(await stored([...rows, later].map((r) => r.id))).toBe(4);
    expect(await byTarget(incident)).toEqual([rows[0]!.id, rows[1]!.id, later.id]);
  });

  it('stores a row repeated within one batch once', async () => {
    const twice = row('reportIncident', [randomUUID()]);
    expect(await storeShippedAuditEvents(db, [twice, twice])).toBe(1);
    expect(await stored([twice.id])).toBe(1);
  });

  it('stores rows two replicas ship at the same moment once', async () => {
    const rows = Array.from({ length: 20 }, () => row('reportIncident', [randomUUID()]));
    const counts = await Promise.all([storeShippedAuditEvents(db, rows), storeShippedAuditEvents(db, [...rows].reverse())]);
    expect(counts[0] + counts[1]).toBe(20);
    expect(await stored(rows.map((r) => r.id))).toBe(20);
  });
});
