import { GraphQLError } from 'graphql';

/** The error codes DOMAIN.md allows in `extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'NOT_NOTIFIABLE'
  | 'INVALID_STAGE'
  | 'CONFLICT'
  | 'NOT_INDEPENDENT'
  | 'PUBLICATION_CHECKS_INCOMPLETE'
  | 'EMBARGOED'
  | 'PERSONAL_DATA_IN_PUBLICATION'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Sign in: this needs a valid bearer token.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role does not allow this.') => new AppError('FORBIDDEN', message);
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `No ${what} with id "${id}" exists that you can see.`);
export const badInput = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field });
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalidStage = (message: string) => new AppError('INVALID_STAGE', message);
