export * from './backoff';
export * from './error-message';
export * from './relay';
export { claimBatch, type ClaimOptions } from './claim';
export * from './panel-webhook';
export * from './delivery-state';
export * from './panel-relay';
export * from './delivery-routes';
export * from './repeat-summariser';
