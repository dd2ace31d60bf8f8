// Value semantics for the evaluator: field access, timestamps, versions, IPs, ordering.
export * from './field-access.js';
export * from './timestamps.js';
export * from './version.js';
export * from './ip.js';
export * from './compare.js';
export type { Zone } from './time-zones.js';
