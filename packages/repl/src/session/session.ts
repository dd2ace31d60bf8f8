/**
 * One REPL session: the loaded data, the schema files and indexes that check queries, the settings, and the last
 * results. Queries run through core's `executeQuery`, the path `eql query` takes (worker threads and the pre-filter
 * for large files), so the REPL and the command cannot disagree; "loaded" data is re-read on each query, which
 * keeps memory bounded whatever the data's size.
 */
import { check, hasErrors, type Schema, type Statement, type Diagnostic, type InferenceResult, type QueryResult, type RuleQuery, type RunStats, type SchemaLayer, EvalInputError, type CompiledQuery, type SessionProgress, type StageCount, QueryAbortedError } from '@eqlkit/core';
import { executeQuery, formatInputError, type InputError } from '@eqlkit/core/io';
import { analysisFor, schemaSummary, type Analysis, type AnalysisSettings } from './analysis.js';
import { countFields, sampleData, type DataSample, type FieldInventory } from './data-fields.js';
import { defaultSettings, type Settings } from './settings.js';

/** Input problems that make a whole file unreadable (the others are bad records, skipped and counted). */
const FILE_PROBLEMS = new Set(['not-found', 'is-directory', 'unreadable', 'no-match', 'read-error', 'not-text']);
/** Input errors kept for showing (the rest are counted). */
const KEPT_INPUT_ERRORS = 20;

export interface SessionOptions {
  /** Event files and globs loaded at start. */
  readonly data?: readonly string[];
  /** Layers from schema and mapping files (lowest precedence first). */
  readonly layers?: readonly SchemaLayer[];
  /** Index patterns whose bundled schemas check the queries. */
  readonly indexes?: readonly string[];
  readonly settings?: Partial<Settings>;
  /** The worker entry for large inputs (the CLI's bundled `query-worker.cjs`); none: one thread. */
  readonly workerScript?: string | URL;
  readonly threads?: number;
  /** Field settings of the project configuration: below `.set`/flags and below a rule's own. */
  readonly fieldDefaults?: FieldSettings;
  /** Directory that relative data paths resolve against (default: the process's). */
  readonly cwd?: string;
}

export interface FieldSettings {
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
}

/** Where a query came from: typed (`<input>`) or loaded from a `.eql`/`.toml` file (with the rule's settings). */
export interface QuerySource {
  readonly text: string;
  /** For messages: `<input>`, `<stdin>:12`, or the file. */
  readonly label: string;
  /** The line of the label where the query starts (1-based; piped input counts lines). */
  readonly line?: number;
  /** The column (0-based) where the query's first line starts in that line (after `.check `, say). */
  readonly column?: number;
  /** A rule's own settings: indexes and field overrides. */
  readonly rule?: RuleQuery;
}

export interface RunControl {
  readonly signal?: AbortSignal;
  /** Keep the report as the session's last results (default true; false for helper runs such as `.stages`'). */
  readonly remember?: boolean;
  /** Counters as the run goes: records and bytes read so far, of how many bytes. */
  readonly onProgress?: (p: SessionProgress) => void;
}

export type QueryReport =
  | { readonly kind: 'invalid'; readonly source: QuerySource; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'no-data'; readonly source: QuerySource }
  | { readonly kind: 'cancelled'; readonly source: QuerySource; readonly tookMs: number }
  | { readonly kind: 'failed'; readonly source: QuerySource; readonly message: string }
  | {
      readonly kind: 'done';
      readonly source: QuerySource;
      /** Warnings of the check (the query ran). */
      readonly diagnostics: readonly Diagnostic[];
      readonly result: QueryResult;
      readonly compiled: CompiledQuery;
      readonly stats: RunStats;
      /** The timestamp, tiebreaker and category fields the query ran with. */
      readonly fields: FieldSettings;
      /** Events matched per stage (and `until`). */
      readonly stages: readonly StageCount[];
      readonly tookMs: number;
      readonly workers: number;
      readonly warnings: readonly string[];
      /** The first input problems (see `inputErrorCount`). */
      readonly inputErrors: readonly InputError[];
      readonly inputErrorCount: number;
      readonly unreadable: number;
    };

