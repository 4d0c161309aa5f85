import { SignJWT } from 'jose';
import { DEV_AUTH_SECRET, loadConfig } from '@scr/config';
import { createTokenVerifier, VERIFIED_TOKEN_TTL_MS } from '../verify';

/** A verified token's principal is reused for a while; these are the promises that reuse must keep. */
describe('a token verified before', () => {
  const secret = new TextEncoder().encode(DEV_AUTH_SECRET);
  const sign = (expiresAt: number, subject = 'manager') =>
    new SignJWT({ roles: ['BOARD_MANAGER'], board: 'LEEDS' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(secret);
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  afterEach(() => jest.useRealTimers());

  it('answers the same principal again, which nobody can change', async () => {
    const verify = createTokenVerifier(loadConfig({}));
    const token = await sign(nowSeconds() + 600);
    const first = await verify(token);
    const again = await verify(token);
    expect(again).toEqual({ subject: 'manager', roles: ['BOARD_MANAGER'], board: 'LEEDS', agency: undefined, reviewer: undefined });
    expect(again).toBe(first);
    expect(() => (again.roles as string[]).push('ADMIN')).toThrow(TypeError);
    expect(() => Object.assign(again, { board: 'WAKEFIELD' })).toThrow(TypeError);
  });

  it('is refused once it expires, however recently it was verified', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const verify = createTokenVerifier(loadConfig({}));
    const token = await sign(nowSeconds() + 5);
    await expect(verify(token)).resolves.toMatchObject({ subject: 'manager' });
    jest.setSystemTime(Date.now() + 6_000);
    await expect(verify(token)).rejects.toThrow(/invalid or expired/);
  });

  it('is checked afresh after a minute, so a withdrawn key stops admitting it', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const token = await sign(nowSeconds() + 3600);
    const verify = createTokenVerifier(loadConfig({}));
    const first = await verify(token);
    jest.setSystemTime(Date.now() + VERIFIED_TOKEN_TTL_MS + 1_000);
    const later = await verify(token);
    expect(later).toEqual(first);
    expect(later).not.toBe(first); // verified again, not reused
  });

  it('is never mistaken for another token', async () => {
    const verify = createTokenVerifier(loadConfig({}));
    const mine = await sign(nowSeconds() + 600, 'mine');
    await verify(mine);
    const forged = `${mine.slice(0, -4)}AAAA`;
    await expect(verify(forged)).rejects.toThrow(/invalid or expired/);
    await expect(verify(await sign(nowSeconds() + 600, 'theirs'))).resolves.toMatchObject({ subject: 'theirs' });
  });
});
