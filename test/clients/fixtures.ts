// The documents the real-editor tests open: the example detection rule with one realistic mistake (a misspelt
// field), as a `.toml` rule and as a bare `.eql` query, and what `eql check` says about them, which every editor
// must show unchanged.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const eqlCommand = join(repoRoot, 'packages/cli/bin/eql.cjs');
export const exampleRule = join(repoRoot, 'examples/msiexec-remote-file-execution.toml');
export const exampleEvents = join(repoRoot, 'examples/msiexec-events.ndjson');

/** The field the mistake misspells, and how. */
export const MISTAKE = { correct: 'process.parent.name', wrong: 'process.parent.nmae' } as const;

export interface CheckDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** 1-based, as `eql check` prints them. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Fixture {
  readonly path: string;
  readonly text: string;
  /** What `eql check --json` reports for the file. */
  readonly expected: readonly CheckDiagnostic[];
}

/** The example rule with the mistake, as `rule.toml` (a whole detection rule) and `rule.eql` (its query alone). */
export function writeFixtures(dir: string): { toml: Fixture; eql: Fixture } {
  mkdirSync(dir, { recursive: true });
  const original = readFileSync(exampleRule, 'utf8');
  if (!original.includes(MISTAKE.correct)) throw new Error(`the example rule no longer uses ${MISTAKE.correct}: update test/clients/fixtures.ts`);
  const toml = original.replace(MISTAKE.correct, MISTAKE.wrong);
  const query = /^query = '''\n([\s\S]*?)'''$/m.exec(toml)?.[1];
  if (!query) throw new Error(`no '''-quoted query in ${exampleRule}`);
  // The rule's indexes choose its schemas; the .eql file gets the default ones (ECS and Elastic Defend).
  const eql = `// The example rule's query, with a misspelt field.\n${query}`;
  const tomlPath = join(dir, 'rule.toml');
  const eqlPath = join(dir, 'rule.eql');
  writeFileSync(tomlPath, toml);
  writeFileSync(eqlPath, eql);
  return {
    toml: { path: tomlPath, text: toml, expected: checkDiagnostics(tomlPath) },
    eql: { path: eqlPath, text: eql, expected: checkDiagnostics(eqlPath) },
  };
}

/** `eql check --json` on one file: the diagnostics the editors must show. */
export function checkDiagnostics(file: string): CheckDiagnostic[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [eqlCommand, 'check', '--json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Exit status 1 means "the query has errors": expected here.
    out = String((e as { stdout?: string }).stdout ?? '');
    if (!out) throw e;
  }
  const diagnostics = (JSON.parse(out) as { diagnostics: CheckDiagnostic[] }).diagnostics;
  if (!diagnostics.some((d) => d.message.includes(MISTAKE.wrong))) throw new Error(`eql check does not report ${MISTAKE.wrong} in ${file}: ${out}`);
  return diagnostics;
}

/** Zero-based line and character of the first occurrence of `needle` in `text` (after `after`, when given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; character: number } {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, Math.max(0, from));
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
