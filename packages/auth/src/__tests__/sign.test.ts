import { decodeJwt, decodeProtectedHeader } from 'jose';
import { loadConfig } from '@scr/config';
import { signDevToken } from '../sign';

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example.org/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example.org/',
  AUTH_AUDIENCE: 'scr-api',
  GATEWAY_SECRET: 'x'.repeat(40),
  SEED_DEMO: '0',
};

describe('signDevToken', () => {
  it('signs an HS256 token carrying the principal and an expiry', async () => {
    const token = await signDevToken(loadConfig({}), {
      subject: 'bm-leeds',
      roles: ['BOARD_MANAGER'],
      board: 'LEEDS',
    });
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'bm-leeds', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
    expect(claims).not.toHaveProperty('agency');
    expect(claims).not.toHaveProperty('reviewer');
    // 8 hours by default
    expect(claims.exp! - claims.iat!).toBe(8 * 60 * 60);
  });

  it('sets issuer and audience when the config has them', async () => {
    const config = loadConfig({ AUTH_ISSUER: 'https://idp.test/', AUTH_AUDIENCE: 'scr-api' });
    const claims = decodeJwt(await signDevToken(config, { subject: 'analyst', roles: ['ANALYST'] }));
    expect(claims.iss).toBe('https://idp.test/');
    expect(claims.aud).toBe('scr-api');
  });

  it('refuses to sign in production', async () => {
    const config = loadConfig(PRODUCTION_ENV);
    await expect(signDevToken(config, { subject: 'admin', roles: ['ADMIN'] })).rejects.toThrow(/production/);
  });
});
