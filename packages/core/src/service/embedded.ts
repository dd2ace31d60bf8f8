// The EQL queries a document holds, each with an exact offset map between query text and document:
// a `.eql` document is one query; a detection-rule `.toml` holds the `[rule]` table's `query` in any TOML string
// form, and its `index`, overrides and `[metadata] integration` become the query's settings.
import type { Span } from '../ast/nodes.js';
import type { DocumentKind, EmbeddedQuery } from './api.js';
import { readTomlRule, type TomlRuleFacts } from './toml-rule.js';
import { encodeForTomlString, type DecodedString } from './toml-strings.js';

/** The queries of a document's text. Never throws. */
export function embeddedQueries(text: string, kind: DocumentKind): readonly EmbeddedQuery[] {
  switch (kind) {
    case 'eql':
      return [eqlFileQuery(text)];
    case 'toml': {
      const q = tomlRuleQuery(text);
      return q ? [q] : [];
    }
    case 'ndjson':
      // Kibana exports are read by the CLI (rules/from-export.ts); editing them in place is not supported yet.
      return [];
  }
}

/** A `.eql` document: the whole text (after a byte-order mark) is the query. */
export function eqlFileQuery(text: string): EmbeddedQuery {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const query = text.slice(start);
  return {
    text: query,
    span: { start, end: text.length },
    indexes: [],
    toDocument: (q) => start + clamp(q, 0, query.length),
    toQuery: (d) => (d >= start && d <= text.length ? d - start : undefined),
    encode: (s) => s,
  };
}

/** The query of a detection-rule document, or undefined when it is not an EQL rule or has no `query` yet. */
export function tomlRuleQuery(text: string): EmbeddedQuery | undefined {
  const facts = readTomlRule(text);
  if (!facts.isRule || !facts.query) return undefined;
  if (facts.language !== undefined && facts.language !== 'eql') return undefined;
  return new TomlQuery(facts.query, facts);
}

/** A query decoded from a TOML string; offsets map exactly through escapes and line continuations. */
class TomlQuery implements EmbeddedQuery {
  readonly text: string;
  readonly span: Span;
  readonly ruleId?: string;
  readonly name?: string;
  readonly indexes: readonly string[];
  readonly integrations?: readonly string[];
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;

  constructor(
    private readonly decoded: DecodedString,
    facts: TomlRuleFacts,
  ) {
    this.text = decoded.value;
    this.span = decoded.body;
    this.indexes = facts.index ?? [];
    // Only present keys are set, so that spreading the query never writes `undefined` over a setting.
    if (facts.ruleId !== undefined) this.ruleId = facts.ruleId;
    if (facts.name !== undefined) this.name = facts.name;
    if (facts.integration !== undefined) this.integrations = facts.integration;
    if (facts.timestampOverride !== undefined) this.timestampField = facts.timestampOverride;
    if (facts.tiebreakerField !== undefined) this.tiebreakerField = facts.tiebreakerField;
    if (facts.eventCategoryOverride !== undefined) this.eventCategoryField = facts.eventCategoryOverride;
  }

  // Arrow properties, so that faces may pass the methods around detached.
  readonly toDocument = (queryOffset: number): number => this.decoded.starts[clamp(Math.floor(queryOffset), 0, this.text.length)];

  readonly toQuery = (documentOffset: number): number | undefined => {
    const { starts, ends } = this.decoded;
    if (!(documentOffset >= this.span.start && documentOffset <= this.span.end)) return undefined;
    // The last query position whose source starts at or before the offset…
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= documentOffset) lo = mid;
      else hi = mid - 1;
    }
    // …or the one after it, when the offset lies past that character's source (in a dropped line continuation).
    return lo < this.text.length && documentOffset >= ends[lo] ? lo + 1 : lo;
  };

  readonly encode = (queryText: string): string => encodeForTomlString(queryText, this.decoded.form);
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.max(lo, Math.min(hi, n)) : lo;
}
