/**
 * What each keyword, operator and sequence option of EQL means, as hover shows it (Markdown). The semantics are
 * Elasticsearch's (docs/semantics.md); the keywords themselves come from the grammar, and a test holds this
 * table to cover every one of them.
 */

const CASE_TABLE =
  '| operator | case | wildcards |\n|---|---|---|\n| `==` `!=` | sensitive | no (`*` is a literal star) |\n| `:` | **insensitive** | `*` and `?` |\n| `like` / `like~` | sensitive / insensitive | `*` and `?` |\n| `regex` / `regex~` | sensitive / insensitive | Lucene regular expression |\n| `in` / `in~` | sensitive / insensitive | no |';

const ORDERING = 'Orders numbers, dates, IP addresses and versions by value, and strings lexicographically (case-sensitive). A null or missing operand never matches.';

/** Token text → Markdown. Keys are keywords, operators, punctuation with a meaning, and option/pipe names. */
export const LANGUAGE_DOCS: Readonly<Record<string, string>> = {
  // ---- comparisons and patterns ----
  '==': `**\`==\` equality**: exact and **case-sensitive** for strings; \`*\` and \`?\` are literal characters (use \`:\` or \`like\` for wildcards). Also compares numbers, booleans, IP addresses and dates. \`field == null\` tests that the field is missing or null.\n\n${CASE_TABLE}`,
  '!=': `**\`!=\` inequality**: the negation of \`==\` (exact, case-sensitive, no wildcards). \`field != null\` tests that the field has a value; a missing field never matches \`!= "x"\`.\n\n${CASE_TABLE}`,
  '<': `**\`<\` less than.** ${ORDERING}`,
  '<=': `**\`<=\` less than or equal.** ${ORDERING}`,
  '>': `**\`>\` greater than.** ${ORDERING}`,
  '>=': `**\`>=\` greater than or equal.** ${ORDERING}`,
  ':': `**\`:\` case-insensitive match** (the same as \`like~\`): \`*\` matches any characters, \`?\` exactly one, and the pattern must cover the whole value. \`x : ("a*", "b")\` matches when any pattern does. Strings only; use \`==\` for exact, case-sensitive equality.\n\n${CASE_TABLE}`,
  like: `**\`like\` wildcard match, case-sensitive**: \`*\` matches any characters, \`?\` exactly one, and the pattern covers the whole value (there is no escape for a literal \`*\`). A list \`like ("a*", "b?")\` matches when any pattern does. \`like~\` ignores case.\n\n${CASE_TABLE}`,
  'like~': `**\`like~\` wildcard match, case-insensitive** (the same as \`:\`): \`*\` matches any characters, \`?\` exactly one, over the whole value. A list matches when any pattern does.\n\n${CASE_TABLE}`,
  regex: `**\`regex\` regular-expression match, case-sensitive**: a Lucene regular expression (not JavaScript's) that must match the **whole** value; \`^\` and \`$\` are not anchors, and \`\\d\`-style classes are best written \`[0-9]\`. A list matches when any pattern does. \`regex~\` ignores case.\n\n${CASE_TABLE}`,
  'regex~': `**\`regex~\` regular-expression match, case-insensitive**: a Lucene regular expression over the whole value, ignoring case (character ranges such as \`[a-c]\` stay case-sensitive in Elasticsearch).\n\n${CASE_TABLE}`,
  in: `**\`in (…)\` membership**: true when the value equals any item, exactly and **case-sensitively** (no wildcards). \`not in (…)\` is its negation; \`in~ (…)\` ignores case.\n\n${CASE_TABLE}`,
  'in~': `**\`in~ (…)\` case-insensitive membership**: true when the value equals any item, ignoring case (no wildcards). Strings only. \`not in~ (…)\` is its negation.\n\n${CASE_TABLE}`,
  // ---- logic ----
  and: '**`and`**: both conditions hold. Binds tighter than `or`.',
  or: '**`or`**: either condition holds.',
  not: '**`not`**: negates a condition; `x not in (…)` / `x not in~ (…)` negate a membership test.',
  true: '**`true`**: the boolean constant.',
  false: '**`false`**: the boolean constant.',
  null: '**`null`**: no value. `field == null` is true when the field is missing or null; `field != null` when it has a value.',
  // ---- queries ----
  where: '**`<category> where <condition>`**: an event query; matches the events of that category (the `event.category` field, or the rule\'s `event_category_override`) for which the condition holds.',
  any: '**`any where …`**: an event query over events of every category.',
  sequence:
    '**`sequence`**: matches events that satisfy each bracketed stage **in order of time**.\n\n- `sequence by k1, k2`: every event of one sequence shares the values of the join keys (each stage may add its own `by`).\n- `with maxspan=5m`: the whole sequence fits in this span (inclusive; units ms, s, m, h, d).\n- `[…] with runs=3`: a stage that repeats.\n- `![…]`: a missing-event stage (no such event may occur; needs `maxspan`).\n- `until […]`: an event matching it ends the sequences still open for its keys.',
  sample:
    '**`sample by k [f1] [f2] …`**: matches groups of events, one per filter, that share the join keys — in **any order** and without a time window (no `maxspan`, `runs` or `until`). An event fills at most one filter of a sample.',
  by: '**`by`**: join keys. After `sequence`/`sample` they apply to every stage; after a stage they add that stage\'s own keys (every stage needs the same number of keys). Events of one match have equal key values; a missing key (`?field`) joins with another missing one.',
  with: '**`with`**: an option: `sequence with maxspan=…` (the time window) or a stage\'s `with runs=N` (repeat the stage).',
  maxspan:
    '**`with maxspan=<n><unit>`**: the first and last events of a sequence lie at most this far apart (inclusive), by timestamp. Units: `ms`, `s`, `m`, `h`, `d`. Required with missing-event stages `![…]`.',
  runs: '**`with runs=N`**: the stage repeats N times (1 to 100): `[a] with runs=3` is the same as `[a] [a] [a]`.',
  until:
    '**`until [ … ]`**: an event matching this stage (with the same join keys) ends every sequence still open before it; it never appears in results, and it cannot cancel a sequence that already completed.',
  '![': '**`![ … ]` missing-event stage**: the sequence matches only when **no** event satisfies this stage at its place (between its neighbouring stages, with the same join keys, within `maxspan`). The sequence needs `with maxspan=…`.',
  '?': '**`?field` optional field**: a field that may be absent from the mapping of some indexes; it is then null instead of an error.',
  '|': '**`|` pipe**: post-processes the matches; Elasticsearch supports `head N` and `tail N`.',
  head: '**`| head N`**: the first N matches (the earliest).',
  tail: '**`| tail N`**: the last N matches (the most recent).',
  // ---- arithmetic ----
  '+': '**`+` addition** (numbers; integer + integer stays an integer).',
  '-': '**`-` subtraction or negation** (numbers).',
  '*': '**`*` multiplication** (numbers).',
  '/': '**`/` division**: integer by integer truncates toward zero (write `4.0` for a decimal result); dividing by integer zero gives null.',
  '%': '**`%` remainder**: has the sign of the dividend; by integer zero gives null.',
  // ---- rejected forms ----
  join: '**`join`** is not supported by Elasticsearch EQL; use a `sequence` (ordered) or a `sample` (unordered).',
  of: '**`descendant of` / `child of` / `event of`** (process lineage) are not supported by Elasticsearch EQL; join the events with `sequence by` on the process entity id.',
  '=': '**`=`** is not a comparison; use `==` (or `:` for case-insensitive strings). It only appears in `maxspan=` and `runs=`.',
};

/** The Markdown for a token's text, when the language gives it a meaning. */
export function languageDoc(token: string): string | undefined {
  return Object.hasOwn(LANGUAGE_DOCS, token) ? LANGUAGE_DOCS[token] : undefined;
}
