import { randomUUID } from 'node:crypto';
import { hasRole } from '@scr/auth';
import type { EntityManager } from 'typeorm';
import { badInput, forbidden, invalidStage, notFound, requiredText, type Authenticated } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { lookupBoards } from '../directory.client';
import { loadReviewForChange } from '../reviews/review-access';
import type { PeerChallengeFilter, RequestPeerChallengeInput, RespondToPeerChallengeInput } from './peer-challenge.inputs';
import { PeerChallenge, PeerChallengeDirection } from './peer-challenge.entity';
import {
  accessUntilProblem,
  challengeStatusSql,
  grantsAccess,
  isRepeatedChallengeResponse,
  isRepeatedRevocation,
  isSameLiveChallenge,
  revocationProblem,
} from './peer-challenge.rules';

/** Step 4: the chair asks another board's chair to challenge; access starts with the request. */
export async function requestPeerChallenge(ctx: ReviewsContext, input: RequestPeerChallengeInput): Promise<PeerChallenge> {
  const question = requiredText('question', input.question);
  const { now } = ctx;
  const accessProblem = accessUntilProblem(input.accessUntil, now);
  if (accessProblem) throw badInput('accessUntil', accessProblem);
  const [challenger] = await lookupBoards(ctx.internal, [input.challengerBoardCode]);
  if (!challenger) throw badInput('challengerBoardCode', `No board with code "${input.challengerBoardCode}" exists.`);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'requestPeerChallenge');
    if (challenger.code === review.boardCode) {
      throw badInput('challengerBoardCode', "A peer challenge goes to another board's chair, not to the review's own board.");
    }
    const sent = await manager.find(PeerChallenge, { where: { reviewId: review.id, challengerBoardCode: challenger.code } });
    const repeated = sent.find((held) => isSameLiveChallenge(held, { challengerBoardCode: challenger.code, question, accessUntil: input.accessUntil }, now));
    if (repeated) return repeated; // a client's retry: the challenge already sent
    const challenge = manager.create(PeerChallenge, {
      id: randomUUID(),
      reviewId: review.id,
      boardCode: review.boardCode,
      challengerBoardCode: challenger.code,
      question,
      requestedAt: now,
      accessUntil: input.accessUntil,
      response: null,
      respondedAt: null,
      revokedAt: null,
    });
    await manager.insert(PeerChallenge, challenge);
    return challenge;
  });
}

/** The challenger chair answers while its access lasts. */
export function respondToPeerChallenge(ctx: Authenticated<ReviewsContext>, input: RespondToPeerChallengeInput): Promise<PeerChallenge> {
  const response = requiredText('response', input.response);
  return ctx.db.transaction(async (manager) => {
    const challenge = await findVisibleChallenge(manager, input.peerChallengeId, ctx.principal.board);
    if (challenge.challengerBoardCode !== ctx.principal.board) throw forbidden("Only the challenger board's chair answers a peer challenge.");
    if (isRepeatedChallengeResponse(challenge, response)) return challenge; // a client's retry of this very answer
    const { now } = ctx;
    if (!grantsAccess(challenge, now)) throw invalidStage('This peer challenge was revoked or has expired; it can no longer be answered.');
    if (challenge.respondedAt) throw invalidStage('This peer challenge has already been answered.');
    await manager.update(PeerChallenge, { id: challenge.id }, { response, respondedAt: now });
    return manager.findOneByOrFail(PeerChallenge, { id: challenge.id });
  });
}

/** The review's own chair ends the challenger's access at once; one already ended is INVALID_STAGE. */
export function revokePeerChallenge(ctx: Authenticated<ReviewsContext>, peerChallengeId: string): Promise<PeerChallenge> {
  return ctx.db.transaction(async (manager) => {
    const challenge = await findVisibleChallenge(manager, peerChallengeId, ctx.principal.board);
    if (challenge.boardCode !== ctx.principal.board) throw forbidden("Only the review's own chair revokes a peer challenge.");
    if (isRepeatedRevocation(challenge)) return challenge; // a client's retry: revoked already
    const { now } = ctx;
    const problem = revocationProblem(challenge, now);
    if (problem) throw invalidStage(problem);
    await manager.update(PeerChallenge, { id: challenge.id }, { revokedAt: now });
    return manager.findOneByOrFail(PeerChallenge, { id: challenge.id });
  });
}

/** A chair sees challenges sent by its board and received by it; a manager those sent. */
export async function listPeerChallenges(ctx: Authenticated<ReviewsContext>, filter: PeerChallengeFilter | null | undefined): Promise<PeerChallenge[]> {
  const p = ctx.principal;
  const board = p.board ?? '';
  const directions: PeerChallengeDirection[] = [];
  if (hasRole(p, 'BOARD_CHAIR', 'BOARD_MANAGER')) directions.push(PeerChallengeDirection.SENT);
  if (hasRole(p, 'BOARD_CHAIR')) directions.push(PeerChallengeDirection.RECEIVED);
  const wanted = filter?.direction ? directions.filter((d) => d === filter.direction) : directions;
  if (!wanted.length) return [];
  const clauses = wanted.map((d) => (d === PeerChallengeDirection.SENT ? 'pc.board_code = :board' : 'pc.challenger_board_code = :board'));
  const qb = ctx.db.manager.createQueryBuilder(PeerChallenge, 'pc').where(`(${clauses.join(' OR ')})`, { board });
  if (filter?.status) qb.andWhere(challengeStatusSql('pc', filter.status), { now: ctx.now });
  return qb.orderBy('pc.seq', 'DESC').getMany();
}

/** A challenge the caller's board sent or received; any other is NOT_FOUND. */
async function findVisibleChallenge(manager: EntityManager, id: string, board: string | undefined): Promise<PeerChallenge> {
  const challenge = await manager
    .createQueryBuilder(PeerChallenge, 'pc')
    .where('pc.id = :id AND (pc.board_code = :board OR pc.challenger_board_code = :board)', { id, board: board ?? '' })
    .getOne();
  if (!challenge) throw notFound('peer challenge', id);
  return challenge;
}
