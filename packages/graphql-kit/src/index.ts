import 'reflect-metadata';

export * from './context';
export * from './errors';
export * from './format-error';
export * from './internal-client';
export * from './pagination';
export * from './principal-check';
export * from './scalars';
export * from './schema';
export * from './server';
export * from './shield';
export * from './text';
export * from './contract-enums';
export * from './http-errors';
export * from './path-rules';
export * from './grants-client';
export * from './stat-types';
export * from './audit';
