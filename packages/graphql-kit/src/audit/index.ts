export * from './auditor';
export * from './audit-middleware';
export * from './audit-plugin';
export * from './target-ids';
export * from './record-board';
