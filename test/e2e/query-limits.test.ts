import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { repoRoot } from '../support/shared.js';

/**
 * Deeply nested and very long queries get plain located messages from every command — never an internal error —
 * and never more than a line's worth of carets.
 */

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const events = join(repoRoot, 'examples/msiexec-events.ndjson');
const deep = write('deep.eql', `process where ${'('.repeat(200)}true${')'.repeat(200)}\n`);
const huge = write('huge.eql', `process where ${'('.repeat(500_000)}true${')'.repeat(500_000)}\n`);
const chain = write('chain.eql', `process where ${Array.from({ length: 4000 }, (_, i) => `process.pid == ${i}`).join(' or ')}\n`);
const longer = write('longer.eql', `process where ${Array.from({ length: 30_000 }, (_, i) => `process.pid == ${i}`).join(' or ')}\n`);
const runs = (file: string) => [
  ['parse', file],
  ['check', file],
  ['fmt', '--check', file],
  ['query', '-q', file, events],
];

describe('deeply nested queries', () => {
  it.each(runs(deep))('%s: stops at the maximum depth with a plain message (exit 1)', (...args) => {
    const r = runEql(args);
    const out = r.stdout + r.stderr;
    expect(out).toContain('error eql/too-deep: EQL statement exceeded the maximum expression depth allowed (100)');
    expect(out).not.toMatch(/internal error/);
    expect(r.status).toBe(1);
  });

  it('prints a line\'s worth of text for a megabyte of nesting', () => {
    const r = runEql(['parse', huge]);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeLessThan(1000);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThan(300);
  });
});

describe('very long queries', () => {
  it.each([...runs(chain), ...runs(longer)])('%s: a plain answer, never an internal error', (...args) => {
    const r = runEql(args);
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(/internal error|Maximum call stack/);
    expect([0, 1]).toContain(r.status);
    // 1: the query is too large to check, or (fmt --check) it is not formatted.
    if (r.status === 1) expect(out).toMatch(/error eql\/too-large: EQL statement is too large|: not formatted/);
    expect(Math.max(...out.split('\n').map((l) => (/^\s*\|\s*\^/.test(l) ? l.length : 0)))).toBeLessThan(200);
  });
});
