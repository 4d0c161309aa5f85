import { API_ERROR_CODES, type ApiErrorCode } from '@scr/client';

type DomainErrorCode = Exclude<ApiErrorCode, 'INTERNAL_SERVER_ERROR'>;

/**
 * DOMAIN.md's error codes: nothing else may reach a caller in
 * `extensions.code`. The typed client's list (one definition) without the
 * gateway's INTERNAL_SERVER_ERROR, which no test of bad input may ever see.
 */
export const DOMAIN_ERROR_CODES: readonly DomainErrorCode[] = API_ERROR_CODES.filter((code): code is DomainErrorCode => code !== 'INTERNAL_SERVER_ERROR');
