import { ActionStatus, ImpactRating } from '../action.enums';
import { publicationSummary, type SummaryAction } from '../publication-summary.rules';

const TODAY = '2026-06-15';
const action = (over: Partial<SummaryAction>): SummaryAction => ({
  recommendation: 'R1',
  description: 'Train staff',
  status: ActionStatus.NOT_STARTED,
  dueOn: '2026-09-30',
  completedOn: null,
  impactRating: null,
  impactEvidence: null,
  ...over,
});

describe('publicationSummary: what the board publishes after a review', () => {
  it('lists completed actions as taken, with the day they were completed', () => {
    const summary = publicationSummary(
      [action({ status: ActionStatus.COMPLETED, completedOn: '2026-05-01' }), action({ description: 'Audit', status: ActionStatus.COMPLETED })],
      TODAY,
    );
    expect(summary.actionsTaken).toEqual(['Train staff (completed 2026-05-01).', 'Audit (completed on an unrecorded date).']);
  });

  it('reports impact only where it was evidenced', () => {
    const summary = publicationSummary(
      [
        action({ status: ActionStatus.COMPLETED, impactRating: ImpactRating.EVIDENCED, impactEvidence: 'Referrals doubled' }),
        action({ description: 'Audit', status: ActionStatus.COMPLETED, impactRating: ImpactRating.EVIDENCED, impactEvidence: null }),
        action({ description: 'Leaflet', status: ActionStatus.COMPLETED, impactRating: ImpactRating.NOT_EVIDENCED, impactEvidence: 'None seen' }),
      ],
      TODAY,
    );
    expect(summary.impact).toEqual(['Train staff: Referrals doubled']);
  });

  it('lists open actions as further actions and marks those past their due date overdue, as isOverdue does', () => {
    const summary = publicationSummary(
      [
        action({ description: 'Late', dueOn: '2026-06-14' }),
        action({ description: 'Due today', status: ActionStatus.IN_PROGRESS, dueOn: TODAY }),
        action({ description: 'Dropped', status: ActionStatus.DROPPED, dueOn: '2026-01-01' }),
        action({ description: 'Done', status: ActionStatus.COMPLETED, dueOn: '2026-01-01' }),
      ],
      TODAY,
    );
    expect(summary.furtherActions).toEqual(['Late (due 2026-06-14, overdue).', `Due today (due ${TODAY}).`]);
  });
});
