import { badInput, decodeCursor, encodeCursor, pageSize } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import { Incident } from '../incidents/incident.entity';
import { panelNotification } from './panel-notification';

/**
 * Every incident of every board notified to the panel, oldest recording
 * first, with a cursor that never shifts. A correction records the entry
 * again, so it moves to the end and a reader following the cursor sees the
 * corrected facts.
 */
export async function panelFeed(ctx: IncidentsContext, since: Date | null | undefined, first: number | null | undefined, after: string | null | undefined) {
  const size = pageSize(first, 100);
  const qb = ctx.db.manager.createQueryBuilder(Incident, 'i').where('i.notified_to_panel = 1 AND i.panel_recorded_at IS NOT NULL');
  if (since) qb.andWhere('i.panel_recorded_at >= :since', { since });
  const position = decodePosition(after);
  if (position) {
    qb.andWhere('(i.panel_recorded_at > :at OR (i.panel_recorded_at = :at AND i.seq > :seq))', position);
  }
  const rows =
    size === 0
      ? []
      : await qb
          .orderBy('i.panel_recorded_at', 'ASC')
          .addOrderBy('i.seq', 'ASC')
          .take(size + 1)
          .getMany();
  const page = rows.slice(0, size);
  const [children, abuseTypes] = await Promise.all([
    ctx.loaders.childrenByIncident.loadMany(page.map((i) => i.id)),
    ctx.loaders.abuseTypesByIncident.loadMany(page.map((i) => i.id)),
  ]);
  const edges = page.map((incident, n) => ({
    node: panelNotification(incident, children[n] as never, abuseTypes[n] as never),
    cursor: encodeCursor(`${incident.panelRecordedAt!.getTime()}_${incident.seq}`),
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

function decodePosition(after: string | null | undefined): { at: Date; seq: number } | undefined {
  const key = decodeCursor(after);
  if (key === undefined) return undefined;
  const [ms, seq] = key.split('_').map(Number);
  if (ms === undefined || seq === undefined || !Number.isSafeInteger(ms) || !Number.isSafeInteger(seq))
    throw badInput('after', '`after` is not a cursor this API gave out.');
  return { at: new Date(ms), seq };
}
