import { logger } from '@scr/observability';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { AuthenticationError, IdentityProviderUnavailableError, type Principal, type TokenVerifier } from '@scr/auth';
import { RETRY_AFTER_SECONDS } from '@scr/graphql-kit/edge';

export interface GatewayContext {
  authorization?: string;
  principal?: Principal;
}

const verified = new WeakMap<Request, Promise<GatewayContext>>();

/**
 * The gateway verifies a presented token before planning anything; a request
 * without one goes on, since public fields need none and subgraphs refuse
 * the rest. The result is kept for the request, so the rate limiter (which
 * counts per principal) and the GraphQL context verify the token once.
 */
export function gatewayContext(req: Request, verify: TokenVerifier): Promise<GatewayContext> {
  let context = verified.get(req);
  if (!context) {
    context = authenticate(req, verify);
    verified.set(req, context);
  }
  return context;
}

async function authenticate(req: Request, verify: TokenVerifier): Promise<GatewayContext> {
  const authorization = req.header('authorization');
  if (!authorization) return {};
  const match = /^Bearer\s+(.+)$/i.exec(authorization);
  try {
    if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <token>".');
    return { authorization, principal: await verify(match[1]!) };
  } catch (error) {
    // Keys that could not be fetched say nothing about the token: "retry", never "sign in again".
    if (error instanceof IdentityProviderUnavailableError) {
      logger.error({ part: 'gateway' }, error.message);
      throw new GraphQLError('Your token could not be checked just now: the identity provider did not answer. Try again in a minute.', {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
      });
    }
    throw new GraphQLError(error instanceof AuthenticationError ? error.message : 'The bearer token could not be checked.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}
