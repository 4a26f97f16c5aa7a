export * from './age-band';
export * from './origin-region';
export * from './metrics-query';
export * from './evaluation-person.sql';
export * from './evaluation-metrics.sql';
export * from './evaluation-metrics.types';
export * from './evaluation-metrics.service';
export * from './evaluation-record.service';
