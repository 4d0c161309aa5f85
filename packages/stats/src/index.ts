export * from './periods';
export * from './suppression';
