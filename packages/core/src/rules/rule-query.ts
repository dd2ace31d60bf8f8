/**
 * A query to work on, with where it came from: a `.eql` file, a detection-rule `.toml` file, or one line of a
 * Kibana rule export (`.ndjson`). Faces report positions through `origin`.
 */
export interface RuleQuery {
  readonly query: string;
  readonly origin: QueryOrigin;
  readonly ruleId?: string;
  readonly name?: string;
  /** The index patterns the rule searches (schema selection). */
  readonly index?: readonly string[];
  /** Integration packages named in the rule's metadata (schema selection). */
  readonly integration?: readonly string[];
  readonly timestampOverride?: string;
  readonly eventCategoryOverride?: string;
  readonly tiebreakerField?: string;
}

export interface QueryOrigin {
  /** The file (or `-` for standard input). */
  readonly file: string;
  /**
   * Where the query text starts in the file, when it is stored verbatim there (`.eql`, and `'''` strings in
   * TOML): positions are then reported in the file. Otherwise positions are within the query.
   */
  readonly offset?: number;
  /**
   * When the query is stored with escapes or line continuations (a TOML `"…"` or `"""…"""` string): the file
   * offset of each query offset (one entry more than the query's length), so positions are still reported in the file.
   */
  readonly fileOffsets?: readonly number[];
  /** For a line of an `.ndjson` export: its 1-based line number. */
  readonly line?: number;
}

/** Where a query offset lies in the file holding the query, when that is known. */
export function fileOffsetOf(origin: QueryOrigin, queryOffset: number): number | undefined {
  if (origin.offset !== undefined) return origin.offset + queryOffset;
  const map = origin.fileOffsets;
  if (!map?.length) return undefined;
  return map[Math.max(0, Math.min(map.length - 1, Math.floor(queryOffset)))];
}

/** A problem with an input file itself (not with a query in it). */
export interface InputProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** What a file of queries holds. */
export interface QueryFile {
  readonly queries: RuleQuery[];
  readonly problems: InputProblem[];
  /** Rules skipped because their language is not EQL (Kibana exports mix languages). */
  readonly skipped: number;
  /** A `.toml` file without a `[rule]` table (e.g. a project's configuration): skipped when found in a folder. */
  readonly notARule?: boolean;
}