export class ReplSession {
  readonly settings: Settings;
  private dataSpecs: string[] = [];
  private readonly schemaLayers: SchemaLayer[];
  private indexList: string[];
  private dataSample: DataSample | undefined;
  private dataLayerFor = '';
  private inventory: { key: string; value: FieldInventory } | undefined;
  private analysisCache: { key: string; value: Analysis } | undefined;
  /** The last query that ran to the end. */
  last: Extract<QueryReport, { kind: 'done' }> | undefined;

  constructor(private readonly options: SessionOptions = {}) {
    this.settings = { ...defaultSettings(), ...options.settings };
    this.dataSpecs = [...(options.data ?? [])];
    this.schemaLayers = [...(options.layers ?? [])];
    this.indexList = [...(options.indexes ?? [])];
  }

  get data(): readonly string[] {
    return this.dataSpecs;
  }

  get indexes(): readonly string[] {
    return this.indexList;
  }

  get layers(): readonly SchemaLayer[] {
    return this.schemaLayers;
  }

  /** Adds event files or globs to the loaded data (already loaded ones are not added twice). */
  addData(specs: readonly string[]): void {
    for (const s of specs) if (!this.dataSpecs.includes(s)) this.dataSpecs.push(s);
  }

  /** Forgets all loaded data. */
  clearData(): void {
    this.dataSpecs = [];
  }

  setIndexes(patterns: readonly string[]): void {
    this.indexList = patterns.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  }

  /**
   * Reads a sample of the loaded data to learn its fields (types as Elasticsearch's dynamic mapping gives them),
   * once per set of files. Input problems go to `onError`.
   */
  async learnData(onError: (e: InputError) => void = () => {}): Promise<InferenceResult | undefined> {
    const key = JSON.stringify(this.dataSpecs);
    if (this.dataLayerFor !== key) {
      this.dataSample = await sampleData(this.dataSpecs, onError);
      this.dataLayerFor = key;
    }
    return this.dataSample?.inferred;
  }

  /** String values seen in the loaded data for `field`, most frequent first (for value completion). */
  readonly sampleValues = (field: string): readonly string[] => this.dataSample?.values(field) ?? [];

  /** The field paths learned from the loaded data (after {@link learnData}). */
  learnedFields(): readonly string[] | undefined {
    return this.dataSample ? [...this.dataSample.inferred.layer.fields.keys()].sort() : undefined;
  }

  /** The schema layers that check typed queries, and the schema's remarks. */
  schemaNotes(): { layers: readonly string[]; notes: readonly string[] } {
    return schemaSummary(this.analysisSettings());
  }

  /** Every field of the loaded data with the events that have it (a full read, cached per set of files). */
  async fieldInventory(control: RunControl & { onError?: (e: InputError) => void } = {}): Promise<FieldInventory> {
    const key = JSON.stringify(this.dataSpecs);
    if (this.inventory?.key === key) return this.inventory.value;
    const value = await countFields(this.dataSpecs, {
      onError: control.onError ?? (() => {}),
      signal: control.signal,
      onRecords: (records) => control.onProgress?.({ records, parsed: records }),
    });
    if (value.complete) this.inventory = { key, value };
    return value;
  }

  /** The timestamp, tiebreaker and category fields for a query: `.set` and flags, then the rule's own, then the project's. */
  fieldsFor(rule?: RuleQuery): FieldSettings {
    const s = this.settings;
    const d = this.options.fieldDefaults ?? {};
    return {
      timestampField: s.timestampField ?? rule?.timestampOverride ?? d.timestampField,
      tiebreakerField: s.tiebreakerField ?? rule?.tiebreakerField ?? d.tiebreakerField,
      eventCategoryField: s.eventCategoryField ?? rule?.eventCategoryOverride ?? d.eventCategoryField,
    };
  }

