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
  /** For a line of an `.ndjson` export: its 1-based line number. */
  readonly line?: number;
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
