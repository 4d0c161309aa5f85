import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hasRole, isBoardStaff } from '@scr/auth';
import { anyOf } from '@scr/db';
import { compareIsoDates } from '@scr/calendar';
import { badInput, invalidStage, notFound, requiredText, seqPage, type Authenticated } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { InvolvedAgency } from '../appointments/involved-agency.entity';
import { loadReviewForChange, updateReview } from '../reviews/review-access';
import { GRANT_SQL, scopeParameters } from '../reviews/review.scope';
import type {
  InformationRequestFilter,
  RequestInformationInput,
  RespondToInformationRequestInput,
  WithdrawInformationRequestInput,
} from './information-request.inputs';
import { InformationRequest, InformationRequestStatus } from './information-request.entity';
import { isRepeatedResponse, isRepeatedWithdrawal, isSameOpenRequest, statusSql, withdrawnWithReview } from './information-request.rules';
import type { ReviewStage } from '../reviews/review.enums';
import { endsWithoutCompleting } from '../reviews/review.rules';

/** Step 8: a request states purpose, necessity and proportionality and a due date not in the past. */
export function requestInformation(ctx: Authenticated<ReviewsContext>, input: RequestInformationInput): Promise<InformationRequest> {
  const purpose = requiredText('purpose', input.purpose);
  const necessity = requiredText('necessity', input.necessity);
  const proportionality = requiredText('proportionality', input.proportionality);
  if (compareIsoDates(input.dueOn, ctx.today) < 0) throw badInput('dueOn', `dueOn (${input.dueOn}) is in the past.`);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'boardOrReviewer', 'requestInformation');
    if (!(await manager.exists(InvolvedAgency, { where: { reviewId: review.id, agencyId: input.agencyId } }))) {
      throw badInput('agencyId', 'Information can be requested only from an agency involved in the case: involve it first.');
    }
    const wanted = { agencyId: input.agencyId, purpose, necessity, proportionality, statutory: input.statutory ?? true, dueOn: input.dueOn };
    const open = await manager.find(InformationRequest, {
      where: { reviewId: review.id, agencyId: input.agencyId, storedStatus: InformationRequestStatus.OPEN },
    });
    const repeated = open.find((held) => isSameOpenRequest(held, wanted));
    if (repeated) return repeated; // a client's retry: the request already open
    const request = manager.create(InformationRequest, {
      id: randomUUID(),
      reviewId: review.id,
      boardCode: review.boardCode,
      agencyId: input.agencyId,
      purpose,
      necessity,
      proportionality,
      statutory: input.statutory ?? true,
      requestedOn: ctx.today,
      dueOn: input.dueOn,
      storedStatus: InformationRequestStatus.OPEN,
      response: null,
      respondedOn: null,
      withdrawnReason: null,
      createdBy: ctx.principal.subject,
    });
    await manager.insert(InformationRequest, request);
    await updateReview(manager, review, {});
    return request;
  });
}

/** An agency contributor answers a request addressed to its own agency. */
export function respondToInformationRequest(ctx: Authenticated<ReviewsContext>, input: RespondToInformationRequestInput): Promise<InformationRequest> {
  const response = requiredText('response', input.response);
  return ctx.db.transaction(async (manager) => {
    const request = await manager.findOne(InformationRequest, { where: { id: input.informationRequestId, agencyId: ctx.principal.agency ?? '' } });
    if (!request) throw notFound('information request', input.informationRequestId);
    if (isRepeatedResponse(request, response)) return request; // a client's retry of this very response
    assertOpen(request);
    await manager.update(InformationRequest, { id: request.id }, { storedStatus: InformationRequestStatus.RESPONDED, response, respondedOn: ctx.today });
    return manager.findOneByOrFail(InformationRequest, { id: request.id });
  });
}

export function withdrawInformationRequest(ctx: ReviewsContext, input: WithdrawInformationRequestInput): Promise<InformationRequest> {
  const reason = requiredText('reason', input.reason);
  return ctx.db.transaction(async (manager) => {
    const request = await findVisibleRequest(ctx, manager, input.informationRequestId, { withChallenges: true });
    await loadReviewForChange(ctx, manager, request.reviewId, 'boardOrReviewer');
    if (isRepeatedWithdrawal(request, reason)) return request; // a client's retry of this very withdrawal
    assertOpen(request);
    await manager.update(InformationRequest, { id: request.id }, { storedStatus: InformationRequestStatus.WITHDRAWN, withdrawnReason: reason });
    return manager.findOneByOrFail(InformationRequest, { id: request.id });
  });
}

/**
 * A review that ends without completing (not proceeding, closed) withdraws
 * its open requests (overdue ones included): call inside the transaction
 * that changes the stage, so both happen or neither.
 */
export async function withdrawOpenRequests(manager: EntityManager, reviewId: string, endStage: ReviewStage): Promise<void> {
  if (!endsWithoutCompleting(endStage)) return;
  await manager.update(
    InformationRequest,
    { reviewId, storedStatus: InformationRequestStatus.OPEN },
    { storedStatus: InformationRequestStatus.WITHDRAWN, withdrawnReason: withdrawnWithReview(endStage) },
  );
}

function assertOpen(request: InformationRequest) {
  if (request.storedStatus !== InformationRequestStatus.OPEN) {
    throw invalidStage(`This information request is already ${request.storedStatus.toLowerCase()}.`);
  }
}

/**
 * A request the caller can see. For a change, a peer-challenge chair counts
 * too (it reads the review's requests), so its refusal is FORBIDDEN, not NOT_FOUND.
 */
async function findVisibleRequest(
  ctx: ReviewsContext,
  manager: EntityManager,
  id: string,
  options: { withChallenges?: boolean } = {},
): Promise<InformationRequest> {
  const qb = manager.createQueryBuilder(InformationRequest, 'ir').where('ir.id = :id', { id });
  whereRequestInScope(ctx, qb, options.withChallenges);
  const request = await qb.getOne();
  if (!request) throw notFound('information request', id);
  return request;
}

/** Board staff see their board's requests, reviewers those of reviews they are appointed to, agencies those addressed to them. */
function whereRequestInScope(ctx: ReviewsContext, qb: ReturnType<EntityManager['createQueryBuilder']>, withChallenges = false) {
  const p = ctx.principal;
  const clauses: string[] = [];
  if (withChallenges && ctx.scope.challengerBoard) clauses.push(`ir.review_id IN (${GRANT_SQL.PC})`);
  if (isBoardStaff(p)) clauses.push('ir.board_code = :irBoard');
  if (ctx.scope.reviewer) clauses.push(`ir.review_id IN (${GRANT_SQL.RV})`);
  if (hasRole(p, 'AGENCY_CONTRIBUTOR') && p?.agency) clauses.push('ir.agency_id = :irAgency');
  const condition = anyOf(clauses, { ...scopeParameters(ctx.scope), irBoard: p?.board, irAgency: p?.agency });
  return qb.andWhere(condition.sql, condition.parameters);
}

export async function listInformationRequests(
  ctx: ReviewsContext,
  filter: InformationRequestFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const base = ctx.db.manager.createQueryBuilder(InformationRequest, 'ir');
  whereRequestInScope(ctx, base);
  if (filter?.reviewId) base.andWhere('ir.review_id = :reviewId', { reviewId: filter.reviewId });
  if (filter?.status) base.andWhere(statusSql('ir', filter.status), { today: ctx.today });
  return seqPage(base, { alias: 'ir', first, after });
}
