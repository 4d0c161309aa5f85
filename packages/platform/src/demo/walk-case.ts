import { addCalendarMonths, addDays, todayInLondon } from '@scr/calendar';
import type { DemoCase } from './cases';
import type { DemoApi } from './demo-api';

/** Who acts for one board in the demo, and the agencies its cases involve. */
export interface DemoBoard {
  code: string;
  manager: string;
  chair: string;
  agencies: { socialCare: string; health: string; education: string; police: string };
  leadReviewerId: string;
}

const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];

/** Takes a notified case's review to the stage the demo case names, each step by the role the rules give it. */
export async function walkCase(api: DemoApi, board: DemoBoard, c: DemoCase, reviewId: string, n: number): Promise<{ initiatedOn: string } | null> {
  if (!c.decidedOn) return null;
  const today = todayInLondon();
  const initiate = c.stage !== 'NOT_PROCEEDING';
  const decided = await api.call<{ completionDueOn: string }>(
    board.chair,
    'recordDecision',
    'RecordDecisionInput',
    {
      reviewId,
      outcome: initiate ? 'INITIATE_REVIEW' : 'NO_FURTHER_REVIEW',
      criteriaMet: initiate,
      partnersAgreed: c.regime === 'PARTNERSHIP' ? PARTNERS : [],
      rationale: initiate
        ? 'Demo rationale: the criteria are met and agencies could have worked together better.'
        : 'Demo rationale: the rapid review captured the learning; no further review would add to it.',
      decidedOn: c.decidedOn,
    },
    'id completionDueOn',
  );
  if (!initiate) return null;

  const manager = board.manager;
  const reviewer = await api.reviewer(board.leadReviewerId);
  for (const agencyId of [board.agencies.health, board.agencies.socialCare]) {
    await api.call(manager, 'involveAgency', 'InvolveAgencyInput', { reviewId, agencyId });
  }
  await api.call(manager, 'appointReviewer', 'AppointReviewerInput', {
    reviewId,
    reviewerId: board.leadReviewerId,
    lead: true,
    appointedOn: c.appointedOn,
    independenceStatement: 'Demo statement: no link with the board or any agency in the case.',
  });
  await api.call(reviewer, 'setMethodology', 'SetMethodologyInput', {
    reviewId,
    name: 'Systems approach (demo)',
    dataCollection: 'Agency chronologies and practitioner conversations',
    analysis: 'Thematic analysis against the practice questions',
  });
  await api.call(manager, 'setThemes', 'SetThemesInput', { reviewId, themes: c.themes ?? [] });
  await api.call(manager, 'recordFamilyEngagement', 'RecordFamilyEngagementInput', {
    reviewId,
    participant: 'Parent (fictional)',
    engagedOn: addDays(c.appointedOn!, 14),
    contributed: n % 2 === 0,
    note: 'Demo note: invited to contribute at home.',
  });
  if (c.criterion !== 'CHILD_SERIOUSLY_HARMED') {
    await api.call(manager, 'linkParallelProcess', 'LinkParallelProcessInput', {
      reviewId,
      kind: 'CORONER_INQUEST',
      reference: `DEMO-INQ-${n}`,
      leadOrganisation: 'Demo Coroner Service',
    });
  }

  if (c.stage === 'IN_PROGRESS' || c.stage === 'EXTENDED') {
    const request = (agencyId: string, dueOn: string, purpose: string) =>
      api.call<{ id: string }>(reviewer, 'requestInformation', 'RequestInformationInput', {
        reviewId,
        agencyId,
        purpose,
        necessity: 'The review cannot see what was known without it.',
        proportionality: 'Only the twelve months before the incident.',
        dueOn,
      });
    await request(board.agencies.health, addDays(today, 14), 'Demo: health visiting records');
    const answered = await request(board.agencies.socialCare, addDays(today, 21), 'Demo: assessments and strategy meeting minutes');
    await api.call(await api.contributor(board.agencies.socialCare), 'respondToInformationRequest', 'RespondToInformationRequestInput', {
      informationRequestId: answered.id,
      response: 'Demo response: chronology and minutes attached.',
    });
  }
  if (c.extensionAgreedOn) {
    await api.call(manager, 'extendTimescale', 'ExtendTimescaleInput', {
      reviewId,
      reason: 'Demo reason: criminal proceedings must finish before practitioners are interviewed.',
      completionDueOn: addCalendarMonths(decided.completionDueOn, 3),
      interimLearning: ['Demo interim learning: strategy meetings now always invite the school nurse.'],
      agreedOn: c.extensionAgreedOn,
    });
  }
  if (c.completedOn) {
    await api.call(reviewer, 'recordFindings', 'RecordFindingsInput', {
      reviewId,
      findings: 'Demo findings: information about the family was held by several agencies but never brought together.',
      goodPractice: ['The school raised concerns promptly and followed them up.'],
    });
    await api.call(manager, 'completeReview', 'CompleteReviewInput', {
      reviewId,
      completedOn: c.completedOn,
      findings: 'Demo findings: information about the family was held by several agencies but never brought together.',
    });
  }
  if (c.publication) {
    await api.call(board.chair, 'publishReview', 'PublishReviewInput', {
      reviewId,
      url: `https://example.org/demo-reports/${board.code.toLowerCase()}-${n}.pdf`,
      ...c.publication,
      plainEnglishSummary: 'A fictional summary for trying the platform: agencies must share what they know about a family sooner.',
      welfareImpactConsidered: true,
      dataProtectionChecked: true,
      courtRestrictionsChecked: true,
    });
  }
  return { initiatedOn: c.decidedOn };
}
