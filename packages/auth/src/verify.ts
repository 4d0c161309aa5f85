import { LRUCache } from 'lru-cache';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config } from '@scr/config';
import { ROLES, type Principal, type Role } from './principal';
import { AuthenticationError, IdentityProviderUnavailableError } from './errors';
import { checkTokenLifetime } from './lifetime';

export { AuthenticationError, IdentityProviderUnavailableError } from './errors';

export type TokenVerifier = (token: string) => Promise<Principal>;

/**
 * How long a verified token's principal is reused without checking its
 * signature again: a request through the gateway is verified by the gateway
 * and by every subgraph it calls, and one caller sends the same token many
 * times. A key withdrawn from the identity provider's set stops admitting its
 * tokens within this time; a token's own expiry is checked at every use.
 */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKENS_KEPT = 5_000;

/**
 * Builds the verifier every process uses. Production accepts only tokens
 * signed by the identity provider's JWKS with the configured issuer and
 * audience; elsewhere HS256 tokens signed with the dev secret are accepted.
 */
export function createTokenVerifier(config: Config): TokenVerifier {
  const { issuer, audience, jwksUrl, devSecret } = config.auth;
  const jwks: JWTVerifyGetKey | undefined = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : undefined;
  const secret = devSecret ? new TextEncoder().encode(devSecret) : undefined;
  const verifyAfresh = async (token: string): Promise<VerifiedToken> => {
    let payload: JWTPayload;
    try {
      if (config.production || (jwks && !secret)) {
        if (!jwks) throw new AuthenticationError('no JWKS configured');
        ({ payload } = await jwtVerify(token, jwks, { issuer, audience }));
      } else {
        ({ payload } = await jwtVerify(token, secret!, { issuer, audience, algorithms: ['HS256'] }));
      }
    } catch (error) {
      const unavailable = keySetUnavailable(error);
      if (unavailable) throw new IdentityProviderUnavailableError(unavailable);
      throw new AuthenticationError('The bearer token is invalid or expired: sign in again.');
    }
    checkTokenLifetime(payload);
    // checkTokenLifetime made sure exp is a number.
    const reuseUntilMs = Math.min((payload.exp as number) * 1000, Date.now() + VERIFIED_TOKEN_TTL_MS);
    return { principal: frozen(principalFromClaims(payload)), reuseUntilMs };
  };
  // Only tokens that verified are kept, so a refused token is checked (and refused) afresh every time.
  // Times on the same clock as the token's exp (Date.now); the cache only bounds how many are kept.
  const verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS_KEPT });
  return async (token: string) => {
    const known = verified.get(token);
    if (known && Date.now() < known.reuseUntilMs) return known.principal;
    const fresh = await verifyAfresh(token);
    verified.set(token, fresh);
    return fresh.principal;
  };
}

interface VerifiedToken {
  principal: Principal;
  /** The token's expiry, or a minute after it was verified if sooner. */
  reuseUntilMs: number;
}

/** One principal serves every request that sends its token: nobody may change it. */
function frozen(principal: Principal): Principal {
  Object.freeze(principal.roles);
  return Object.freeze(principal);
}

/**
 * Why the JWKS could not be fetched, or undefined when the failure is the
 * token's own. jose throws JWKSTimeout for a slow provider, a JOSEError
 * "Expected 200 OK" for an error status, and (on Node, where it fetches
 * with http.get) the socket's own error (ECONNREFUSED, ENOTFOUND...) when
 * nothing answers.
 */
function keySetUnavailable(error: unknown): string | undefined {
  if (error instanceof joseErrors.JWKSTimeout) return 'timed out';
  if (error instanceof joseErrors.JOSEError) return /Expected 200 OK from the JSON Web Key Set/.test(error.message) ? 'error status' : undefined;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  return undefined;
}

/** Longer claims than these name nothing that exists; refusing them keeps them out of logs and columns. */
const MAX_SUBJECT = 200;
const MAX_CLAIM = 64;

export function principalFromClaims(payload: JWTPayload): Principal {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') throw new AuthenticationError('The token has no subject (sub).');
  const rawRoles = payload.roles;
  if (!Array.isArray(rawRoles) || rawRoles.length === 0) throw new AuthenticationError('The token names no roles.');
  const roles = rawRoles.filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
  if (roles.length !== rawRoles.length) throw new AuthenticationError('The token names a role that does not exist.');
  if (subject.length > MAX_SUBJECT) throw new AuthenticationError(`The token's subject is longer than ${MAX_SUBJECT} characters.`);
  const text = (v: unknown, name: string) => {
    if (typeof v !== 'string' || v === '') return undefined;
    if (v.length > MAX_CLAIM) throw new AuthenticationError(`The token's ${name} claim is longer than ${MAX_CLAIM} characters.`);
    return v;
  };
  const principal: Principal = {
    subject,
    roles: [...new Set(roles)],
    board: text(payload.board, 'board'),
    agency: text(payload.agency, 'agency'),
    reviewer: text(payload.reviewer, 'reviewer'),
  };
  if (roles.some((r) => r === 'BOARD_MANAGER' || r === 'BOARD_CHAIR') && !principal.board) {
    throw new AuthenticationError('A board manager or chair token must name its board.');
  }
  if (roles.includes('AGENCY_CONTRIBUTOR') && !principal.agency) {
    throw new AuthenticationError('An agency contributor token must name its agency.');
  }
  if (roles.includes('REVIEWER') && !principal.reviewer) {
    throw new AuthenticationError('A reviewer token must name its reviewer.');
  }
  return principal;
}
