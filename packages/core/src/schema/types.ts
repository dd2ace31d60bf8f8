// The field-schema model's data types. Pure declarations: the type checker, evaluator, completion and hover all
// read fields through these shapes, whichever source (bundled layers, an ES mapping, a flat map, sample events)
// produced them.

/**
 * The family of an Elasticsearch field type, named as in detection-rules' type-family table
 * (`schemas/type-families.json`) plus `version` and `unknown`. Integer and float stay apart because EQL integer
 * division truncates.
 */
export type TypeFamily =
  | 'keyword' // keyword, constant_keyword, wildcard: exact, case-sensitive strings
  | 'version' // string-shaped, but ordered by semantic version
  | 'ip'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'date'
  | 'text' // text, match_only_text: usable only through a keyword multi-field
  | 'object'
  | 'nested'
  | 'flattened'
  | 'geo_point'
  | 'alias' // only for an alias whose target is not known; resolved aliases take their target's family
  | 'array' // Beats' `type: array` (an unmapped list)
  | 'histogram'
  | 'unknown'; // a type this model does not know; kept verbatim in `esType`

/** A literal `null_value` from a mapping: what an explicit JSON `null` is indexed as. */
export type NullValue = string | number | boolean;

/** One ECS allowed value (e.g. `event.category: "process"`), with the `event.type`s ECS expects alongside it. */
export interface AllowedValue {
  readonly name: string;
  readonly expectedEventTypes?: readonly string[];
}

/** Everything the model knows about one field path. Objects are immutable and may be shared between schemas. */
export interface FieldInfo {
  /** The dotted path as written in queries (for an alias: the alias path, not the target). */
  readonly path: string;
  /** The Elasticsearch mapping type (`keyword`, `long`, …); for a resolved alias, the target's type. */
  readonly esType: string;
  readonly family: TypeFamily;
  /** Which layer or file the winning definition came from, e.g. `ecs-flat`, `integrations:windows/forwarded`. */
  readonly source: string;
  /** First sentence of the upstream description (hover text). */
  readonly description?: string;
  /** Set on a multi-field such as `process.name.caseless` or `tags.keyword`: the field it indexes a second time. */
  readonly multiFieldOf?: string;
  /** The field normally holds an array (ECS `normalize: array`); EQL compares element-wise. */
  readonly arrayNormalized?: boolean;
  /** The value an explicit JSON `null` is indexed as. */
  readonly nullValue?: NullValue;
  /** Date format from the mapping (e.g. `dd-MM-yyyy`); absent means ES's default `strict_date_optional_time||epoch_millis`. */
  readonly format?: string;
  /** For an alias field: the target path. */
  readonly aliasOf?: string;
  /** For a `text` field: a keyword-family multi-field EQL compares through (e.g. `tags.keyword`). */
  readonly exactField?: string;
  /** For a `text` field with several exact keyword multi-fields: them (Elasticsearch then compares through none). */
  readonly exactCandidates?: readonly string[];
  /** ECS allowed values, when ECS lists them. */
  readonly allowedValues?: readonly AllowedValue[];
  /** The `normalizer` of a keyword: Elasticsearch EQL cannot compare such a field exactly. */
  readonly normalizer?: string;
  /** `ignore_above` of a keyword: longer strings are not indexed. */
  readonly ignoreAbove?: number;
  /** For object-like fields: the mapping's `dynamic` setting, or `false` when `enabled: false`. */
  readonly dynamic?: boolean | 'strict' | 'runtime';
  /** Set when the model made this entry up rather than a source declaring it. */
  readonly implicit?: 'object' | 'flattened-leaf' | 'template';
  /** For an `implicit: 'template'` entry: the declared wildcard path (e.g. `aws.*.metrics.*.*`) it matched. */
  readonly template?: string;
  /** For a `flattened-leaf`: the flattened field it lies under. */
  readonly flattenedIn?: string;
  /** The nearest enclosing `nested` field, if any (EQL cannot search inside nested documents). */
  readonly nestedIn?: string;
  /** Other layers that typed this path differently (lower precedence, overridden). */
  readonly overridden?: readonly { readonly source: string; readonly esType: string }[];
}

