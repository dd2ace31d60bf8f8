import type { Span } from '../ast/nodes.js';
import type { Diagnostic, Severity, Suggestion } from './diagnostic.js';

/**
 * Every diagnostic the parser can produce, keyed by its stable code (printed as `eql/<code>`). Codes are never
 * renamed: tests, docs and users' suppressions key on them. Messages say what is wrong and what to write instead.
 */
interface Entry<P> {
  readonly severity: Severity;
  readonly message: (params: P) => string;
}

const entry = <P = Record<string, never>>(severity: Severity, message: (params: P) => string): Entry<P> => ({ severity, message });

export const syntaxCatalog = {
  syntax: entry<{ message: string }>('error', (p) => p.message),
  'unterminated-string': entry('error', () => 'this string is not closed: a `"` string must end on the same line (write `\\n` for a line break)'),
  'invalid-escape': entry<{ escape: string }>(
    'error',
    (p) => `\`${p.escape}\` is not a valid escape; use \`\\\\\` for a backslash, or \`\\n \\r \\t \\" \\' \\u{…}\`, or a raw string """…"""`,
  ),
  'invalid-unicode-escape': entry<{ escape: string }>('error', (p) => `\`${p.escape}\` is not a valid Unicode escape: write 2 to 8 hex digits, e.g. \`\\u{20AC}\``),
  'single-quoted-string': entry('error', () => 'single-quoted strings are not supported by Elasticsearch; use double quotes "…"'),
  'endgame-string': entry('error', () => 'the Endgame raw string ?"…" is not supported by Elasticsearch; use a triple-quoted raw string """…"""'),
  'assign-equality': entry('error', () => '`=` is not a comparison operator; use `==` (or `:` to compare strings case-insensitively)'),
  'chained-comparison': entry('error', () => 'comparisons cannot be chained; combine them with `and`, e.g. `a < b and b < c`'),
  'join-unsupported': entry('error', () => '`join` is not supported by Elasticsearch EQL; use a `sequence` (ordered) or a `sample` (unordered)'),
  'lineage-unsupported': entry<{ relation: string }>(
    'error',
    (p) => `\`${p.relation} of [...]\` (process lineage) is not supported by Elasticsearch EQL; join the events with a \`sequence by\` on the process entity id instead`,
  ),
  'unknown-pipe': entry<{ name: string; suggestion: string | undefined }>(
    'error',
    (p) => `unknown pipe \`${p.name}\`${p.suggestion ? `; did you mean \`${p.suggestion}\`?` : ''} (Elasticsearch supports \`head\` and \`tail\`)`,
  ),
  'pipe-argument': entry<{ name: string; found: string }>('error', (p) => `\`| ${p.name}\` takes one non-negative integer, e.g. \`| ${p.name} 10\`; found ${p.found}`),
  'maxspan-no-unit': entry<{ text: string }>('error', (p) => `\`maxspan=${p.text}\` has no time unit; did you mean \`${p.text}s\`? (units: ms, s, m, h, d)`),
  'maxspan-unit': entry<{ unit: string }>('error', (p) => `\`${p.unit}\` is not a time unit; use one of ms, s, m, h, d`),
  'maxspan-decimal': entry<{ text: string }>('error', (p) => `\`maxspan=${p.text}\`: the span must be a whole number; use a smaller unit instead of a fraction (e.g. \`1500ms\`)`),
  'maxspan-positive': entry('error', () => '`maxspan` must be greater than zero'),
  'by-after-with': entry('error', () => 'write `sequence by …` before `with maxspan=…`, not after'),
  'stage-option': entry<{ name: string }>('error', (p) => `\`with ${p.name}=\` is not a stage option; the only one is \`with runs=N\``),
  'runs-range': entry<{ found: string }>('error', (p) => `\`runs\` must be a whole number from 1 to 100; found ${p.found}`),
  'until-runs': entry('error', () => 'the `until` stage cannot repeat; remove `with runs=…`'),
  'until-missing': entry('error', () => 'the `until` stage cannot be a missing-event stage `![…]`'),
  'sequence-too-short': entry<{ count: number }>('error', (p) => `a sequence needs at least 2 stages; found ${p.count}`),
  'join-key-count': entry<{ expected: number; found: number }>(
    'error',
    (p) => `every stage needs the same number of \`by\` keys: expected ${p.expected} here (as in the first stage), found ${p.found}`,
  ),
  'missing-needs-maxspan': entry('error', () => 'a sequence with a missing-event stage `![…]` needs `with maxspan=…`'),
  'missing-needs-positive': entry('error', () => 'a sequence needs at least one stage that is not a missing-event stage `![…]`'),
  'sample-missing': entry('error', () => 'a sample cannot have a missing-event stage `![…]`; missing events only make sense in a sequence'),
  'number-too-large': entry<{ text: string }>('error', (p) => `the number ${p.text} is too large: it is beyond the range of a floating-point number`),
  'array-index': entry<{ path: string }>(
    'error',
    (p) => `array indexes are not supported by Elasticsearch EQL ("Array indexes are not supported"); a condition on \`${p.path}\` matches when any of its values does`,
  ),
  'join-key-expression': entry<{ text: string }>(
    'error',
    (p) => `\`${p.text}\` is not a field: Elasticsearch EQL accepts only fields as join keys ("Unsupported join key")`,
  ),
  'empty-field-name': entry('error', () => 'a backtick-quoted field name cannot be empty'),
  'too-deep': entry<{ max: number }>(
    'error',
    (p) => `EQL statement exceeded the maximum expression depth allowed (${p.max}): nest fewer parentheses and \`not\`/\`-\` operators here`,
  ),
  'too-large': entry(
    'error',
    () => 'EQL statement is too large to analyse: its expression is nested or chained too deeply (thousands of terms); split it, or list values with `in (…)`',
  ),
} as const;

export type SyntaxCode = keyof typeof syntaxCatalog;
type ParamsOf<C extends SyntaxCode> = Parameters<(typeof syntaxCatalog)[C]['message']>[0];

/** Builds the diagnostic for `code`, with its catalog severity and message. */
export function syntaxDiagnostic<C extends SyntaxCode>(code: C, span: Span, params: ParamsOf<C>, suggestions?: readonly Suggestion[]): Diagnostic {
  const e = syntaxCatalog[code] as Entry<ParamsOf<C>>;
  return { code: `eql/${code}`, severity: e.severity, message: e.message(params), span, ...(suggestions?.length ? { suggestions } : {}) };
}
