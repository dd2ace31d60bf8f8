// Entry point of the `eql` command (bundled to dist/eql.cjs).
import { runCli } from './cli.js';

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then((code) => {
  process.exitCode = code;
});
