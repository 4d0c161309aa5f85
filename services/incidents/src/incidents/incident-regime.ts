import { regimeAt, type RegimeName } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import type { Incident } from './incident.entity';

/**
 * The regime an incident falls under: fixed when its notification is
 * recorded; before that (and for incidents notified before the regime was
 * stored) the regime at its notification date, or today's if not notified.
 */
export async function incidentRegime(ctx: IncidentsContext, incident: Incident): Promise<RegimeName> {
  if (incident.notificationRegime) return incident.notificationRegime;
  const board = await ctx.boardFacts.load(incident.boardCode);
  return regimeAt(incident.notifiedOn ?? ctx.today, board?.partnershipArrangementsFrom ?? null);
}
