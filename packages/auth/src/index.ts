export * from './principal';
export * from './verify';
export * from './sign';
export * from './lifetime';
