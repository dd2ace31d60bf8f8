/**
 * Glob expansion for every input the core reads (query files and event files). fast-glob is loaded on first use,
 * so commands that get plain paths start faster.
 */
const GLOB_CHARS = /[*?[\]{}()!]/;

/** Whether `spec` looks like a glob rather than a path. */
export function looksLikeGlob(spec: string): boolean {
  return GLOB_CHARS.test(spec);
}

/**
 * The files matching `pattern` (relative to `cwd`), sorted; never directories or dot-files. A pattern the file
 * system cannot even look up (a name too long — often a query given where a file was expected) matches nothing.
 */
export async function expandGlob(pattern: string, cwd: string = process.cwd()): Promise<string[]> {
  const { default: fg } = await import('fast-glob');
  try {
    const matches = await fg(pattern, { cwd, onlyFiles: true, dot: false, followSymbolicLinks: true });
    return matches.sort();
  } catch (e) {
    if (typeof (e as NodeJS.ErrnoException).code === 'string') return [];
    throw e;
  }
}
