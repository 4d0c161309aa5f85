export * from './route';
export * from './directory';
export * from './reviews';
export * from './grants-client';
