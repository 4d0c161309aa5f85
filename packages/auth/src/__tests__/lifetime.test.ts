import { SignJWT, type JWTPayload } from 'jose';
import { DEV_AUTH_SECRET, loadConfig } from '@scr/config';
import { checkTokenLifetime, MAX_TOKEN_LIFETIME_SECONDS } from '../lifetime';
import { signDevToken } from '../sign';
import { AuthenticationError, createTokenVerifier } from '../verify';

const NOW = 1_900_000_000;

describe('checkTokenLifetime', () => {
  it.each<[string, JWTPayload]>([
    ['an hour-long token', { iat: NOW, exp: NOW + 3600 }],
    ['exactly 24 hours', { iat: NOW, exp: NOW + MAX_TOKEN_LIFETIME_SECONDS }],
    ['issued 60 s ahead (clock skew)', { iat: NOW + 60, exp: NOW + 3600 }],
    ['no iat, expiring within a day', { exp: NOW + 3600 }],
  ])('accepts %s', (_what, payload) => {
    expect(() => checkTokenLifetime(payload, NOW)).not.toThrow();
  });

  it.each<[string, JWTPayload]>([
    ['no exp', { iat: NOW }],
    ['exp that is not a number', { iat: NOW, exp: '2099' as unknown as number }],
    ['24 hours and a second', { iat: NOW, exp: NOW + MAX_TOKEN_LIFETIME_SECONDS + 1 }],
    ['iat 61 s ahead', { iat: NOW + 61, exp: NOW + 3600 }],
    ['iat a year ahead', { iat: NOW + 365 * 86_400, exp: NOW + 365 * 86_400 + 3600 }],
    ['no iat and exp two days away', { exp: NOW + 2 * 86_400 }],
  ])('refuses %s', (_what, payload) => {
    expect(() => checkTokenLifetime(payload, NOW)).toThrow(AuthenticationError);
  });
});

describe('the verifier applies the lifetime rule', () => {
  const config = loadConfig({});
  const verify = createTokenVerifier(config);
  const secret = new TextEncoder().encode(DEV_AUTH_SECRET);
  const base = () => new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('admin');

  it('refuses a signed token without exp', async () => {
    await expect(verify(await base().setIssuedAt().sign(secret))).rejects.toThrow(/expiry/);
  });

  it('refuses a signed token living a week', async () => {
    await expect(verify(await base().setIssuedAt().setExpirationTime('7d').sign(secret))).rejects.toThrow(/24 hours/);
  });

  it('refuses a signed token issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(
      verify(
        await base()
          .setIssuedAt(now + 3600)
          .setExpirationTime(now + 7200)
          .sign(secret),
      ),
    ).rejects.toThrow(/future/);
  });

  it('signDevToken signs 24 h at most, and its tokens verify', async () => {
    await expect(verify(await signDevToken(config, { subject: 'a', roles: ['ADMIN'] }, '24h'))).resolves.toMatchObject({ subject: 'a' });
    await expect(signDevToken(config, { subject: 'a', roles: ['ADMIN'] }, '25h')).rejects.toThrow(/24 hours/);
  });
});
