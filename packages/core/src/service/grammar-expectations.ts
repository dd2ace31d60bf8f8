// What the grammar accepts next after a text: Ohm's rightmost-failure information on the text followed by a
// character nothing accepts. Keywords, operators and "a field name"-style descriptions come from grammar/eql.ohm
// itself, so completion never keeps its own list of what may follow what.
import { eqlGrammar } from '../grammar/load.js';

/** What may come next. */
export interface Expectations {
  /** Keywords the grammar accepts next (`where`, `and`, `by`, `maxspan`, …). */
  readonly keywords: readonly string[];
  /** Other terminals: operators and punctuation (`==`, `:`, `like~`, `(`, `[`, `|`, …). */
  readonly terminals: readonly string[];
  /** Rule descriptions from the grammar: `a field name`, `a function name`, `an event category`, `a string`, … */
  readonly descriptions: ReadonlySet<string>;
}

/** Descriptions of grammar/eql.ohm rules, as completion reads them. */
export const EXPECT = {
  field: 'a field name',
  backtickField: 'a backtick-quoted field name',
  function: 'a function name',
  category: 'an event category',
  string: 'a string',
  number: 'a number',
  pipe: 'a pipe name such as head or tail',
  option: 'an option name such as runs',
  comparison: 'a comparison operator',
  pattern: 'a pattern operator',
} as const;

interface OhmFailure {
  getText(): string;
  getType(): string;
}
interface FailedMatch {
  failed(): boolean;
  getRightmostFailurePosition(): number;
  getRightmostFailures(): OhmFailure[];
}

let accepted: ReadonlySet<string> | undefined;

/**
 * Keywords of forms Elasticsearch accepts: those a rule other than the rejected forms (`…_rejected` cases and the
 * Endgame `Join`) uses. `of` (lineage) and `join` are never offered.
 */
function acceptedKeywords(): ReadonlySet<string> {
  if (accepted) return accepted;
  const used = new Set<string>();
  for (const [name, rule] of Object.entries(eqlGrammar.rules as Record<string, { body: { toString(): string } }>)) {
    if (name === 'keyword' || /_rejected$|^Join(Until)?$/.test(name)) continue;
    // (Ohm keeps each case of a rule as its own rule, `NotExpr_lineage_rejected`, so skipping names is enough.)
    for (const m of rule.body.toString().matchAll(/\b([a-z]+)Kw\b/g)) used.add(m[1]);
  }
  return (accepted = used);
}

/** A character no rule accepts outside strings and comments. */
const SENTINEL = '\u0001';

/**
 * The expectations right at the end of `text`, or undefined when the grammar fails earlier (an error before the
 * end). `keywords` tells keywords apart from other terminals. Never throws.
 */
export function expectationsAtEnd(text: string, keywords: ReadonlySet<string>): Expectations | undefined {
  let m: FailedMatch;
  try {
    m = eqlGrammar.match(text + SENTINEL) as unknown as FailedMatch;
  } catch {
    return undefined;
  }
  if (!m.failed() || m.getRightmostFailurePosition() !== text.length) return undefined;
  const kws = new Set<string>();
  const terminals = new Set<string>();
  const descriptions = new Set<string>();
  for (const f of m.getRightmostFailures()) {
    const type = f.getType();
    const t = f.getText();
    if (type === 'description') descriptions.add(t);
    else if (type === 'string') {
      if (keywords.has(t)) {
        if (acceptedKeywords().has(t)) kws.add(t);
      } else if (t.trim() && t !== '//' && t !== '/*' && !/^[A-Za-z0-9_@]$/.test(t)) terminals.add(t);
    }
  }
  return { keywords: [...kws], terminals: [...terminals], descriptions };
}
