export * from './periods';
export * from './suppression';
export * from './disclosed-table';
export * from './financial-year';
