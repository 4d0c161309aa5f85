/**
 * The explorer's saved tabs: one step of the process each, in order, using
 * the typed client's own operation documents (packages/client/src/operations),
 * so what a newcomer tries here is what integrators call. Variables are
 * examples dated from today; ids come from the step before.
 */
import start from '../../packages/client/src/operations/01-start.graphql';
import reportAndNotify from '../../packages/client/src/operations/02-report-and-notify.graphql';
import decide from '../../packages/client/src/operations/03-decide.graphql';
import appointReviewer from '../../packages/client/src/operations/04-appoint-reviewer.graphql';
import requestInformation from '../../packages/client/src/operations/05-request-information.graphql';
import extend from '../../packages/client/src/operations/06-extend.graphql';
import complete from '../../packages/client/src/operations/07-complete.graphql';
import publish from '../../packages/client/src/operations/08-publish.graphql';
import planActions from '../../packages/client/src/operations/09-plan-actions.graphql';
import trends from '../../packages/client/src/operations/10-trends.graphql';
import lists from '../../packages/client/src/operations/11-lists.graphql';

export interface WalkTab {
  query: string;
  variables: string;
  headers: string;
}

/** What to paste where: the ids a step needs come from the step before. */
const REVIEW_ID = 'paste the review id IncidentReviews answered';

/** `pnpm -s token` for a LEEDS manager and chair in one token, printing the explorer's address; two lines to fit the editor. */
export const TOKEN_COMMAND = ['pnpm -s token --url --board LEEDS', '  --role BOARD_MANAGER --role BOARD_CHAIR'];

/** `YYYY-MM-DD` plus n days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "Today" as the platform counts it: the calendar date in Europe/London. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function walkTabs(today: string, headers: string): WalkTab[] {
  const tab = (heading: string[], document: string, variables: Record<string, unknown> = {}): WalkTab => ({
    query: `${heading.map((line) => `#${line ? ` ${line}` : ''}`).join('\n')}\n\n${document.trim()}\n`,
    variables: JSON.stringify(variables, null, 2),
    headers,
  });
  return [
    tab(
      [
        'The West Yorkshire safeguarding reviews API.',
        'A walk through the process: one tab a step.',
        'Run with the play button (a tab with several',
        'operations asks which).',
        '',
        'Sign in: open the link that',
        ...TOKEN_COMMAND.map((line) => `  ${line}`),
        'prints (a LEEDS manager and chair in one token),',
        'or put {"authorization": "Bearer <token>"}',
        'in Headers below.',
        '',
        'Docs: the book icon on the left.',
      ],
      start,
    ),
    tab(['Walk 1 of 9. Run ReportIncident, then copy the id it answers', 'into incidentId (Variables) and run the other two.'], reportAndNotify, {
      incident: {
        boardCode: 'LEEDS',
        criterion: 'CHILD_SERIOUSLY_HARMED',
        abuseOrNeglect: 'SUSPECTED',
        occurredOn: addDays(today, -3),
        awareOn: addDays(today, -2),
        abuseTypes: ['NEGLECT'],
        summary: 'A fictional example incident.',
        children: [{ pseudonym: 'Child A', fullName: 'Example Fictional-Child', sex: 'FEMALE', ageBand: 'UNDER_1', socialCareStatus: 'CHILD_IN_NEED' }],
      },
      incidentId: 'paste the id reportIncident answered',
      notifiedOn: today,
    }),
    tab(['Walk 2 of 9. Paste the review id into decision.reviewId.'], decide, {
      decision: {
        reviewId: REVIEW_ID,
        outcome: 'INITIATE_REVIEW',
        criteriaMet: true,
        partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
        rationale: 'Serious harm with neglect suspected; agencies may not have worked together well.',
        decidedOn: today,
      },
    }),
    tab(['Walk 3 of 9. Run Reviewers, paste one id into reviewerId.'], appointReviewer, {
      appointment: {
        reviewId: REVIEW_ID,
        reviewerId: 'paste an id Reviewers answered',
        lead: true,
        appointedOn: today,
        independenceStatement: 'Independent of the board and of every agency involved.',
      },
    }),
    tab(['Walk 4 of 9. Run BoardAgencies, paste one id into both agencyIds.'], requestInformation, {
      boardCode: 'LEEDS',
      involvement: { reviewId: REVIEW_ID, agencyId: 'paste an id BoardAgencies answered' },
      request: {
        reviewId: REVIEW_ID,
        agencyId: 'paste the same agency id',
        purpose: 'Records of contact with the family in the year before the incident.',
        necessity: 'The review cannot understand what happened without them.',
        proportionality: 'Only the twelve months before the incident.',
        dueOn: addDays(today, 14),
      },
    }),
    tab(['Walk 5 of 9.'], extend, {
      extension: {
        reviewId: REVIEW_ID,
        reason: 'Awaiting the outcome of criminal proceedings.',
        completionDueOn: addDays(today, 240),
        interimLearning: ['Practitioners briefed on escalating missed health appointments.'],
      },
    }),
    tab(['Walk 6 of 9. SetMethodology first: completion needs it.'], complete, {
      methodology: { reviewId: REVIEW_ID, name: 'Systems approach', dataCollection: 'Practitioner interviews and records', analysis: 'Thematic analysis' },
      completion: { reviewId: REVIEW_ID, completedOn: today, findings: 'Information about missed appointments was not shared between agencies.' },
    }),
    tab(['Walk 7 of 9. Published on its publishedOn date (scheduled here).'], publish, {
      publication: {
        reviewId: REVIEW_ID,
        url: 'https://example.org/reports/fictional-review.pdf',
        sentToPanelOn: today,
        publishedOn: addDays(today, 21),
        plainEnglishSummary: 'A baby was seriously harmed; agencies will now share missed appointments sooner.',
        welfareImpactConsidered: true,
        dataProtectionChecked: true,
        courtRestrictionsChecked: true,
      },
      first: 10,
    }),
    tab(['Walk 8 of 9. Paste the ids each operation answers into the next.'], planActions, {
      plan: { reviewId: REVIEW_ID },
      action: {
        actionPlanId: 'paste the id createActionPlan answered',
        recommendation: 'Share missed-appointment alerts',
        description: 'Health visitors alert social care after two missed appointments.',
        ownerAgencyId: 'paste an agency id',
        dueOn: addDays(today, 90),
        successCriteria: ['Alerts sent within 2 working days in an audit of 20 cases'],
      },
      update: { actionId: 'paste the id addAction answered', status: 'IN_PROGRESS', note: 'Alert template agreed.', expectedVersion: 1 },
    }),
    tab(['Walk 9 of 9. Try an ANALYST token (pnpm -s token --role ANALYST --url)', 'to see suppression and rounding.'], trends, {
      boardCode: 'LEEDS',
      from: `${Number(today.slice(0, 4)) - 1}-01-01`,
      to: today,
      interval: 'QUARTER',
      by: 'CRITERION',
    }),
    tab(['Lists with cursors. The panel feed needs a PANEL token:', 'pnpm -s token --role PANEL --url'], lists, { first: 10 }),
  ];
}
