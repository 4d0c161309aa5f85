import { isRepeatedChallengeResponse, isRepeatedRevocation } from '../peer-challenge.rules';

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
