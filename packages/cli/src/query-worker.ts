// Worker-thread entry of `eql query`, bundled beside the command as dist/query-worker.cjs (scripts/build.mjs bundles
// every src/*-worker.ts). It compiles the same query as the main thread and pre-filters, parses and filters blocks of
// NDJSON for it; see packages/core/src/io/parallel/.
import { serveQueryWorker } from '@eqlkit/core/io';

serveQueryWorker();
