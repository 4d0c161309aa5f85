import { addDays, compareIsoDates, todayInLondon } from '@scr/calendar';
import type { DemoApi } from './demo-api';
import type { DemoBoard } from './walk-case';

type Owner = keyof DemoBoard['agencies'];

interface DemoAction {
  recommendation: string;
  owner: Owner;
  /** Days from today (negative: in the past); never before the review's initiation. */
  dueIn: number;
  updates: ('IN_PROGRESS' | 'COMPLETED')[];
  impact?: 'EVIDENCED' | 'PARTIAL' | 'NOT_EVIDENCED';
  dropped?: string;
}

/**
 * Every RAG state (DOMAIN.md step 9): GREEN for done or far off, AMBER when
 * due within 30 days, RED when overdue; plus a dropped action and impact
 * assessed on completed ones.
 */
const ACTIONS: DemoAction[] = [
  {
    recommendation: 'Share chronologies at every strategy meeting',
    owner: 'socialCare',
    dueIn: -40,
    updates: ['IN_PROGRESS', 'COMPLETED'],
    impact: 'EVIDENCED',
  },
  {
    recommendation: 'Train health visitors on safe sleeping conversations',
    owner: 'health',
    dueIn: -20,
    updates: ['IN_PROGRESS', 'COMPLETED'],
    impact: 'PARTIAL',
  },
  { recommendation: 'Audit attendance follow-up for children on plans', owner: 'education', dueIn: -10, updates: ['IN_PROGRESS'] },
  { recommendation: 'Add the police domestic abuse log to the MASH checklist', owner: 'police', dueIn: 14, updates: ['IN_PROGRESS'] },
  { recommendation: 'Publish a seven-minute briefing for practitioners', owner: 'socialCare', dueIn: 20, updates: [] },
  { recommendation: 'Review the escalation policy with every partner', owner: 'health', dueIn: 120, updates: [] },
  {
    recommendation: 'Commission a bespoke neglect toolkit',
    owner: 'education',
    dueIn: 90,
    updates: [],
    dropped: 'Demo: replaced by the regional neglect strategy.',
  },
];

/** An action plan on an initiated review, with actions, updates from their owner agencies, impact and a programme audit. */
export async function seedActionPlan(api: DemoApi, board: DemoBoard, reviewId: string, initiatedOn: string): Promise<void> {
  const today = todayInLondon();
  const plan = await api.call(board.manager, 'createActionPlan', 'CreateActionPlanInput', { reviewId });
  for (const a of ACTIONS) {
    const wanted = addDays(today, a.dueIn);
    let action = await api.call<{ id: string; version: number }>(
      board.manager,
      'addAction',
      'AddActionInput',
      {
        actionPlanId: plan.id,
        recommendation: a.recommendation,
        description: `Demo action: ${a.recommendation.toLowerCase()}.`,
        ownerAgencyId: board.agencies[a.owner],
        dueOn: compareIsoDates(wanted, initiatedOn) < 0 ? initiatedOn : wanted,
        successCriteria: ['Demo criterion: seen in the next multi-agency audit.'],
      },
      'id version',
    );
    const owner = await api.contributor(board.agencies[a.owner]);
    for (const status of a.updates) {
      action = await api.call(
        owner,
        'updateAction',
        'UpdateActionInput',
        { actionId: action.id, status, note: `Demo update: now ${status.toLowerCase().replace('_', ' ')}.`, expectedVersion: action.version },
        'id version',
      );
    }
    if (a.impact) {
      await api.call(board.manager, 'assessImpact', 'AssessImpactInput', {
        actionId: action.id,
        rating: a.impact,
        evidence: 'Demo evidence: the quarterly multi-agency audit sampled ten cases.',
        assessedOn: addDays(today, -3),
      });
    }
    if (a.dropped) {
      await api.call(board.manager, 'updateAction', 'UpdateActionInput', {
        actionId: action.id,
        status: 'DROPPED',
        note: a.dropped,
        expectedVersion: action.version,
      });
    }
  }
  await api.call(board.manager, 'recordProgrammeAudit', 'RecordProgrammeAuditInput', {
    actionPlanId: plan.id,
    auditedOn: addDays(today, -14),
    findings: 'Demo audit: two actions evidenced, one overdue and escalated to the partnership.',
  });
}
