export * from './backoff';
export * from './error-message';
export * from './relay';
export { claimBatch, type ClaimOptions } from './claim';