/** An ordered input to a schema: one file, one index-map layer, one mapping. Paths are the map keys. */
export interface SchemaLayer {
  /** e.g. `ecs-flat`, `endpoint`, `non-ecs:winlogbeat-*`, `integrations:windows/forwarded`, `mapping:my.json`. */
  readonly name: string;
  /** Entries made with `makeField` (absent facts are absent keys, never `key: undefined`). A path containing `*`
   * is a wildcard path (ES dynamic template) that matches concrete paths at lookup. */
  readonly fields: ReadonlyMap<string, FieldInfo>;
  /** Top-level names (a trailing `*` globs) under which this layer is known to be incomplete. */
  readonly partialNamespaces?: readonly string[];
  /** The layer is incomplete everywhere: unknown fields anywhere are warnings. */
  readonly partial?: boolean;
  /** Human-readable remarks (why partial, what was assumed). */
  readonly notes?: readonly string[];
}

/** Two or more types seen for one path (across sample events, or across indices of one mapping response). */
export interface FieldConflict {
  readonly path: string;
  /** Every type seen, in first-seen order. */
  readonly types: readonly string[];
  /** The type the model kept (the first one seen, as ES dynamic mapping would). */
  readonly chosen: string;
  /** True when all types share an EQL value kind (e.g. long and float), so queries still behave. */
  readonly compatible: boolean;
  /** Where each type was seen, when known (index names). */
  readonly sources?: readonly string[];
}

/** The outcome of resolving a path. */
export type Resolution =
  /** Declared, an alias, a multi-field, an intermediate object, or a leaf under a `flattened` field. */
  | { readonly kind: 'field'; readonly field: FieldInfo }
  /** Under an object that declares no children (and allows dynamic ones), or matching a wildcard object path
   * such as `kubernetes.audit.user.extra.*`: accept, type unknown. */
  | { readonly kind: 'dynamic'; readonly container: FieldInfo }
  /** Not known. `partial` says the schema is known to be incomplete there (report a warning, not an error). */
  | { readonly kind: 'unknown'; readonly partial: boolean };

/** The query side of the model: what the checker, evaluator, completion and hover ask. */
export interface Schema {
  /** Layer names, lowest precedence first. */
  readonly layers: readonly string[];
  /** Number of declared paths (including multi-fields and aliases). */
  readonly size: number;
  /** True when no part is known to be incomplete: then every unknown field is an error. */
  readonly isComplete: boolean;
  /** True when the whole schema is a guess (e.g. an unknown index pattern): every unknown field is a warning. */
  readonly isPartialEverywhere: boolean;
  /** Top-level names (a trailing `*` globs) where the schema is known to be incomplete. */
  readonly partialNamespaces: readonly string[];
  /** Remarks for the user: fallbacks taken, stale or missing sources. */
  readonly notes: readonly string[];
  /** The field at `path`, following aliases, multi-fields, intermediate objects and flattened leaves; never throws. */
  lookup(path: string): FieldInfo | undefined;
  /** Like `lookup`, but says why a path is not a field (dynamic object child, unknown, known-incomplete). */
  resolve(path: string): Resolution;
  /** Whether an unknown field at `path` should be a warning rather than an error. */
  isPartialAt(path: string): boolean;
  /** The nearest declared ancestor of `path`, when that ancestor is an object, nested or flattened field. */
  containerOf(path: string): FieldInfo | undefined;
  /** Up to `n` known paths closest to `path` (edit distance with transpositions), best first. */
  suggest(path: string, n?: number): string[];
  /** Every declared path, sorted (code-unit order). */
  allPaths(): readonly string[];
  /** Declared paths starting with `prefix`, sorted; for completion of a half-typed path. */
  withPrefix(prefix: string): Iterable<string>;
  /** Immediate children of `prefix` (`process` or `process.`; `''` for top level) as full paths, sorted; includes implicit objects. */
  children(prefix: string): string[];
}