  /** The settings the language service sees for typed queries (or for a rule's own indexes). */
  analysisSettings(rule?: RuleQuery): AnalysisSettings {
    return {
      indexes: rule?.index?.length ? rule.index : this.indexList,
      layers: [...(this.dataSample ? [this.dataSample.inferred.layer] : []), ...this.schemaLayers],
      sampleValues: this.sampleValues,
      ...this.fieldsFor(rule),
    };
  }

  /** The analysis (diagnostics, completion, highlighting) of typed queries under the current settings. */
  analysis(rule?: RuleQuery): Analysis {
    const settings = this.analysisSettings(rule);
    const key = JSON.stringify([settings.indexes, settings.timestampField, settings.tiebreakerField, settings.eventCategoryField, this.dataLayerFor, this.schemaLayers.length]);
    if (rule) return analysisFor(settings);
    if (this.analysisCache?.key !== key) this.analysisCache = { key, value: analysisFor(settings) };
    return this.analysisCache.value;
  }

  /** Checks and runs a query over the loaded data. Never throws: every outcome is a report. */
  async run(source: QuerySource, control: RunControl = {}): Promise<QueryReport> {
    const started = performance.now();
    await this.learnData();
    const rule = source.rule;
    const checked = this.analysis(rule).diagnostics(source.text);
    if (hasErrors(checked)) return { kind: 'invalid', source, diagnostics: checked };
    if (this.dataSpecs.length === 0) return { kind: 'no-data', source };
    const s = this.settings;
    const warnings: string[] = [];
    const inputErrors: InputError[] = [];
    let inputErrorCount = 0;
    let unreadable = 0;
    try {
      const outcome = await executeQuery(source.text, this.dataSpecs, {
        ...this.fieldsFor(rule),
        size: s.size,
        resultPosition: s.resultPosition,
        maxSamplesPerKey: s.maxSamplesPerKey,
        layers: this.schemaLayers,
        strict: s.strict,
        threads: this.options.threads,
        workerScript: this.options.workerScript,
        // Strict mode: extensions beyond Elasticsearch are errors too (the service reports them as warnings).
        ...(s.strict ? { check: (ast: Statement, schema: Schema | undefined) => check(ast, { schema, strict: true, source: source.text }) } : {}),
        cwd: this.options.cwd,
        signal: control.signal,
        onProgress: control.onProgress,
        onInputError: (e) => {
          inputErrorCount++;
          if (FILE_PROBLEMS.has(e.kind)) unreadable++;
          if (inputErrors.length < KEPT_INPUT_ERRORS) inputErrors.push(e);
        },
        onWarning: (w) => warnings.push(w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}` : w.message),
      });
      if (!outcome.ok) return { kind: 'invalid', source, diagnostics: outcome.diagnostics };
      const report = {
        kind: 'done' as const,
        source,
        diagnostics: [...checked, ...outcome.diagnostics.filter((d) => !checked.some((c) => c.code === d.code && c.span.start === d.span.start))],
        result: outcome.result,
        compiled: outcome.compiled,
        stats: outcome.stats,
        stages: outcome.stages,
        fields: this.fieldsFor(rule),
        tookMs: outcome.tookMs,
        workers: outcome.workers,
        warnings,
        inputErrors,
        inputErrorCount,
        unreadable,
      };
      if (control.remember !== false) this.last = report;
      return report;
    } catch (e) {
      if (e instanceof QueryAbortedError || control.signal?.aborted) return { kind: 'cancelled', source, tookMs: performance.now() - started };
      if (e instanceof EvalInputError) return { kind: 'failed', source, message: e.message };
      return { kind: 'failed', source, message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
}

export { formatInputError };
