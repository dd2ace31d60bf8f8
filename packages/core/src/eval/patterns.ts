/**
 * The pattern operators: `:` (case-insensitive wildcard), `like`/`like~` (wildcard), `regex`/`regex~` (Lucene
 * regular expressions), each true when any of its patterns matches the whole value. Patterns are compiled once.
 */
import type { Literal, MatchOperator } from '../ast/nodes.js';
import { compileLuceneRegex } from '../matching/lucene-regex.js';
import { compileWildcard } from '../matching/wildcard.js';

/** The text of a pattern literal (numbers and booleans as written; null patterns are skipped by callers). */
export const patternText = (p: Literal): string => (p.kind === 'string' ? p.value : p.kind === 'null' ? '' : String(p.value));

/**
 * A test over string values for `op` and its patterns. Invalid regular expressions match nothing (the type
 * checker reports them before a query runs).
 */
export function patternMatcher(op: MatchOperator, patterns: readonly Literal[]): (value: string) => boolean {
  const ci = op === ':' || op === 'like~' || op === 'regex~';
  const tests: ((v: string) => boolean)[] = [];
  for (const p of patterns) {
    if (p.kind === 'null') continue;
    const text = patternText(p);
    if (op === 'regex' || op === 'regex~') {
      const re = compileLuceneRegex(text, ci);
      if (re.ok) tests.push((v) => re.test(v));
    } else tests.push(compileWildcard(text, ci));
  }
  if (tests.length === 1) return tests[0];
  return (v) => {
    for (const t of tests) if (t(v)) return true;
    return false;
  };
}
