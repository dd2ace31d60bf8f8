// What every check needs: the options, the diagnostics collected so far, and how to quote source text.
import type { Expr, Span } from '../ast/nodes.js';
import type { Diagnostic, Suggestion } from '../diagnostics/diagnostic.js';
import { fieldText, literalText } from '../format/format.js';
import type { PatternResolution } from '../schema/index-patterns.js';
import type { SeparateTarget } from '../schema/for-indexes.js';
import type { Schema } from '../schema/types.js';
import { checkDiagnostic, EXTENSION_CODES, type CheckCode, type CheckParams } from './catalog.js';
import type { ValueType } from './value-types.js';

/** Options of `check`. Every property is optional: without a schema only schema-independent checks run. */
export interface CheckOptions {
  /** The fields of the indexes the query searches (e.g. `schemaForIndexes(…).schema`). */
  readonly schema?: Schema;
  /** Independent targets every non-sequence query must also pass (e.g. `endgame` for `endgame-*`). */
  readonly targets?: readonly SeparateTarget[];
  /** How the index patterns were resolved; used to know which event categories the data can hold. */
  readonly patterns?: readonly PatternResolution[];
  /** The field `<category> where` tests (Elasticsearch `event_category_field`, a rule's `event_category_override`). Default `event.category`. */
  readonly eventCategoryField?: string;
  /** The timestamp field (`timestamp_field`, a rule's `timestamp_override`); checked only when given. */
  readonly timestampField?: string;
  /** The tiebreaker field (`tiebreaker_field`); checked only when given. */
  readonly tiebreakerField?: string;
  /** Report extensions Elasticsearch rejects (field-to-field comparisons, legacy pipes) as errors, not warnings. */
  readonly strict?: boolean;
  /**
   * The schema of specific integration datasets (see `datasetSchemaFor`): a query or stage that pins
   * `event.dataset` to literals is also checked against it. Undefined result: nothing narrower is known.
   */
  readonly datasetSchema?: (datasets: readonly string[]) => Schema | undefined;
  /** The query text the AST was parsed from; lets suggestions keep the author's spelling and locate errors inside strings. */
  readonly source?: string;
  /**
   * Receives the type the checker infers for every expression it visits (hover shows them). The checker only
   * writes to it; pass a fresh map per AST.
   */
  readonly inferredTypes?: WeakMap<Expr, ValueType>;
}

export const DEFAULT_CATEGORY_FIELD = 'event.category';

/** Mutable state of one `check` run. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly schema: Schema | undefined;
  readonly categoryField: string;
  /** True while checking a query that must also pass the separate targets (non-sequence queries). */
  checkTargets = false;
  /** The datasets the event query being checked pins, and their schema (set per query/stage). */
  stage: { readonly datasets: readonly string[]; readonly schema: Schema } | undefined = undefined;
  /** True while visiting a join key: keys are grouped on, never compared, so exactness does not matter there. */
  joinKey = false;
  /** The type of every visited expression, for checks that look at a node after its children (join keys). */
  readonly types: WeakMap<Expr, ValueType>;

  constructor(readonly options: CheckOptions) {
    this.types = options.inferredTypes ?? new Map<Expr, ValueType>();
    this.schema = options.schema;
    this.categoryField = options.eventCategoryField ?? DEFAULT_CATEGORY_FIELD;
  }

  report<C extends CheckCode>(code: C, span: Span, params: CheckParams<C>, suggestions?: readonly Suggestion[], severity?: Diagnostic['severity']): void {
    const upgraded = this.options.strict && EXTENSION_CODES.has(code) ? 'error' : severity;
    this.diagnostics.push(checkDiagnostic(code, span, params, suggestions, upgraded));
  }

  /** The source text of `span`, when the source was given. */
  slice(span: Span): string | undefined {
    const s = this.options.source;
    return s !== undefined && span.end <= s.length ? s.slice(span.start, span.end) : undefined;
  }

  /** How `e` is written: its source text, or a canonical rendering of a field or literal; undefined otherwise. */
  textOf(e: Expr): string | undefined {
    const text = this.slice(e.span);
    if (text !== undefined) return text;
    if (e.kind === 'field') return fieldText(e);
    if (e.kind === 'string' || e.kind === 'number' || e.kind === 'boolean' || e.kind === 'null') return literalText(e);
    return undefined;
  }

  /** `textOf`, shortened for messages. */
  short(e: Expr, max = 60): string {
    const t = (this.textOf(e) ?? '…').replace(/\s+/g, ' ');
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
  }
}
