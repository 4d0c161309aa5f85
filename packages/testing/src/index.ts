export * from './free-port';
export * from './test-platform';
export * from './fixtures';
export * from './reviews-fixtures';
export * from './webhook-receiver';
export * from './domain-codes';
export * from './processes';
export * from './at';
