import { RE2JS } from 're2js';
import { lazyDfaMatcher } from './lazy-dfa.js';
import { StateBudget, TooComplexError } from './nfa.js';
import { parseLuceneRegex } from './regex-parse.js';
import { requiredLiterals } from './regex-literals.js';
import { regexToNfa } from './regex-to-nfa.js';
import { toRe2 } from './regex-to-re2.js';

/**
 * EQL `regex` / `regex~`: Lucene regular expressions (all optional operators on) matched against the whole value
 * in linear time. Patterns RE2 can express run on re2js; complement (`~`), intersection (`&`) and anything over
 * RE2's limits (such as repetition counts above 1000) run on our own automaton with a lazily built DFA.
 *
 * Example: `compileLuceneRegex('[0-9]{1,3}(\\.[0-9]{1,3}){3}', false)` tests for a dotted quad.
 */

export type LuceneRegex =
  | {
      readonly ok: true;
      /** Whole-value match. Linear in the value; never throws. */
      readonly test: (value: string) => boolean;
      /** Substrings any match contains (folded with `foldCase` for `regex~`), when some are known. */
      readonly requiredLiterals?: readonly string[];
      /** Which engine runs the pattern; for diagnostics and tests. */
      readonly engine: 're2' | 'automaton';
    }
  | {
      readonly ok: false;
      /** Plain-language reason, e.g. "missing ')' to close the group". */
      readonly message: string;
      /** Half-open UTF-16 span inside the pattern that the error points at. */
      readonly offset: number;
      readonly end: number;
    };

export interface LuceneRegexOptions {
  /** Force our automaton even when RE2 could run the pattern (tests compare the two). */
  readonly engine?: 'auto' | 'automaton';
}

// Lucene gives up on patterns needing more than 10 000 determinized states; ours counts NFA states and is roomier.
const STATE_BUDGET = 200_000;

/** Compiles a Lucene regex for whole-value matching. Never throws: bad patterns come back as `ok: false`. */
export function compileLuceneRegex(
  pattern: string,
  caseInsensitive: boolean,
  options: LuceneRegexOptions = {},
): LuceneRegex {
  const parsed = parseLuceneRegex(pattern);
  if (!parsed.ok) return parsed;
  const literals = requiredLiterals(parsed.ast, caseInsensitive);
  const extra = literals.length > 0 ? { requiredLiterals: literals } : {};
  if (options.engine !== 'automaton') {
    const source = toRe2(parsed.ast, caseInsensitive);
    const re = source === undefined ? undefined : compileRe2(source);
    if (re) return { ok: true, test: (value) => re.matches(value), engine: 're2', ...extra };
  }
  try {
    const nfa = regexToNfa(parsed.ast, caseInsensitive, new StateBudget(STATE_BUDGET));
    return { ok: true, test: lazyDfaMatcher(nfa), engine: 'automaton', ...extra };
  } catch (e) {
    if (!(e instanceof TooComplexError)) throw e;
    const message = 'the regular expression is too complex to evaluate (it needs too many automaton states)';
    return { ok: false, message, offset: 0, end: pattern.length };
  }
}

function compileRe2(source: string): RE2JS | undefined {
  try {
    return RE2JS.compile(source);
  } catch {
    return undefined; // RE2's own limits, e.g. {1001} or nested counts; the automaton takes over
  }
}
