import type { EntityManager } from 'typeorm';
import type { Database, DatabaseKind } from '@scr/db';
import { IncidentChild } from '../children/child.entity';
import { IncidentAbuseType } from '../incidents/abuse-type.entity';
import type { Incident } from '../incidents/incident.entity';
import { countChanges, type CountChange } from './incident-count-changes';
import { DIMENSIONS, type CountedFacts, type IncidentDimension } from './incident-dimension';

/**
 * Moves the pre-aggregated counts from what the incident counted before the
 * write (undefined for a new one) to what it counts now. Must run in the
 * transaction of the write itself, so the counts never disagree with the rows.
 */
export async function updateIncidentCounts(manager: EntityManager, before: CountedFacts | undefined, after: CountedFacts): Promise<void> {
  const changes = countChanges(before, after);
  if (changes.length) await applyCountChanges(manager, changes);
}

/** The counted facts of an incident as stored now, read in the caller's transaction. */
export async function storedCountedFacts(manager: EntityManager, incident: Incident): Promise<CountedFacts> {
  const [children, abuseTypes] = await Promise.all([
    manager.find(IncidentChild, { where: { incidentId: incident.id }, select: { ageBand: true, sex: true, ethnicity: true, socialCareStatus: true } }),
    manager.find(IncidentAbuseType, { where: { incidentId: incident.id }, select: { abuseType: true } }),
  ]);
  return { ...incident, children, abuseTypes: abuseTypes.map((t) => t.abuseType) };
}

/**
 * Moves the counts' version (incident_counts_version), so a statistics answer
 * kept from before the change is read again (CountsAnswerCache). In the
 * change's transaction: the version and the counts commit together.
 */
export const BUMP_COUNTS_VERSION_SQL = 'UPDATE incident_counts_version SET version = version + 1 WHERE id = 1';

/** One statement for all changes, in their fixed order; a missing cell starts at the change. */
async function applyCountChanges(manager: EntityManager, changes: CountChange[]): Promise<void> {
  const kind = manager.connection.options.type === 'mysql' ? 'mysql' : 'sqlite';
  const values = changes.map(() => '(?, ?, ?, ?, ?)').join(', ');
  const upsert =
    kind === 'mysql' ? 'ON DUPLICATE KEY UPDATE n = n + VALUES(n)' : 'ON CONFLICT (dimension, board_code, month, stat_key) DO UPDATE SET n = n + excluded.n';
  await manager.query(
    `INSERT INTO incident_counts (dimension, board_code, month, stat_key, n) VALUES ${values} ${upsert}`,
    changes.flatMap((c) => [c.dimension, c.boardCode, c.month, c.key, c.delta]),
  );
  await manager.query(BUMP_COUNTS_VERSION_SQL);
}

/** SQL for the first day of the month of a DATE column (a 'YYYY-MM-DD' text on SQLite). */
function monthSql(column: string, kind: DatabaseKind): string {
  return kind === 'mysql' ? `DATE_FORMAT(${column}, '%Y-%m-01')` : `substr(${column}, 1, 7) || '-01'`;
}

/**
 * Statements that build the counts afresh from the incident rows, the same
 * rules as DIMENSIONS, and move their version: for anything that fills the
 * incident tables without going through the service (bulk loads), so even a
 * running subgraph answers from the new counts: run them, in one transaction,
 * after the rows are in.
 */
export function rebuildIncidentCountsSql(kind: DatabaseKind): string[] {
  return [...countsFromIncidentRowsSql(kind), BUMP_COUNTS_VERSION_SQL];
}

/** The counts built from the incident rows (the migration that adds the table runs these; it has no version yet). */
export function countsFromIncidentRowsSql(kind: DatabaseKind): string[] {
  const month = monthSql('i.aware_on', kind);
  const joins = { children: 'JOIN incident_children c ON c.incident_id = i.id', abuseTypes: 'JOIN incident_abuse_types t ON t.incident_id = i.id' };
  return [
    'DELETE FROM incident_counts',
    ...(Object.keys(DIMENSIONS) as IncidentDimension[]).map((dimension) => {
      const { join, column } = DIMENSIONS[dimension];
      return (
        `INSERT INTO incident_counts (dimension, board_code, month, stat_key, n) ` +
        `SELECT '${dimension}', i.board_code, ${month}, ${column}, COUNT(*) FROM incidents i ${join ? joins[join] : ''} ` +
        `WHERE i.notifiable = 1 GROUP BY i.board_code, ${month}, ${column}`
      );
    }),
  ];
}

/** Rebuilds the pre-aggregated counts from the incident rows (after a bulk load straight into the tables). */
export async function rebuildIncidentCounts(db: Database): Promise<void> {
  await db.transaction(async (manager) => {
    for (const sql of rebuildIncidentCountsSql(db.kind)) await manager.query(sql);
  });
}
