export * from './platform';
export * from './compose';
export * from './subgraphs';
export * from './demo/seed';
