/**
 * Locates the read-only reference material (`../shared` beside the checkout: rules, conformance suites, schemas,
 * events) for tests. Tests that need it fail — never skip — when it is missing, with a message saying where it is
 * expected. Test-only helper; `test/support/shared.ts` re-exports it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (of this checkout or git worktree). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The main checkout's root when `root` is a linked git worktree (its `.git` is a file pointing into the main
 * repository's `.git/worktrees/`), else undefined.
 */
function mainCheckoutOf(root: string): string | undefined {
  try {
    const dotGit = join(root, '.git');
    if (!statSync(dotGit).isFile()) return undefined;
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (!gitdir) return undefined;
    const worktreeGitDir = isAbsolute(gitdir) ? gitdir : resolve(root, gitdir);
    const common = readFileSync(join(worktreeGitDir, 'commondir'), 'utf8').trim();
    return dirname(isAbsolute(common) ? common : resolve(worktreeGitDir, common));
  } catch {
    return undefined;
  }
}

/**
 * Where the reference folder is looked for, first match wins: `$EQLKIT_SHARED`; `../shared` beside the checkout;
 * for a git worktree, `../shared` beside the main checkout.
 */
export function sharedCandidates(root = repoRoot, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env['EQLKIT_SHARED']) return [resolve(env['EQLKIT_SHARED'])];
  const main = mainCheckoutOf(root);
  return [resolve(root, '../shared'), ...(main && main !== root ? [resolve(main, '../shared')] : [])];
}

/** A reference folder holds the rule corpus. */
const looksShared = (dir: string) => existsSync(join(dir, 'rules/eql-rules.jsonl'));

/** The reference folder, or undefined when none of the candidates has it. */
export function findShared(root = repoRoot, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return sharedCandidates(root, env).find(looksShared);
}

/** Why the reference folder is missing, and where it is expected. */
export function missingSharedMessage(root = repoRoot, env: NodeJS.ProcessEnv = process.env): string {
  return (
    `the reference material is missing: expected a folder with rules/eql-rules.jsonl at ${sharedCandidates(root, env).join(' or ')} ` +
    '(the shared folder beside the checkout; set EQLKIT_SHARED to use another place)'
  );
}

/** The path of `relative` inside the reference folder; throws (failing the test) when the folder is missing. */
export function sharedPath(relative = ''): string {
  const dir = findShared();
  if (!dir) throw new Error(missingSharedMessage());
  return join(dir, relative);
}
