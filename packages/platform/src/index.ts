export * from './platform';
export * from './compose';
export * from './subgraphs';
export * from './demo/seed';
export { parts } from './launcher/launch';
export { Child, type PartSpec } from './launcher/child';
