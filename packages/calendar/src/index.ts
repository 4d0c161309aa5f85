export * from './iso-date';
export * from './months';
export * from './bank-holidays';
export * from './working-days';
export * from './today';
export * from './deadline';
export * from './london-day';
