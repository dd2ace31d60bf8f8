import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { executeQuery, toEsResponse } from '@eqlkit/core/io';
import { check, parseSchemaDocument, type SchemaLayer } from '@eqlkit/core';
import { repoRoot, sharedPath, type ConformanceCase } from './shared.js';

interface SuiteSettings {
  timestamp_field: string;
  event_category_field: string;
  tiebreaker_field: string | null;
  id_field: string;
  size: number;
}

interface Manifest {
  datasets: Record<string, { file: string; fields?: string }>;
  suites: Record<string, { file: string; settings: SuiteSettings }>;
}

/**
 * A directory laid out like ../shared/conformance: `manifest.json` (datasets and suites with their runner settings),
 * data files and suite files named relative to it.
 */
export class ConformanceCorpus {
  private manifestCache: Manifest | undefined;
  private readonly layers = new Map<string, SchemaLayer | undefined>();

  /** `root` may be computed when first needed (the shared folder: a test that never reads it does not need it). */
  constructor(private readonly rootOf: string | (() => string)) {}

  get root(): string {
    return typeof this.rootOf === 'string' ? this.rootOf : this.rootOf();
  }

  get manifest(): Manifest {
    return (this.manifestCache ??= JSON.parse(readFileSync(join(this.root, 'manifest.json'), 'utf8')) as Manifest);
  }

  /** Every case of every suite in the manifest, in manifest order. */
  cases(): ConformanceCase[] {
    return Object.entries(this.manifest.suites).flatMap(([suite, s]) =>
      (JSON.parse(readFileSync(join(this.root, s.file), 'utf8')) as Omit<ConformanceCase, 'suite'>[]).map((c) => ({ ...c, suite })),
    );
  }

  dataFile(dataset: string): string {
    const d = this.manifest.datasets[dataset];
    if (!d) throw new Error(`${this.root}: no dataset ${dataset} in manifest.json`);
    return join(this.root, d.file);
  }

  /** The schema layer of a dataset's field map (the same facts the CLI receives as `--mapping`). */
  layerFor(dataset: string): SchemaLayer | undefined {
    if (!this.layers.has(dataset)) {
      const fields = this.manifest.datasets[dataset]?.fields;
      this.layers.set(dataset, fields ? parseSchemaDocument(JSON.parse(readFileSync(join(this.root, fields), 'utf8')), `mapping:${dataset}`).layer : undefined);
    }
    return this.layers.get(dataset);
  }
}

/** Elasticsearch's public suites (../shared/conformance). */
export const sharedCorpus = new ConformanceCorpus(() => sharedPath('conformance'));
/** Our own cases for what the public suites do not cover (test/conformance/own). */
export const ownCorpus = new ConformanceCorpus(join(repoRoot, 'test/conformance/own'));

export interface CaseOutcome {
  ids: number[];
  keys: string[];
  ok: boolean;
  error?: string;
}

/** Runs one conformance case in-process through the same path as `eql query --format es`, and compares. */
export async function runConformanceCase(c: ConformanceCase, corpus: ConformanceCorpus = sharedCorpus): Promise<CaseOutcome> {
  const suite = corpus.manifest.suites[c.suite];
  if (!suite) throw new Error(`${corpus.root}: no suite ${c.suite} in manifest.json`);
  const s = suite.settings;
  const sets = Array.isArray(c.dataset) ? c.dataset : [c.dataset];
  const errors: string[] = [];
  const outcome = await executeQuery(c.query, sets.map((d) => corpus.dataFile(d)), {
    timestampField: s.timestamp_field,
    eventCategoryField: s.event_category_field,
    tiebreakerField: s.tiebreaker_field ?? undefined,
    size: c.size ?? s.size,
    ...(c.result_position ? { resultPosition: c.result_position } : {}),
    maxSamplesPerKey: c.max_samples_per_key,
    layers: sets.map((d) => corpus.layerFor(d)).filter((l): l is SchemaLayer => l !== undefined),
    onInputError: (e) => errors.push(e.message),
    // The pre-filter runs on every case, however small the data, so that the suites test it too.
    prefilterMinBytes: 0,
    // A case that expects Elasticsearch to reject the query runs the checker too, as `eql query` does.
    ...(c.expected_error
      ? { check: (ast, schema) => check(ast, { schema, source: c.query, eventCategoryField: s.event_category_field, timestampField: s.timestamp_field }) }
      : {}),
  });
  if (!outcome.ok) {
    const error = outcome.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
    return { ids: [], keys: [], ok: c.expected_error !== undefined && outcome.diagnostics.some((d) => d.code === c.expected_error), error };
  }
  if (c.expected_error) return { ids: [], keys: [], ok: false, error: `expected the query to be rejected with ${c.expected_error}, but it ran` };
  const body = toEsResponse(outcome.result, outcome.tookMs) as { hits: { events?: { _source: Record<string, unknown> }[]; sequences?: { join_keys?: unknown[]; events: { _source: Record<string, unknown> }[] }[] } };
  const idOf = (e: { _source: Record<string, unknown> }) => (Object.keys(e._source).length ? Number(getPath(e._source, s.id_field)) : -1);
  const ids = body.hits.sequences ? body.hits.sequences.flatMap((q) => q.events.map(idOf)) : (body.hits.events ?? []).map(idOf);
  const keys = (body.hits.sequences ?? []).flatMap((q) => (q.join_keys ?? []).map((k) => (k === null ? 'null' : String(k))));
  const wants = c.expected_event_ids_any_of ?? [c.expected_event_ids ?? []];
  const okIds = wants.some((w) => JSON.stringify(w) === JSON.stringify(ids));
  const wantKeys = (c.join_keys ?? []).map((k) => (k === null ? 'null' : String(k)));
  const okKeys = wantKeys.length === 0 || JSON.stringify(wantKeys) === JSON.stringify(keys);
  return { ids, keys, ok: okIds && okKeys && errors.length === 0, ...(errors.length ? { error: errors.join('; ') } : {}) };
}

function getPath(src: Record<string, unknown>, path: string): unknown {
  if (path in src) return src[path];
  let v: unknown = src;
  for (const p of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}
