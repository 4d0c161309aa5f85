import { peerChallengeReach } from '../peer-challenge.reach';

const challenge = { boardCode: 'LEEDS', challengerBoardCode: 'BRADFORD' };

describe('peerChallengeReach', () => {
  it('reaches the sending board staff and the receiving board chair', () => {
    expect([...peerChallengeReach(challenge, { subject: 'm', roles: ['BOARD_MANAGER'], board: 'LEEDS' })]).toEqual(['BM']);
    expect([...peerChallengeReach(challenge, { subject: 'c', roles: ['BOARD_CHAIR'], board: 'BRADFORD' })]).toEqual(['PC']);
  });

  it("does not reach the receiving board's manager, even with other roles", () => {
    expect(peerChallengeReach(challenge, { subject: 'x', roles: ['BOARD_MANAGER', 'REVIEWER'], board: 'BRADFORD', reviewer: 'r' }).size).toBe(0);
    expect(peerChallengeReach(challenge, undefined).size).toBe(0);
  });
});
