import { accessUntilProblem, latestAccessUntil, revocationProblem } from '../peer-challenge.rules';

describe('accessUntilProblem', () => {
  const requestedAt = new Date('2026-11-30T12:00:00.000Z');

  it('accepts access up to 3 calendar months after the request, clamped to the month end', () => {
    expect(latestAccessUntil(requestedAt).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(accessUntilProblem(new Date('2027-02-28T12:00:00.000Z'), requestedAt)).toBeUndefined();
  });

  it('refuses access beyond 3 calendar months', () => {
    expect(accessUntilProblem(new Date('2027-02-28T12:00:00.001Z'), requestedAt)).toMatch(/at most 3 calendar months/);
    expect(accessUntilProblem(new Date('2099-01-01T00:00:00.000Z'), requestedAt)).toMatch(/at most 3 calendar months/);
  });

  it('refuses access that is not in the future', () => {
    expect(accessUntilProblem(requestedAt, requestedAt)).toMatch(/future/);
  });
});

describe('revocationProblem', () => {
  const now = new Date('2026-06-01T12:00:00.000Z');
  const live = { revokedAt: null, respondedAt: null, accessUntil: new Date('2026-06-02T00:00:00.000Z') };

  it('allows revoking a live challenge, answered or not', () => {
    expect(revocationProblem(live, now)).toBeUndefined();
    expect(revocationProblem({ ...live, respondedAt: new Date('2026-05-30T00:00:00.000Z') }, now)).toBeUndefined();
  });

  it('refuses one whose access has ended', () => {
    expect(revocationProblem({ ...live, accessUntil: now }, now)).toMatch(/already ended/);
  });

  it('refuses one already revoked', () => {
    expect(revocationProblem({ ...live, revokedAt: new Date('2026-05-31T00:00:00.000Z') }, now)).toMatch(/already revoked/);
  });
});
