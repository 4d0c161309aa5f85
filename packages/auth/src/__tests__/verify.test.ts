import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { DEV_AUTH_SECRET, loadConfig, type Config } from '@scr/config';
import type { Principal } from '../principal';
import { signDevToken } from '../sign';
import { AuthenticationError, createTokenVerifier, IdentityProviderUnavailableError } from '../verify';

const devSecretKey = (secret = DEV_AUTH_SECRET) => new TextEncoder().encode(secret);

/** Signs arbitrary claims with HS256, for tokens signDevToken would never produce. */
async function signRaw(
  claims: JWTPayload,
  {
    secret = DEV_AUTH_SECRET,
    subject,
    expiresIn = '1h',
    issuer,
    audience,
  }: {
    secret?: string;
    subject?: string;
    expiresIn?: string;
    issuer?: string;
    audience?: string;
  } = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiresIn);
  if (subject !== undefined) jwt.setSubject(subject);
  if (issuer) jwt.setIssuer(issuer);
  if (audience) jwt.setAudience(audience);
  return jwt.sign(devSecretKey(secret));
}

async function expectRefused(verify: (token: string) => Promise<Principal>, token: string): Promise<void> {
  await expect(verify(token)).rejects.toBeInstanceOf(AuthenticationError);
}

describe('createTokenVerifier with the development secret', () => {
  const config = loadConfig({});
  const verify = createTokenVerifier(config);

  it.each<Omit<Principal, 'service'>>([
    { subject: 'bm-leeds', roles: ['BOARD_MANAGER'], board: 'LEEDS' },
    { subject: 'chair-kirklees', roles: ['BOARD_CHAIR'], board: 'KIRKLEES' },
    { subject: 'police-1', roles: ['AGENCY_CONTRIBUTOR'], agency: 'WY-POLICE' },
    { subject: 'rv-7', roles: ['REVIEWER'], reviewer: 'rv-7' },
    { subject: 'analyst', roles: ['ANALYST', 'PANEL'] },
  ])('verifies a dev token back to the same principal ($subject)', async (principal) => {
    const token = await signDevToken(config, principal);
    const verified = await verify(token);
    expect(verified.subject).toBe(principal.subject);
    expect(verified.roles).toEqual(principal.roles);
    expect(verified.board).toBe(principal.board);
    expect(verified.agency).toBe(principal.agency);
    expect(verified.reviewer).toBe(principal.reviewer);
    expect(verified.service).toBeFalsy();
  });

  it('refuses a token signed with another secret', async () => {
    const other = await signDevToken(loadConfig({ AUTH_DEV_SECRET: 'someone-elses-secret' }), {
      subject: 'admin',
      roles: ['ADMIN'],
    });
    await expectRefused(verify, other);
  });

  it('refuses an expired token', async () => {
    await expectRefused(verify, await signDevToken(config, { subject: 'admin', roles: ['ADMIN'] }, '-10s'));
  });

  it('refuses a token that is not a JWT at all', async () => {
    await expectRefused(verify, 'not-a-token');
  });

  it('refuses an unsigned (alg none) token', async () => {
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'none' })}.${b64({ sub: 'admin', roles: ['ADMIN'], exp: 4102444800 })}.`;
    await expectRefused(verify, unsigned);
  });

  it('refuses a token naming a role that does not exist', async () => {
    await expectRefused(verify, await signRaw({ roles: ['ADMIN', 'SUPERUSER'] }, { subject: 'x' }));
  });

  it('refuses a token with no roles', async () => {
    await expectRefused(verify, await signRaw({ roles: [] }, { subject: 'x' }));
    await expectRefused(verify, await signRaw({}, { subject: 'x' }));
  });

  it('refuses a board manager or chair token without a board', async () => {
    await expectRefused(verify, await signDevToken(config, { subject: 'bm', roles: ['BOARD_MANAGER'] }));
    await expectRefused(verify, await signDevToken(config, { subject: 'bc', roles: ['BOARD_CHAIR'] }));
    await expectRefused(verify, await signRaw({ roles: ['BOARD_MANAGER'], board: '' }, { subject: 'bm' }));
  });

  it('refuses an agency contributor token without an agency', async () => {
    await expectRefused(verify, await signDevToken(config, { subject: 'ac', roles: ['AGENCY_CONTRIBUTOR'] }));
  });

  it('refuses a reviewer token without a reviewer', async () => {
    await expectRefused(verify, await signDevToken(config, { subject: 'rv', roles: ['REVIEWER'] }));
  });

  it('refuses a token without a subject', async () => {
    await expectRefused(verify, await signRaw({ roles: ['ADMIN'] }));
    await expectRefused(verify, await signRaw({ roles: ['ADMIN'] }, { subject: '' }));
  });
});

describe('createTokenVerifier with issuer and audience set', () => {
  const config = loadConfig({ AUTH_ISSUER: 'https://idp.test/', AUTH_AUDIENCE: 'scr-api' });
  const verify = createTokenVerifier(config);

  it('accepts a token with the configured issuer and audience', async () => {
    const token = await signDevToken(config, { subject: 'admin', roles: ['ADMIN'] });
    await expect(verify(token)).resolves.toMatchObject({ subject: 'admin', roles: ['ADMIN'] });
  });

  it('refuses a token from another issuer', async () => {
    const token = await signRaw({ roles: ['ADMIN'] }, { subject: 'admin', issuer: 'https://evil.test/', audience: 'scr-api' });
    await expectRefused(verify, token);
  });

  it('refuses a token for another audience or with none', async () => {
    await expectRefused(verify, await signRaw({ roles: ['ADMIN'] }, { subject: 'admin', issuer: 'https://idp.test/', audience: 'other-api' }));
    await expectRefused(verify, await signRaw({ roles: ['ADMIN'] }, { subject: 'admin', issuer: 'https://idp.test/' }));
  });
});

describe('createTokenVerifier when the identity provider is away', () => {
  it('says the keys could not be fetched (retry), not that the token is bad', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      AUTH_ISSUER: 'https://idp.test/',
      AUTH_AUDIENCE: 'scr-api',
      GATEWAY_SECRET: 'x'.repeat(40),
      SEED_DEMO: '0',
    });
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setSubject('a')
      .setIssuer('https://idp.test/')
      .setAudience('scr-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const failure = await createTokenVerifier(config)(token).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IdentityProviderUnavailableError);
    expect(failure).not.toBeInstanceOf(AuthenticationError);
  });
});

describe('createTokenVerifier in production (JWKS)', () => {
  const ISSUER = 'https://idp.example.org/';
  const AUDIENCE = 'scr-api';
  const KID = 'test-key-1';
  let server: http.Server;
  let privateKey: KeyLike;
  let config: Config;
  let verify: (token: string) => Promise<Principal>;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      GATEWAY_SECRET: 'x'.repeat(40),
      SEED_DEMO: '0',
    });
    verify = createTokenVerifier(config);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const signRs256 = (claims: JWTPayload, { issuer = ISSUER, audience = AUDIENCE } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject('bm-leeds')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('has no dev secret to fall back on', () => {
    expect(config.production).toBe(true);
    expect(config.auth.devSecret).toBeUndefined();
  });

  it('verifies a token signed by the identity provider', async () => {
    const token = await signRs256({ roles: ['BOARD_MANAGER'], board: 'LEEDS' });
    await expect(verify(token)).resolves.toMatchObject({
      subject: 'bm-leeds',
      roles: ['BOARD_MANAGER'],
      board: 'LEEDS',
    });
  });

  it('refuses an HS256 token signed with the dev secret, even with the right issuer and audience', async () => {
    const devConfig = loadConfig({ AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
    const devToken = await signDevToken(devConfig, { subject: 'admin', roles: ['ADMIN'] });
    await expectRefused(verify, devToken);
  });

  it('ignores a dev secret that reaches a production config by hand: only the JWKS is trusted', async () => {
    const leaky: Config = { ...config, auth: { ...config.auth, devSecret: DEV_AUTH_SECRET } };
    const devToken = await signRaw({ roles: ['ADMIN'] }, { subject: 'admin', issuer: ISSUER, audience: AUDIENCE });
    await expectRefused(createTokenVerifier(leaky), devToken);
  });

  it('refuses everything when a production config has no JWKS', async () => {
    const noJwks: Config = { ...config, auth: { ...config.auth, jwksUrl: undefined } };
    await expectRefused(createTokenVerifier(noJwks), await signRs256({ roles: ['ADMIN'] }));
  });

  it('refuses a correctly signed token from another issuer or for another audience', async () => {
    await expectRefused(verify, await signRs256({ roles: ['ADMIN'] }, { issuer: 'https://evil.test/' }));
    await expectRefused(verify, await signRs256({ roles: ['ADMIN'] }, { audience: 'other-api' }));
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('RS256');
    const token = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject('admin')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    await expectRefused(verify, token);
  });

  it('still applies the role rules to provider tokens', async () => {
    await expectRefused(verify, await signRs256({ roles: ['BOARD_MANAGER'] }));
  });
});
