export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/**
 * The identity provider's key set could not be fetched (unreachable, timed
 * out, an error status): this says nothing about the token, so the caller is
 * told to retry, never to sign in again.
 */
export class IdentityProviderUnavailableError extends Error {
  constructor(detail: string) {
    super(`The identity provider's signing keys could not be fetched (${detail}).`);
    this.name = 'IdentityProviderUnavailableError';
  }
}
