// One query of a document, analysed once: parse (with comments), the schema its rule or settings choose, and the
// diagnostics of `eql check`, all in QUERY offsets. Every feature (completion, hover, formatting, …) is a function
// of an AnalysedQuery; the document layer (document.ts) maps their answers to document offsets.
import type { Expr, Statement } from '../ast/nodes.js';
import { check } from '../check/check.js';
import type { CheckOptions } from '../check/context.js';
import type { ValueType } from '../check/value-types.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parse, type ParseResult } from '../parse.js';
import { SchemaChooser, type QuerySchemas } from '../rules/choose-schemas.js';
import type { BundledSchemas } from '../schema/bundled.js';
import { schemaForIndexes } from '../schema/for-indexes.js';
import type { Schema, SchemaLayer } from '../schema/types.js';
import type { DocumentSettings, EmbeddedQuery } from './api.js';
import { laterSyntaxErrors } from './more-errors.js';
import type { QueryFacts } from './query-facts.js';

/** The settings that apply to one query: the rule's own, over the document's. */
export interface QuerySettings {
  /** The index patterns the schema was chosen for (empty: none given). */
  readonly indexes: readonly string[];
  readonly integrations: readonly string[];
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
  /** Values seen in sample events for a field, most frequent first. */
  readonly sampleValues?: (field: string) => readonly string[];
}

/** Everything the per-query features read (QueryFacts), plus what completion needs. */
export interface AnalysedQuery extends QueryFacts {
  /** The query text (query offsets index into it). */
  readonly text: string;
  /** The parse of the text, comments included; `parse.ast` is undefined when the grammar rejects the text. */
  readonly parse: ParseResult;
  /**
   * `parse.ast` (undefined when the grammar rejects the text: broken text is handled by the cursor context's
   * grammar expectations, the later-error recovery and the features' lexical fallbacks, not by a partial AST).
   */
  readonly ast: Statement | undefined;
  /** Parse + type check, exactly as `eql check` reports them (codes, messages, spans, fixes), in query offsets. */
  readonly diagnostics: readonly Diagnostic[];
  /** The schemas chosen for the query (the rule's indexes and integrations, the configured layers). */
  readonly schemas: QuerySchemas;
  readonly settings: QuerySettings;
  /** The bundled schemas (for per-pattern questions such as "which of the rule's indexes define this field"). */
  readonly bundled: BundledSchemas;
  /** The options `eql check` runs with for this query. */
  readonly checkOptions: CheckOptions;
  readonly schema: Schema;
  readonly indexes: readonly string[];
}

/** Chooses the schema for each query; one per set of user layers, so schemas are built once per index list. */
export class SchemaCache {
  private readonly plain: SchemaChooser;
  private readonly withLayers = new WeakMap<readonly SchemaLayer[], SchemaChooser>();

  constructor(readonly bundled: BundledSchemas) {
    this.plain = new SchemaChooser(bundled);
  }

  for(indexes: readonly string[], integrations: readonly string[], layers: readonly SchemaLayer[] | undefined): QuerySchemas {
    if (!layers?.length) return this.plain.for({ index: indexes, integration: integrations });
    let chooser = this.withLayers.get(layers);
    if (!chooser) this.withLayers.set(layers, (chooser = new SchemaChooser(this.bundled, [], layers)));
    return chooser.for({ index: indexes, integration: integrations });
  }
}

/** The settings of one query: a rule's own values win over the document's. */
export function querySettings(query: EmbeddedQuery, settings: DocumentSettings): QuerySettings {
  const indexes = query.indexes.length ? query.indexes : (settings.indexes ?? []);
  const out: { -readonly [K in keyof QuerySettings]: QuerySettings[K] } = { indexes, integrations: query.integrations ?? [] };
  const timestamp = query.timestampField ?? settings.timestampField;
  const tiebreaker = query.tiebreakerField ?? settings.tiebreakerField;
  const category = query.eventCategoryField ?? settings.eventCategoryField;
  if (timestamp !== undefined) out.timestampField = timestamp;
  if (tiebreaker !== undefined) out.tiebreakerField = tiebreaker;
  if (category !== undefined) out.eventCategoryField = category;
  if (settings.sampleValues) out.sampleValues = settings.sampleValues;
  return out;
}

/** Analyses one query. Never throws; parse and check run on first use. */
export function analyseQuery(text: string, settings: QuerySettings, schemas: QuerySchemas, bundled: BundledSchemas): AnalysedQuery {
  const checkOptions: CheckOptions = {
    schema: schemas.schema,
    targets: schemas.targets,
    patterns: schemas.patterns,
    datasetSchema: schemas.datasetSchema,
    eventCategoryField: settings.eventCategoryField,
    timestampField: settings.timestampField,
    tiebreakerField: settings.tiebreakerField,
    source: text,
  };
  // Parse and check on first use: completion reads neither, so typing never waits for them.
  let parsed: ParseResult | undefined;
  const parseOnce = () => (parsed ??= safeParse(text));
  const types = new WeakMap<Expr, ValueType>();
  let diagnostics: readonly Diagnostic[] | undefined;
  // The same as checkText (eql check), without parsing twice; the checker also records the type of each expression.
  const diagnose = () => {
    const p = parseOnce();
    // A query the grammar rejects: the first error exactly as eql check reports it, then independent later ones.
    return (diagnostics ??= p.ast
      ? sortDiagnostics([...p.diagnostics, ...check(p.ast, { ...checkOptions, inferredTypes: types })])
      : p.diagnostics.length
        ? [...p.diagnostics, ...laterSyntaxErrors(text, p.diagnostics[0])]
        : p.diagnostics);
  };
  const perIndex = new Map<string, Schema>();
  return {
    text,
    get parse() {
      return parseOnce();
    },
    get ast() {
      return parseOnce().ast;
    },
    get comments() {
      return parseOnce().comments;
    },
    get parsedCleanly() {
      const p = parseOnce();
      return p.ast !== undefined && !hasErrors(p.diagnostics);
    },
    get diagnostics() {
      return diagnose();
    },
    schemas,
    schema: schemas.schema,
    indexes: settings.indexes,
    schemaOfIndex(pattern: string): Schema | undefined {
      let s = perIndex.get(pattern);
      // Each Defend pattern alone: only its data stream's fields, so hover can say which index lacks a field.
      if (!s) perIndex.set(pattern, (s = schemaForIndexes(bundled, [pattern], { restrictEndpointStreams: true }).schema));
      return s;
    },
    typeOf(e: Expr): ValueType | undefined {
      diagnose();
      return types.get(e);
    },
    settings,
    bundled,
    checkOptions,
  };
}

function safeParse(text: string): ParseResult {
  try {
    return parse(text, { comments: true });
  } catch (e) {
    // parse promises never to throw; should it ever, the query gets one diagnostic instead of taking the face down.
    const message = `internal error while parsing: ${e instanceof Error ? e.message : String(e)}`;
    return { ast: undefined, diagnostics: [{ code: 'eql/syntax', severity: 'error', message, span: { start: 0, end: text.length } }], comments: [] };
  }
}
