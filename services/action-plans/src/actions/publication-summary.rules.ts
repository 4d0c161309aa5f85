import type { IsoDate } from '@scr/calendar';
import { ActionStatus, ImpactRating } from './action.enums';
import { isClosed, isOverdue } from './action.rules';

export interface SummaryAction {
  recommendation: string;
  description: string;
  status: ActionStatus;
  dueOn: IsoDate;
  completedOn: IsoDate | null;
  impactRating: ImpactRating | null;
  impactEvidence: string | null;
}

/**
 * What the board publishes after a review (step 10): the actions taken, their
 * evidenced impact, and what more will be done, in plain sentences.
 */
export function publicationSummary(actions: SummaryAction[], today: IsoDate) {
  const actionsTaken = actions
    .filter((a) => a.status === ActionStatus.COMPLETED)
    .map((a) => `${a.description} (completed ${a.completedOn ?? 'on an unrecorded date'}).`);
  const impact = actions.filter((a) => a.impactRating === ImpactRating.EVIDENCED && a.impactEvidence).map((a) => `${a.description}: ${a.impactEvidence}`);
  const furtherActions = actions.filter((a) => !isClosed(a.status)).map((a) => `${a.description} (due ${a.dueOn}${isOverdue(a, today) ? ', overdue' : ''}).`);
  return { actionsTaken, impact, furtherActions };
}
