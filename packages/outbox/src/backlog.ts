import { OutboxEvent, type Database } from '@scr/db';
import { STUCK_ATTEMPTS, type BacklogReading } from '@scr/observability';

/** SQLite hands DATETIME back as text in UTC without a zone; MySQL (timezone 'Z') as a Date. */
function toDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** One statement: how many events of the relay's types wait, since when, and how many are stuck. */
export async function readBacklog(db: Database, relay: string, types: readonly string[] | undefined): Promise<BacklogReading> {
  const qb = db.manager
    .createQueryBuilder(OutboxEvent, 'e')
    .select('COUNT(*)', 'backlog')
    .addSelect('MIN(e.occurred_at)', 'oldest')
    .addSelect(`SUM(CASE WHEN e.attempts >= ${STUCK_ATTEMPTS} THEN 1 ELSE 0 END)`, 'stuck')
    .where('e.delivered_at IS NULL');
  if (types) {
    if (types.length === 0) return { relay, backlog: 0, oldestAgeSeconds: 0, stuck: 0 };
    qb.andWhere('e.type IN (:...types)', { types });
  }
  const row = (await qb.getRawOne<{ backlog: unknown; oldest: unknown; stuck: unknown }>()) ?? { backlog: 0, oldest: null, stuck: 0 };
  const oldest = toDate(row.oldest);
  return {
    relay,
    backlog: Number(row.backlog ?? 0),
    oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
    stuck: Number(row.stuck ?? 0),
  };
}
