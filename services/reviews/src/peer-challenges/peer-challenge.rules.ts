import { addLondonCalendarMonths } from '@scr/calendar';
import { PeerChallengeStatus } from './peer-challenge.entity';

interface ChallengeFacts {
  revokedAt: Date | null;
  respondedAt: Date | null;
  accessUntil: Date;
}

/** Revoked wins, then expiry, then a response; otherwise the challenge is active. */
export function peerChallengeStatus(c: ChallengeFacts, now: Date): PeerChallengeStatus {
  if (c.revokedAt) return PeerChallengeStatus.REVOKED;
  if (now.getTime() >= c.accessUntil.getTime()) return PeerChallengeStatus.EXPIRED;
  if (c.respondedAt) return PeerChallengeStatus.RESPONDED;
  return PeerChallengeStatus.ACTIVE;
}

/** The challenger's access: from the request, while not revoked and before accessUntil, whatever the status. */
export function grantsAccess(c: ChallengeFacts, now: Date): boolean {
  return !c.revokedAt && now.getTime() < c.accessUntil.getTime();
}

export const MAX_ACCESS_MONTHS = 3;

/** The latest accessUntil a request made at `requestedAt` may give: 3 calendar months on, by London's calendar. */
export function latestAccessUntil(requestedAt: Date): Date {
  return addLondonCalendarMonths(requestedAt, MAX_ACCESS_MONTHS);
}

/** Why a challenge cannot be asked with this accessUntil, or undefined (DOMAIN.md step 4). */
export function accessUntilProblem(accessUntil: Date, requestedAt: Date): string | undefined {
  if (accessUntil.getTime() <= requestedAt.getTime()) return 'accessUntil must be in the future.';
  const latest = latestAccessUntil(requestedAt);
  if (accessUntil.getTime() > latest.getTime()) {
    return `A peer challenge grants access for at most ${MAX_ACCESS_MONTHS} calendar months: accessUntil can be ${latest.toISOString()} at the latest.`;
  }
  return undefined;
}

/** Why a challenge cannot be revoked, or undefined: only while its access lasts, so an ended one keeps its status. */
export function revocationProblem(c: ChallengeFacts, now: Date): string | undefined {
  if (c.revokedAt) return 'This peer challenge was already revoked.';
  if (!grantsAccess(c, now)) return `This peer challenge's access already ended at ${c.accessUntil.toISOString()}; there is nothing to revoke.`;
  return undefined;
}

/**
 * grantsAccess in SQL, the one definition every scope, grant and filter uses:
 * `alias` is the peer_challenges alias, `now` the name of the time parameter.
 * `__integration__/peer-challenge-sql.test.ts` checks both agree on each engine.
 */
export function grantsAccessSql(alias: string, now: string): string {
  return `(${alias}.revoked_at IS NULL AND ${alias}.access_until > :${now})`;
}

/** peerChallengeStatus in SQL, for filters; `alias` is the peer_challenges alias, `now` the name of the time parameter. */
export function challengeStatusSql(alias: string, status: PeerChallengeStatus, now = 'now'): string {
  switch (status) {
    case PeerChallengeStatus.REVOKED:
      return `${alias}.revoked_at IS NOT NULL`;
    case PeerChallengeStatus.EXPIRED:
      return `(${alias}.revoked_at IS NULL AND ${alias}.access_until <= :${now})`;
    case PeerChallengeStatus.RESPONDED:
      return `(${grantsAccessSql(alias, now)} AND ${alias}.responded_at IS NOT NULL)`;
    default:
      return `(${grantsAccessSql(alias, now)} AND ${alias}.responded_at IS NULL)`;
  }
}

/** Whether respondToPeerChallenge is a client's retry: the challenge holds this very response. */
export function isRepeatedChallengeResponse(c: { respondedAt: Date | null; response: string | null }, response: string): boolean {
  return c.respondedAt !== null && c.response === response;
}

/** Whether revokePeerChallenge is a client's retry: the challenge is revoked already (revoking takes no other input). */
export function isRepeatedRevocation(c: { revokedAt: Date | null }): boolean {
  return c.revokedAt !== null;
}

/**
 * Whether requestPeerChallenge is a client's retry: the review already has a
 * challenge to this board with this question and access, still granting
 * access. That challenge is the answer.
 */
export function isSameLiveChallenge(
  held: ChallengeFacts & { challengerBoardCode: string; question: string },
  wanted: { challengerBoardCode: string; question: string; accessUntil: Date },
  now: Date,
): boolean {
  return (
    grantsAccess(held, now) &&
    held.challengerBoardCode === wanted.challengerBoardCode &&
    held.question === wanted.question &&
    held.accessUntil.getTime() === wanted.accessUntil.getTime()
  );
}
