import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findShared, missingSharedMessage, repoRoot } from '../support/shared.js';

/**
 * Tests that read the reference material (../shared) fail when it is missing — never skip — and find it the one
 * way, from the checkout (or, in a git worktree, from the main checkout), never from a path of one machine.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'eqlkit-shared-'));
  dirs.push(d);
  return d;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' || e.name === 'generated' ? [] : sourceFiles(p);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [p] : [];
  });
}

describe('the shared reference folder', () => {
  it('is found beside the checkout, or beside the main checkout of a git worktree', () => {
    const base = tmp();
    mkdirSync(join(base, 'shared/rules'), { recursive: true });
    writeFileSync(join(base, 'shared/rules/eql-rules.jsonl'), '');
    mkdirSync(join(base, 'main/.git/worktrees/w'), { recursive: true });
    writeFileSync(join(base, 'main/.git/worktrees/w/commondir'), '../..\n');
    mkdirSync(join(base, 'wt/w'), { recursive: true });
    writeFileSync(join(base, 'wt/w/.git'), `gitdir: ${join(base, 'main/.git/worktrees/w')}\n`);
    expect(findShared(join(base, 'main'), {})).toBe(join(base, 'shared'));
    expect(findShared(join(base, 'wt/w'), {})).toBe(join(base, 'shared'));
    expect(findShared(join(base, 'wt/w'), { EQLKIT_SHARED: join(base, 'nowhere') })).toBeUndefined();
    expect(missingSharedMessage(join(base, 'wt/w'), {})).toContain(join(base, 'wt/shared'));
  });

  it('missing fails the suites that need it, saying where it is expected', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', 'test/fuzz/parse-fuzz.test.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, EQLKIT_SHARED: '/nonexistent/eqlkit-shared', NO_COLOR: '1', CI: '1' },
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('the reference material is missing: expected a folder with rules/eql-rules.jsonl at /nonexistent/eqlkit-shared');
  });

  it('is never skipped over, nor named by an absolute path, in any test', () => {
    const offenders = [...sourceFiles(join(repoRoot, 'test')), ...sourceFiles(join(repoRoot, 'packages'))]
      .filter((f) => /\.test\.tsx?$/.test(f) || f.includes('/testing/') || f.includes('/test/support/'))
      .filter((f) => /\/work\/shared|\b(?:describe|it|test)\.(?:skip|skipIf|runIf)\b/.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '')))
      .map((f) => relative(repoRoot, f));
    expect(offenders).toEqual([]);
  });
});
