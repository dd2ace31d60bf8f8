/**
 * The first half of a query session: query text → parsed, checked and compiled query, or the diagnostics that
 * stop it. Done once per query text; the compiled query can then run over any number of sources.
 */
import type { Statement } from '../ast/nodes.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { check } from '../check/check.js';
import { compileStatement, type CompiledQuery, type EvalOptions } from '../eval/compile.js';
import { parse } from '../parse.js';
import { buildSchema } from '../schema/schema.js';
import type { Schema, SchemaLayer } from '../schema/types.js';

export interface PrepareOptions extends Omit<EvalOptions, 'schema'> {
  /** Schema layers (mappings, schema files; lowest precedence first); none → fields typed by their JSON values. */
  readonly layers?: readonly SchemaLayer[];
  /** Extra checks on the parsed statement (the type checker), given the schema; their errors stop the query. */
  readonly check?: (ast: Statement, schema: Schema | undefined) => readonly Diagnostic[];
}

/** A query ready to run. */
export interface PreparedQuery {
  readonly text: string;
  readonly ast: Statement;
  readonly compiled: CompiledQuery;
  readonly schema: Schema | undefined;
  readonly options: PrepareOptions;
}

export type Prepared =
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: true; readonly diagnostics: readonly Diagnostic[]; readonly query: PreparedQuery };

/** The schema built from layers, or undefined when there are none. */
export function schemaFromLayers(layers: readonly SchemaLayer[] | undefined): Schema | undefined {
  return layers && layers.length ? buildSchema(layers) : undefined;
}

/** Parses, checks and compiles `text`. Never throws on bad text: errors come back as diagnostics. */
export function prepareQuery(text: string, options: PrepareOptions = {}): Prepared {
  const parsed = parse(text);
  const schema = schemaFromLayers(options.layers);
  const diagnostics = [...parsed.diagnostics, ...(parsed.ast && options.check ? options.check(parsed.ast, schema) : [])];
  if (!parsed.ast || hasErrors(diagnostics)) return { ok: false, diagnostics };
  const compiled = compileStatement(parsed.ast, { ...options, schema });
  return { ok: true, diagnostics, query: { text, ast: parsed.ast, compiled, schema, options } };
}

export interface RunCheckOptions {
  /** The query text (suggestions keep the author's spelling). */
  readonly source: string;
  /** Extensions are errors. */
  readonly strict?: boolean;
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
}

/**
 * The checks a query gets before it runs (`eql query`, the dry run, the REPL): the type checker, with the ordering
 * fields checked only against a schema the user gave (without one, fields are typed by the events themselves).
 */
export function runChecks(o: RunCheckOptions): NonNullable<PrepareOptions['check']> {
  return (ast, schema) =>
    check(ast, {
      schema,
      strict: o.strict,
      source: o.source,
      eventCategoryField: o.eventCategoryField,
      timestampField: schema ? o.timestampField : undefined,
      tiebreakerField: schema ? o.tiebreakerField : undefined,
    });
}
