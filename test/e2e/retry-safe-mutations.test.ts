/**
 * A client whose connection was cut after it sent a mutation cannot know
 * whether it was stored, so it sends it again. For these mutations the
 * repeat answers the first result (same record, same version) and stores
 * nothing twice. The README lists which mutations are safe to repeat this way.
 */
import { todayInLondon } from '@scr/calendar';
import { boardTokens, incidentInput, mutate, notifiedCase, REPORT_INCIDENT, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let tokens: { manager: string; chair: string };
let admin: string;
let reviewId: string;

/** Sends the same mutation twice, as a client retrying would, and answers both results. */
async function twice<T>(token: string, query: string, variables: Record<string, unknown>): Promise<[T, T]> {
  const first = await mutate<T>(t, token, query, variables);
  const again = await mutate<T>(t, token, query, variables);
  return [first, again];
}

const REVIEW = 'id version methodology { name dataCollection analysis } findings themes involvedAgencies { id }';

beforeAll(async () => {
  t = await startTestPlatform();
  tokens = await boardTokens(t, 'LEEDS');
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  const { review, notifiedOn } = await notifiedCase(t, tokens.manager, 'LEEDS');
  reviewId = review.id;
  await mutate(t, tokens.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: { reviewId, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'], rationale: 'Serious harm.', decidedOn: notifiedOn },
  });
});
afterAll(() => t.stop());

it('reportIncident with an idempotency key: the same incident, one of it', async () => {
  const input = incidentInput('LEEDS', { summary: 'retried report', idempotencyKey: 'retry-safe-1' });
  const count = async () => (await mutate<{ incidents: { totalCount: number } }>(t, tokens.manager, '{ incidents { totalCount } }', {})).incidents.totalCount;
  const before = await count();
  const [first, again] = await twice(tokens.manager, REPORT_INCIDENT, { input });
  expect(again).toEqual(first);
  expect(await count()).toBe(before + 1);
});

it('recordNotification with the same date: the incident as it is', async () => {
  const input = incidentInput('LEEDS', { summary: 'retried notification' });
  const { reportIncident } = await mutate<{ reportIncident: { id: string } }>(t, tokens.manager, REPORT_INCIDENT, { input });
  const [first, again] = await twice(tokens.manager, 'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id version notifiedOn } }', {
    id: reportIncident.id,
    on: input.awareOn,
  });
  expect(again).toEqual(first);
});

it('updateBoard with the same values: the board as it is', async () => {
  const [first, again] = await twice(admin, 'mutation($i: UpdateBoardInput!) { updateBoard(input: $i) { code name partnershipArrangementsFrom } }', {
    i: { code: 'LEEDS', name: 'Leeds Safeguarding Children Partnership' },
  });
  expect(again).toEqual(first);
});

it('setMethodology, recordFindings and setThemes with the same input: the review as it is, version unchanged', async () => {
  const methodology = { reviewId, name: 'Systems approach', dataCollection: 'Interviews', analysis: 'Thematic' };
  const [m1, m2] = await twice(tokens.manager, `mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { ${REVIEW} } }`, { i: methodology });
  expect(m2).toEqual(m1);
  const findings = { reviewId, findings: 'Draft findings', goodPractice: ['Shared chronology'] };
  const [f1, f2] = await twice(tokens.manager, `mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { ${REVIEW} } }`, { i: findings });
  expect(f2).toEqual(f1);
  const themes = { reviewId, themes: ['NEGLECT', 'INFORMATION_SHARING'] };
  const [s1, s2] = await twice(tokens.manager, `mutation($i: SetThemesInput!) { setThemes(input: $i) { ${REVIEW} } }`, { i: themes });
  expect(s2).toEqual(s1);
});

it('involveAgency with the same agency: involved once, the review as it is', async () => {
  const { registerAgency } = await mutate<{ registerAgency: { id: string } }>(t, admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
    i: { name: 'Leeds Health (retry test)', sector: 'HEALTH', boardCodes: ['LEEDS'] },
  });
  const [first, again] = await twice<{ involveAgency: { involvedAgencies: { id: string }[] } }>(
    tokens.manager,
    `mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { ${REVIEW} } }`,
    { i: { reviewId, agencyId: registerAgency.id } },
  );
  expect(again).toEqual(first);
  expect(again.involveAgency.involvedAgencies.filter((a) => a.id === registerAgency.id)).toHaveLength(1);
});

it('appointReviewer with the same appointment: appointed once, the review as it is; another appointment of them is still refused', async () => {
  const { registerReviewer } = await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
    i: { name: 'Retry Reviewer', qualifications: ['Social work'] },
  });
  const appointment = { reviewId, reviewerId: registerReviewer.id, lead: false, appointedOn: todayInLondon(), independenceStatement: 'No links to the agencies involved.' };
  const query = `mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { ${REVIEW} appointments { reviewer { id } } } }`;
  const [first, again] = await twice<{ appointReviewer: { appointments: { reviewer: { id: string } }[] } }>(tokens.manager, query, { i: appointment });
  expect(again).toEqual(first);
  expect(again.appointReviewer.appointments.filter((a) => a.reviewer.id === registerReviewer.id)).toHaveLength(1);
  const other = await t.gql(tokens.manager, query, { i: { ...appointment, independenceStatement: 'Something else.' } });
  expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
