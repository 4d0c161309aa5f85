import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Principal } from '@scr/auth';

const ISSUER = 'https://idp.bench.invalid/';
const AUDIENCE = 'scr-bench';

export interface BenchIdentityProvider {
  /** The environment a production platform needs to verify this provider's tokens. */
  env: { AUTH_JWKS_URL: string; AUTH_ISSUER: string; AUTH_AUDIENCE: string };
  sign(principal: Omit<Principal, 'service'>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The identity provider a deployed platform trusts, in miniature: an ES256
 * key pair, its JWKS served on loopback, tokens signed with it. With it the
 * bench runs the parts with NODE_ENV=production, as deployed (no development
 * secret, graphql-js without its development checks), not as a newcomer's
 * `pnpm start`.
 */
export async function startBenchIdentityProvider(): Promise<BenchIdentityProvider> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = 'bench';
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
    sign: (principal) =>
      new SignJWT({
        roles: principal.roles,
        ...(principal.board ? { board: principal.board } : {}),
        ...(principal.agency ? { agency: principal.agency } : {}),
        ...(principal.reviewer ? { reviewer: principal.reviewer } : {}),
      })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject(principal.subject)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('4h')
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
