import type { JWTPayload } from 'jose';
import { AuthenticationError } from './errors';

/** The longest a token may live (`exp - iat`): a stolen token is worth a day at most. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
/** Clock skew allowed between the identity provider and this platform. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/**
 * DOMAIN.md's token lifetime: `exp` required, at most 24 hours after `iat`,
 * and `iat` not in the future (beyond the clock skew). A token without `iat`
 * is judged from now: it may not expire more than 24 hours from now.
 * The signature library already refuses an `exp` in the past.
 */
export function checkTokenLifetime(payload: JWTPayload, nowSeconds = Math.floor(Date.now() / 1000)): void {
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new AuthenticationError('The token has no expiry (exp): sign in again.');
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) throw new AuthenticationError("The token's issue time (iat) is not a number.");
  if (iat !== undefined && iat > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
    throw new AuthenticationError('The token is issued in the future (iat): check the clock of whoever issued it.');
  }
  const issued = iat ?? nowSeconds;
  if (exp - issued > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new AuthenticationError('The token lives longer than 24 hours (exp - iat): ask for a shorter-lived token.');
  }
}
