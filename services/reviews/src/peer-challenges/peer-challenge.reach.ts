import { hasRole, type Principal } from '@scr/auth';
import { boardReach, type Reach, type Reaches } from '@scr/graphql-kit';
import type { PeerChallenge } from './peer-challenge.entity';

/**
 * Who reaches a challenge: the challenged review's own board (it sent it) and
 * the challenger board's chair (it received it), whether or not its access
 * to the case is still live.
 */
export function peerChallengeReach(challenge: Pick<PeerChallenge, 'boardCode' | 'challengerBoardCode'>, principal: Principal | undefined): Reaches {
  const reach: Reach[] = boardReach(principal, challenge.boardCode);
  if (hasRole(principal, 'BOARD_CHAIR') && principal?.board === challenge.challengerBoardCode) reach.push('PC');
  return new Set(reach);
}
