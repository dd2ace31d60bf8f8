import type { Span } from '../ast/nodes.js';
import type { Diagnostic, Severity, Suggestion } from '../diagnostics/diagnostic.js';

/**
 * Every diagnostic the type checker can produce, keyed by its stable code (printed as `eql/<code>`). Codes are
 * never renamed: tests, docs, SARIF rules and users' suppressions key on them. `help` is one sentence for rule
 * listings (SARIF, docs); `message` says what is wrong here and what to write instead.
 */
interface Entry<P> {
  readonly severity: Severity;
  readonly help: string;
  readonly message: (params: P) => string;
}

const entry = <P = Record<string, never>>(severity: Severity, help: string, message: (params: P) => string): Entry<P> => ({ severity, help, message });

export const checkCatalog = {
  'unknown-field': entry<{ name: string; partial: boolean; where: string }>(
    'error',
    'A field that is not in the schema of the indexes the query searches.',
    (p) =>
      `\`${p.name}\` is not a field in ${p.where}` +
      (p.partial ? ' (the schema is known to be incomplete here, so this may be fine)' : '; Elasticsearch rejects a query with an unknown field unless it is written `?' + p.name + '`'),
  ),
  'field-not-in-target': entry<{ name: string; target: string; patterns: string }>(
    'error',
    'A field that a separately validated index (e.g. endgame-*) does not have.',
    (p) => `\`${p.name}\` is not a field of the ${p.target} schema used for ${p.patterns}; events from there can never match it (write \`?${p.name}\` if that is intended)`,
  ),
  'field-not-in-dataset': entry<{ name: string; datasets: string }>(
    'warning',
    'A field that the data streams a query (or stage) pins with `event.dataset` do not have.',
    (p) => `\`${p.name}\` is not a field of ${p.datasets}, the only data this condition matches, so it never matches here`,
  ),
  'field-not-in-data': entry<{ name: string; events: number }>(
    'warning',
    'A field that has no value in any event the query ran over (found when running it, not by the checker).',
    (p) => `\`${p.name}\` has no value in any of the ${p.events} event${p.events === 1 ? '' : 's'} read (Elasticsearch rejects a field its index has never seen)`,
  ),
  'unsupported-field-type': entry<{ name: string; esType: string; reason: string }>(
    'error',
    'A field whose Elasticsearch type EQL cannot compare (object, nested, geo_point, …).',
    (p) => `\`${p.name}\` is a \`${p.esType}\` field: ${p.reason}`,
  ),
  'text-field': entry<{ name: string; esType: string; candidates?: readonly string[] }>(
    'error',
    'A text field without exactly one keyword multi-field: Elasticsearch EQL cannot compare it.',
    (p) =>
      p.candidates?.length
        ? `\`${p.name}\` is a \`${p.esType}\` field with several keyword multi-fields (${p.candidates.map((c) => `\`${c}\``).join(', ')}), and Elasticsearch does not pick one ("Multiple exact keyword candidates available"); compare one of them`
        : `\`${p.name}\` is a \`${p.esType}\` field with no keyword multi-field; Elasticsearch EQL cannot compare analyzed text (map a keyword sub-field, or use the query's \`filter\`)`,
  ),
  'type-mismatch': entry<{ what: string; expected: string; found: string; note?: string }>(
    'error',
    'A value of the wrong type for the field or expression it is compared with.',
    (p) => `${p.what} is ${p.expected}, but this is ${p.found}${p.note ? `; ${p.note}` : ''}`,
  ),
  'operator-type': entry<{ operator: string; needs: string; what: string; found: string }>(
    'error',
    'An operator used on a type it does not work on (`:`/`like`/`regex` on a non-string, `<` on a boolean, arithmetic on a string).',
    (p) => `\`${p.operator}\` works on ${p.needs}, but ${p.what} is ${p.found}`,
  ),
  'condition-type': entry<{ what: string; found: string }>(
    'error',
    'A condition that is not a boolean.',
    (p) => `a condition must be true or false, but ${p.what} is ${p.found}`,
  ),
  'unknown-function': entry<{ name: string; hint: string | undefined; suggestion: string | undefined }>(
    'error',
    'A function Elasticsearch EQL does not have.',
    (p) => `\`${p.name}\` is not an Elasticsearch EQL function` + (p.hint ? `: ${p.hint}` : p.suggestion ? `; did you mean \`${p.suggestion}\`?` : ''),
  ),
  'function-arity': entry<{ name: string; signature: string; expected: string; found: number }>(
    'error',
    'A function called with the wrong number of arguments.',
    (p) => `\`${p.name}\` takes ${p.expected}, found ${p.found}: ${p.signature}`,
  ),
  'argument-type': entry<{ name: string; param: string; expected: string; what: string; found: string }>(
    'error',
    'A function argument of the wrong type.',
    (p) => `the \`${p.param}\` argument of \`${p.name}\` must be ${p.expected}, but ${p.what} is ${p.found}`,
  ),
  'literal-argument': entry<{ name: string; param: string }>(
    'error',
    'A function argument that Elasticsearch requires to be a literal value.',
    (p) => `the \`${p.param}\` argument of \`${p.name}\` must be a literal value, not a field or an expression over fields`,
  ),
  'no-case-insensitive-variant': entry<{ name: string; variants: string }>(
    'error',
    'A `~` (case-insensitive) call of a function that has no such variant.',
    (p) => `\`${p.name}\` has no case-insensitive \`~\` variant (only ${p.variants} have one)`,
  ),
  'invalid-regex': entry<{ message: string }>('error', 'A `regex` pattern that is not a valid Lucene regular expression.', (p) => `invalid regular expression: ${p.message}`),
  'invalid-cidr': entry<{ message: string }>('error', 'A `cidrMatch` block that is not a valid IP address or CIDR block.', (p) => `not a valid CIDR block: ${p.message}`),
  'join-key-type': entry<{ key: string; type: string; firstKey: string; firstType: string; kind: string }>(
    'error',
    'Join keys at the same position of two stages whose types can never be equal.',
    (p) => `${p.kind} key \`${p.key}\` is ${p.type}, but the key at the same position in the first stage, \`${p.firstKey}\`, is ${p.firstType}; keys of different types never join`,
  ),
  'category-field': entry<{ name: string; problem: string }>(
    'error',
    'An event category field (event_category_field / event_category_override) that cannot be used.',
    (p) => `the event category field \`${p.name}\` ${p.problem}`,
  ),
  'timestamp-field': entry<{ name: string; problem: string }>(
    'error',
    'A timestamp field (timestamp_field / timestamp_override) that cannot be used.',
    (p) => `the timestamp field \`${p.name}\` ${p.problem}`,
  ),
  'tiebreaker-field': entry<{ name: string; problem: string }>('error', 'A tiebreaker field that cannot be used.', (p) => `the tiebreaker field \`${p.name}\` ${p.problem}`),
  'field-comparison': entry<{ what: string }>(
    'warning',
    'Extension: a comparison between two fields. Elasticsearch rejects it; eqlkit evaluates it.',
    (p) => `${p.what}: Elasticsearch rejects comparisons against fields ("Comparisons against fields are not (currently) supported"); eqlkit evaluates it locally`,
  ),
  'legacy-pipe': entry<{ name: string }>(
    'warning',
    'Extension: a legacy pipe (count, filter, sort, unique, unique_count). Elasticsearch rejects it; eqlkit runs it.',
    (p) => `Elasticsearch rejects the \`${p.name}\` pipe ("Pipe [${p.name}] is not supported"; it supports \`head\` and \`tail\`); eqlkit runs it locally`,
  ),
  'wildcard-in-equality': entry<{ operator: string }>(
    'warning',
    'A `*` in a string compared with `==`, `!=` or `in`, where it is a literal character, not a wildcard.',
    (p) => `\`${p.operator}\` compares exactly, so this \`*\` is a literal asterisk, not a wildcard; did you mean \`:\` (case-insensitive, with wildcards) or \`like\`?`,
  ),
  'never-true': entry<{ condition: string; other: string }>(
    'warning',
    'A condition that can never be true because another condition joined to it by `and` excludes it.',
    (p) => `\`${p.condition}\` can never be true together with \`${p.other}\` (unless the field holds several values)`,
  ),
  'unknown-category': entry<{ name: string; field: string; suggestion: string | undefined }>(
    'warning',
    'An event category that is not one of the values the category field allows.',
    (p) => `\`${p.name}\` is not an allowed value of \`${p.field}\`${p.suggestion ? `; did you mean \`${p.suggestion}\`?` : ''}`,
  ),
  'category-not-produced': entry<{ name: string; produced: string }>(
    'warning',
    'An event category that the indexes the query searches never produce.',
    (p) => `the indexes this query searches never produce \`${p.name}\` events (they produce ${p.produced}), so this never matches`,
  ),
  'internal-error': entry<{ message: string }>('error', 'A bug in the checker.', (p) => `internal error while checking: ${p.message}`),
} as const;

export type CheckCode = keyof typeof checkCatalog;
export type CheckParams<C extends CheckCode> = Parameters<(typeof checkCatalog)[C]['message']>[0];

/** Codes of the extensions: accepted by eqlkit, rejected by Elasticsearch (errors under `strict`). */
export const EXTENSION_CODES: ReadonlySet<string> = new Set<CheckCode>(['field-comparison', 'legacy-pipe']);

/** Builds the diagnostic for `code`, with its catalog severity (or `severity`) and message. */
export function checkDiagnostic<C extends CheckCode>(code: C, span: Span, params: CheckParams<C>, suggestions?: readonly Suggestion[], severity?: Severity): Diagnostic {
  const e = checkCatalog[code] as Entry<CheckParams<C>>;
  return { code: `eql/${code}`, severity: severity ?? e.severity, message: e.message(params), span, ...(suggestions?.length ? { suggestions } : {}) };
}

/** The one-sentence description of a checker code (`eql/<code>` or `<code>`), for rule listings; undefined if unknown. */
export function checkCodeHelp(code: string): string | undefined {
  const key = code.startsWith('eql/') ? code.slice(4) : code;
  return Object.hasOwn(checkCatalog, key) ? checkCatalog[key as CheckCode].help : undefined;
}
