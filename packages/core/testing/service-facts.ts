// Test support for the language service's per-query features: a query with a cursor marker (`█`) → the
// analysed query (parse + check against the bundled schemas of some indexes) and the cursor's offset.
import type { Expr } from '../src/ast/nodes.js';
import { check } from '../src/check/check.js';
import type { ValueType } from '../src/check/value-types.js';
import { hasErrors, sortDiagnostics } from '../src/diagnostics/diagnostic.js';
import { loadBundledSchemas } from '../src/io/schemas/load-bundled.js';
import { parse } from '../src/parse.js';
import { schemaForIndexes } from '../src/schema/for-indexes.js';
import type { QueryFacts } from '../src/service/query-facts.js';

export { applyEdits } from '../src/text/apply-edits.js';

export const CURSOR = '█';

/** The Defend process and network streams, as the example rule searches them. */
export const EXAMPLE_INDEXES = ['logs-endpoint.events.process-*', 'logs-endpoint.events.network-*'];

/** Removes the cursor marker; returns the text and the marker's offset (the end of the text without one). */
export function withCursor(marked: string): { text: string; offset: number } {
  const at = marked.indexOf(CURSOR);
  return at < 0 ? { text: marked, offset: marked.length } : { text: marked.slice(0, at) + marked.slice(at + CURSOR.length), offset: at };
}

/** Parses and checks `text` against the bundled schemas of `indexes` (default: the example rule's). */
export function analyse(text: string, indexes: readonly string[] = EXAMPLE_INDEXES): QueryFacts {
  const bundled = loadBundledSchemas();
  const parsed = parse(text, { comments: true });
  const { schema, targets, patterns } = schemaForIndexes(bundled, indexes, { integrations: ['endpoint'] });
  const types = new WeakMap<Expr, ValueType>();
  const checked = parsed.ast ? check(parsed.ast, { schema, targets, patterns, source: text, inferredTypes: types }) : [];
  return {
    text,
    ast: parsed.ast,
    comments: parsed.comments,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...checked]),
    parsedCleanly: parsed.ast !== undefined && !hasErrors(parsed.diagnostics),
    schema,
    indexes,
    schemaOfIndex: (pattern) => schemaForIndexes(bundled, [pattern], { restrictEndpointStreams: true }).schema,
    typeOf: (e) => types.get(e),
  };
}

/** `analyse` of a marked text, with the cursor offset. */
export function analyseAt(marked: string, indexes?: readonly string[]): { facts: QueryFacts; offset: number } {
  const { text, offset } = withCursor(marked);
  return { facts: analyse(text, indexes), offset };
}

