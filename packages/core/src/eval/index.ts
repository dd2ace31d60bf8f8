// The evaluator: compile a parsed statement once, run it over batches of raw records.
export { compileStatement, type CompiledQuery, type EvalOptions, type StagePlan } from './compile.js';
export { runQuery, EvalInputError, QueryAbortedError, type AbortSignalLike, type RunWarning, type QueryResult, type RecordBatch, type RunOptions, type RunStats, type SequenceResult } from './run.js';
export { toEsResponse, esResponseJson, esEvent, esEventJson, esSequenceJson, type EsEvent } from './response.js';
export { compareHits, type Hit } from './hit.js';
export type { Event } from './event.js';
export type { CountRow } from './pipes.js';
export { prefilterFor, requirementFor, type PrefilterOptions, type Requirement, type TextLiteral } from './prefilter/index.js';
