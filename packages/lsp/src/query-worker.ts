// Worker-thread entry for dry runs over large event files, bundled beside the server as query-worker.js
// (see packages/core/src/io/parallel/).
import { serveQueryWorker } from '@eqlkit/core/io';

serveQueryWorker();
