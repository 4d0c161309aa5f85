/**
 * The parts of graphql-kit the gateway uses: HTTP lifecycle, deadlines,
 * error answers, the internal client and the audit's reading of an
 * operation's ids. None of them builds a schema or opens a database, so the
 * gateway loads neither type-graphql nor TypeORM, code it would never run
 * (18 MB of its resident memory idle, BENCHMARKS.md session 11;
 * `test/e2e/gateway-footprint.test.ts`).
 */
export { argumentIds } from './audit/target-ids';
export { dropAbandonedRequests } from './abandoned-request';
export { formatError } from './format-error';
export { httpErrors } from './http-errors';
export { GATEWAY_SECRET_HEADER, InternalClient } from './internal-client';
export { closeServer, keepConnectionsAlive, Lifecycle, runProcess } from './lifecycle';
export { requestDeadline, RETRY_AFTER_SECONDS } from './request-deadline';
