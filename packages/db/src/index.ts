export * from './database';
export * from './errors';
export * from './query-counter';
export * from './sql-values';
export * from './outbox.entity';
export * from './audit-event.entity';
export * from './long-text';
export * from './statement-timeout';
