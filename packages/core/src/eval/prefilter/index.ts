/**
 * A sound pre-filter on raw JSON lines, derived from a query: it rejects a line only when the event it holds cannot
 * match any stage of the query (nor `until`, nor a missing-event stage `![…]`), so the runner may skip
 * `JSON.parse` for it. Pure: no Node APIs.
 *
 * Soundness rules (each is a reason a matching event's JSON text must contain a literal):
 * 1. Only index-query leaves the evaluator runs as "some value of the field satisfies a text test" give literals:
 *    `field == "x"` on a keyword or dynamic field, `in`/`in~` (any of the values), `:`/`like`/`like~` (the
 *    wildcard pattern's literal runs), `regex`/`regex~` (the regex's required literals), `startsWith`,
 *    `endsWith` and `stringContains` (pushed down as prefix and wildcard queries), and the category test (`process where` ⇒ `"process"`). The field's location does
 *    not matter: the literal may appear anywhere in the line, so nested vs dotted keys, arrays (multi-valued
 *    fields), aliases and multi-fields (which read other paths of the same `_source`) are all covered.
 * 2. The condition is first rewritten as the evaluator rewrites it (Elasticsearch's optimizer: `not x != "a"` is
 *    `x == "a"`). Then `and` requires all of its sides, `or` any; `not`, `!=`, `not in`, `== null`/`!= null`, ranges, bare boolean
 *    fields and anything run as a script (functions other than the pushed-down ones, arithmetic, field-to-field
 *    comparisons, optional fields absent from the mapping) require nothing. A constant `false` condition, a null
 *    pattern or an invalid regex requires the impossible (the evaluator matches nothing there either).
 * 3. Values are compared as text the way the leaf sees them: a JSON number reads as `String(n)`, so text made only
 *    of characters that can occur in a number (`0-9 + - . e`, `Infinity`) gives no requirement; numeric literals
 *    on dynamic fields compare as numbers (`x == "100"` matches `1e2`), so they give none either. Numbers,
 *    booleans and null literals give none. Non-keyword mapped kinds (dates, ips, versions, numbers, booleans)
 *    compare normalised values and give none for `==`/`in`. A field whose mapping has a `null_value` gives none.
 * 4. A literal is searched in its JSON spellings. By default (`spelling: 'any'`) every spelling of every
 *    character is accepted: raw, its short escape (`\"`, `\\`, `\n`, `\/`, …) and `\uXXXX` in either hex case,
 *    so a line with escapes is judged like any other — measured cheaper than scanning each line for escapes. With
 *    `spelling: 'canonical'` only the escaped-if-needed spelling is searched (`"` → `\"`, `\` → `\\`, `\n`, …)
 *    and a line holding a `\uXXXX` or `\/` escape (see `escapes.ts`) is never rejected: it falls back to parsing.
 * 5. Case-insensitive operators (`:`, `like~`, `regex~`, `in~`, `startsWith~`) fold the literal with `foldCase`
 *    and accept every code point that folds to the same one (explicit classes, e.g. `[kK\u212A]`).
 * 6. A whole value (or a pattern's first or last run) is anchored to the quotes of a JSON string value —
 *    `"msiexec.exe"` followed by whitespace and `,`, `]` or `}` (so an object key `"process":` does not count) —
 *    only when some character of the pattern cannot occur in a number's or boolean's text, which proves the
 *    matching value is a JSON string.
 *
 * The requirement is kept as an and/or tree (linear in the query's size; shared literals factored out of `or`),
 * not expanded to a disjunctive form, so there is no blow-up; above {@link MAX_LITERALS} literals no filter is
 * made.
 */
import type { Statement } from '../../ast/nodes.js';
import type { CompiledQuery } from '../compile.js';
import { deriveStatement, type DeriveOptions } from './derive.js';
import { hasHidingEscape } from './escapes.js';
import { chooseGate, gateRegex } from './gate.js';
import { compileRequirement, type Spelling } from './matcher.js';
import { literalCount, type Requirement, type TextLiteral } from './requirement.js';

export type { Requirement, TextLiteral } from './requirement.js';
export type { Spelling } from './matcher.js';
export { hasHidingEscape } from './escapes.js';

/** The options the query is compiled with (`EvalOptions`: only the schema and the category field matter), and how literals are spelled. */
export interface PrefilterOptions extends DeriveOptions {
  /** `any` (default): match every JSON spelling of a literal; `canonical`: one spelling, lines with `\u`/`\/` escapes pass. */
  readonly spelling?: Spelling;
}

/** A pre-filter with what a chunk scanner needs. */
export interface PrefilterPlan {
  /** The line test: false guarantees that the line's event matches no stage (see {@link prefilterFor}). */
  readonly test: (line: string) => boolean;
  /**
   * A global regex such that a line without a match is rejected by `test`, chosen as the rarest on `sample` lines
   * (raw JSON text); undefined when every line must be tested. Use it to scan many lines at once.
   */
  gate(sample: readonly string[]): RegExp | undefined;
}

/** Beyond this many literals the filter would cost more than it saves. */
export const MAX_LITERALS = 10_000;

/** The requirement a query puts on the JSON text of events that can match it (for tests and diagnostics). */
export function requirementFor(query: CompiledQuery | Statement, options: PrefilterOptions = {}): Requirement {
  return 'planner' in query ? deriveStatement(query.ast, options, query.planner) : deriveStatement(query, options);
}

/**
 * A pre-filter for `query`: `(line) => false` guarantees that the event on that line (one JSON object's text)
 * matches no stage, `until` or missing-event stage of the query, whatever its fields' spelling (nested or dotted
 * keys, arrays). `undefined` when the query requires no literal (every line would pass). Pass the options the query
 * was compiled with. The function keeps statistics to order its tests (never changing a result): make one per
 * thread.
 */
export function prefilterFor(query: CompiledQuery | Statement, options: PrefilterOptions = {}): ((line: string) => boolean) | undefined {
  return prefilterPlanFor(query, options)?.test;
}

/** {@link prefilterFor} with a gate for scanning many lines at once; undefined when nothing can be required. */
export function prefilterPlanFor(query: CompiledQuery | Statement, options: PrefilterOptions = {}): PrefilterPlan | undefined {
  const req = requirementFor(query, options);
  if (req.kind === 'true' || literalCount(req) > MAX_LITERALS) return undefined;
  const spelling = options.spelling ?? 'any';
  const inner = compileRequirement(req, spelling);
  const test = spelling === 'any' ? inner : (line: string) => inner(line) || hasHidingEscape(line);
  return {
    test,
    gate(sample) {
      const rate = (l: TextLiteral) => {
        // Smoothed, with a prior that favours longer literals (rarer, and a tie-breaker when no sample line has any).
        const prior = 1 / (2 + l.text.length);
        const t = compileRequirement({ kind: 'lit', lit: l, key: '' }, spelling);
        let n = 0;
        for (const line of sample) if (t(line)) n++;
        return (n + prior) / (sample.length + 1);
      };
      const g = chooseGate(req, rate);
      return g && gateRegex(g, spelling);
    },
  };
}
