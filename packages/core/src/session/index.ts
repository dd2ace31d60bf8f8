// The query session: prepare a query once, run it over event files (through `@eqlkit/core/io`) or in-memory events,
// cancellable, with progress, structured warnings and per-stage match counts.
export { prepareQuery, runChecks, schemaFromLayers, type RunCheckOptions, type Prepared, type PreparedQuery, type PrepareOptions } from './prepare.js';
export { runSession, type SessionOptions, type SessionRun } from './run.js';
export { stageCounts, type StageCount } from './stage-counts.js';
export { memorySource, type MemorySourceOptions } from './memory.js';
export type { SessionProgress, SessionSource, SessionWarning } from './types.js';
