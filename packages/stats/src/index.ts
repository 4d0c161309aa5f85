export * from './periods';
export * from './suppression';
export * from './rounding';
export * from './disclosure';
export * from './disclosed-table';
export * from './window';
export * from './financial-year';
