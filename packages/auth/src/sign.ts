import { decodeJwt, SignJWT } from 'jose';
import type { Config } from '@scr/config';
import { MAX_TOKEN_LIFETIME_SECONDS } from './lifetime';
import type { Principal } from './principal';

/** Signs a development token (HS256, dev secret), living at most 24 hours as verification requires. Refused in production. */
export async function signDevToken(config: Config, principal: Omit<Principal, 'service'>, expiresIn = '8h'): Promise<string> {
  if (config.production || !config.auth.devSecret) throw new Error('Development tokens cannot be signed in production.');
  const jwt = new SignJWT({
    roles: principal.roles,
    ...(principal.board ? { board: principal.board } : {}),
    ...(principal.agency ? { agency: principal.agency } : {}),
    ...(principal.reviewer ? { reviewer: principal.reviewer } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.subject)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (config.auth.issuer) jwt.setIssuer(config.auth.issuer);
  if (config.auth.audience) jwt.setAudience(config.auth.audience);
  const token = await jwt.sign(new TextEncoder().encode(config.auth.devSecret));
  const { exp = 0, iat = 0 } = decodeJwt(token);
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new Error(`A token may live at most 24 hours; "${expiresIn}" is longer.`);
  return token;
}
