export * from './logger';
export * from './request-context';
export * from './labels';
export * from './metrics';
export * from './metrics-route';
export * from './http';
export * from './graphql-plugin';
export { stopTracing, tracingWanted } from './tracing';
export * from './repeat-summariser';
