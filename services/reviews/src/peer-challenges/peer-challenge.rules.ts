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

/** The status rule in SQL, for filters; `alias` is the peer_challenges alias, :now a parameter. */
export function challengeStatusSql(alias: string, status: PeerChallengeStatus): string {
  switch (status) {
    case PeerChallengeStatus.REVOKED:
      return `${alias}.revoked_at IS NOT NULL`;
    case PeerChallengeStatus.EXPIRED:
      return `${alias}.revoked_at IS NULL AND ${alias}.access_until <= :now`;
    case PeerChallengeStatus.RESPONDED:
      return `${alias}.revoked_at IS NULL AND ${alias}.access_until > :now AND ${alias}.responded_at IS NOT NULL`;
    default:
      return `${alias}.revoked_at IS NULL AND ${alias}.access_until > :now AND ${alias}.responded_at IS NULL`;
  }
}
