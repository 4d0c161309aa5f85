import { isRepeatedChallengeResponse, isRepeatedRevocation, isSameLiveChallenge } from '../peer-challenge.rules';

describe('isRepeatedChallengeResponse', () => {
  const at = new Date('2026-04-01T10:00:00Z');
  it('is a retry when the challenge holds this very response', () => {
    expect(isRepeatedChallengeResponse({ respondedAt: at, response: 'Challenge answered.' }, 'Challenge answered.')).toBe(true);
  });
  it('is not a retry with another response or on an unanswered challenge', () => {
    expect(isRepeatedChallengeResponse({ respondedAt: at, response: 'Challenge answered.' }, 'Other.')).toBe(false);
    expect(isRepeatedChallengeResponse({ respondedAt: null, response: null }, 'Challenge answered.')).toBe(false);
  });
});

describe('isRepeatedRevocation', () => {
  it('is a retry only on a revoked challenge', () => {
    expect(isRepeatedRevocation({ revokedAt: new Date('2026-04-01T10:00:00Z') })).toBe(true);
    expect(isRepeatedRevocation({ revokedAt: null })).toBe(false);
  });
});

describe('isSameLiveChallenge', () => {
  const now = new Date('2026-04-01T10:00:00Z');
  const accessUntil = new Date('2026-04-08T10:00:00Z');
  const held = { challengerBoardCode: 'BRADFORD', question: 'Scope?', accessUntil, revokedAt: null, respondedAt: null };
  const wanted = { challengerBoardCode: 'BRADFORD', question: 'Scope?', accessUntil: new Date(accessUntil.getTime()) };
  it('is the same challenge to the same board, question and access while it lasts', () => {
    expect(isSameLiveChallenge(held, wanted, now)).toBe(true);
  });
  it('is another challenge when anything differs, or the held one was revoked or has expired', () => {
    expect(isSameLiveChallenge(held, { ...wanted, question: 'Other?' }, now)).toBe(false);
    expect(isSameLiveChallenge(held, { ...wanted, challengerBoardCode: 'KIRKLEES' }, now)).toBe(false);
    expect(isSameLiveChallenge(held, { ...wanted, accessUntil: new Date('2026-04-09T10:00:00Z') }, now)).toBe(false);
    expect(isSameLiveChallenge({ ...held, revokedAt: now }, wanted, now)).toBe(false);
    expect(isSameLiveChallenge(held, wanted, new Date('2026-04-09T10:00:00Z'))).toBe(false);
  });
});
