export { readQueryFiles, readTextFile, expandPaths, type QueryFilesResult } from './rules/read-query-files.js';
