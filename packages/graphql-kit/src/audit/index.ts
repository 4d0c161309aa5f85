export * from './auditor';
export * from './audit-middleware';
export * from './audit-plugin';
export * from './target-ids';
export * from './audit-shipping';
export * from './record-board';
