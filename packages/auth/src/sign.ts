import { SignJWT } from 'jose';
import type { Config } from '@scr/config';
import type { Principal } from './principal';

/** Signs a development token (HS256, dev secret). Refused in production. */
export async function signDevToken(
  config: Config,
  principal: Omit<Principal, 'service'>,
  expiresIn = '8h',
): Promise<string> {
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
  return jwt.sign(new TextEncoder().encode(config.auth.devSecret));
}
