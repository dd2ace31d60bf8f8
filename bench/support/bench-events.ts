// The benchmarks' event file: N generated events (seed 1), made once by ../shared/bench/gen-events.mjs and cached
// under node_modules/.cache/eqlkit-bench/ with the generator's truth file (the planted true positives).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findShared, missingSharedMessage } from '../../packages/core/testing/shared-dir.js';

export interface Truth {
  readonly true_positives: readonly { readonly msiexec_entity_id: string; readonly child_entity_id: string }[];
  readonly expected_sequences: number;
}

const root = process.cwd();
const shared = findShared(root);
if (!shared) {
  console.error(`bench: ${missingSharedMessage(root)}`);
  process.exit(2);
}
export const generator = join(shared, 'bench/gen-events.mjs');

export function ensureEvents(events: number): { file: string; truth: Truth } {
  const dir = join(root, 'node_modules/.cache/eqlkit-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `events-${events}-seed1.ndjson`);
  const truthFile = join(dir, `events-${events}-seed1.truth.json`);
  if (!existsSync(file) || !existsSync(truthFile)) {
    console.log(`generating ${events} events (once) …`);
    const r = spawnSync(process.execPath, [generator, '--events', String(events), '--seed', '1', '--out', file, '--truth', truthFile, '--quiet'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('the generator failed');
  }
  return { file, truth: JSON.parse(readFileSync(truthFile, 'utf8')) as Truth };
}
