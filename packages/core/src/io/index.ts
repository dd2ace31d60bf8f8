// The core's own I/O (Node only): reading query files, event files and schema files.
export { readQueryFiles, readTextFile, expandPaths, type QueryFilesResult } from './rules/read-query-files.js';
export { writeFileAtomic, type WriteResult } from './write-file.js';
export * from './events/index.js';
export * from './schemas/index.js';
export { executeQuery, type ExecuteOptions, type ExecuteOutcome } from './query/execute.js';
export { inputWarning } from './query/input-warning.js';
export { toEsResponse, esResponseJson } from '../eval/response.js';
export { measureInputs, type MeasuredInputs } from './events/inputs.js';
export { serveQueryWorker } from './parallel/worker-main.js';
export { findProjectConfig, loadProjectConfig, projectConfigFor, loadConfigLayers, type LoadedProjectConfig } from './config.js';
