export * from './platform';
export * from './compose';
export * from './subgraphs';
export * from './demo/seed';
export { parts } from './launcher/launch';
export { Child, type PartSpec } from './launcher/child';
export { PART_NODE_OPTIONS } from './launcher/node-options';
