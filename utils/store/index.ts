// The store: domain operations over the extension's IndexedDB. Import from here.

export * from './db';
export * from './schema';
export * from '../domain/records';
export * from './people';
export * from './meetings';
export * from './seen-occurrences';
export * from './upcoming-occurrences';
export * from './panel';
export * from './action-items';
export * from './talking-points';
export * from './projects';
export * from './overrides';
export * from './overview';
export * from '../domain/cadence';
export * from './wellbeing-signals';
export * from './search';
export * from './backup';
export * from './person-history-markdown';
export * from './backup-validation';
export * from './standing-topics';
export * from './feedback-log';
export * from '../domain/standing-topics';
export * from '../domain/week-ahead';
