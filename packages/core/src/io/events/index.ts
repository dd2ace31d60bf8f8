// Streaming event readers: NDJSON, JSON arrays, gzip, globs and stdin, as raw batches or parsed events.
export { openEventSource, readEvents, type EventSource } from './event-source.js';
export { formatInputError } from './types.js';
export type { EventRecord, EventSourceOptions, EventSourceStats, InputError, InputErrorKind, RawBatch } from './types.js';
