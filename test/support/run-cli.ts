import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './shared.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `eql` command (the same file `npx eql` runs) as a separate process. */
export function runEql(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(repoRoot, 'packages/cli/bin/eql.cjs'), ...args], {
    input: options.input,
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 256 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
