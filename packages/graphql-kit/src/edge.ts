/**
 * The parts of graphql-kit the gateway uses: HTTP lifecycle, deadlines,
 * error answers, the internal client and the audit's reading of an
 * operation's ids. None of them builds a schema or opens a database, so the
 * gateway loads neither type-graphql nor TypeORM (about 30 MB of code it
 * would never run; `test/e2e/gateway-footprint.test.ts`).
 */
export { argumentIds } from './audit/target-ids';
export { dropAbandonedRequests } from './abandoned-request';
export { formatError } from './format-error';
export { httpErrors } from './http-errors';
export { GATEWAY_SECRET_HEADER, InternalClient } from './internal-client';
export { closeServer, keepConnectionsAlive, Lifecycle, runProcess } from './lifecycle';
export { requestDeadline, RETRY_AFTER_SECONDS } from './request-deadline';
