/**
 * The fields of the loaded data: a schema layer inferred from the events (as Elasticsearch's dynamic mapping would
 * type them), so the loaded data checks and completes like an index with that mapping, and per-field counts for
 * `.fields`. Small inputs are read whole; large ones are sampled from the start of each file (the layer only needs
 * to see each field once), while `.fields` counts over everything.
 */
import { countValues, DEFAULT_SAMPLE_VALUE_LIMITS, inferSchema, valuesOf, type InferenceResult, type SampleValueLimits, type SampleValuesOf } from '@eqlkit/core';
import { openEventSource, type InputError } from '@eqlkit/core/io';

/** Events kept for inferring types (per load). */
const SAMPLE_EVENTS = 20_000;

export interface FieldCount {
  readonly path: string;
  /** JSON types seen (`string`, `number`, `boolean`, `object`, `array`). */
  readonly types: readonly string[];
  /** Events that have a non-null value for it. */
  readonly events: number;
}

export interface FieldInventory {
  readonly events: number;
  readonly fields: readonly FieldCount[];
  /** True when every record was read (false when stopped by the record limit). */
  readonly complete: boolean;
}

/** Distinct values remembered per field and how many are offered (value completion offers the most frequent). */
const VALUE_LIMITS: SampleValueLimits = { ...DEFAULT_SAMPLE_VALUE_LIMITS, maxValuesPerField: 200, maxValueLength: Infinity };

export interface DataSample {
  readonly inferred: InferenceResult;
  /** The string values seen for a field, most frequent first. */
  readonly values: SampleValuesOf;
}

/** A layer inferred from up to {@link SAMPLE_EVENTS} events of `specs` (reading stops there), and their string values. */
export async function sampleData(specs: readonly string[], onError: (e: InputError) => void, limit = SAMPLE_EVENTS): Promise<DataSample | undefined> {
  if (specs.length === 0) return undefined;
  const events: object[] = [];
  const counts = new Map<string, Map<string, number>>();
  // Leaving the loop closes the source.
  for await (const batch of openEventSource(specs, { onError })) {
    for (let i = 0; i < batch.count && events.length < limit; i++) {
      const ev = batch.parse(i);
      if (!ev) continue;
      events.push(ev);
      countValues(ev, counts, VALUE_LIMITS);
    }
    if (events.length >= limit) break;
  }
  return { inferred: inferSchema(events, { source: 'loaded data' }), values: valuesOf(counts, VALUE_LIMITS) };
}

const jsonType = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** Counts, for every field path, the events that have a value for it. Checks `signal` between batches. */
export async function countFields(
  specs: readonly string[],
  opts: { onError: (e: InputError) => void; signal?: AbortSignal; onRecords?: (n: number) => void },
): Promise<FieldInventory> {
  const seen = new Map<string, { types: Set<string>; events: number }>();
  let events = 0;
  const visit = (value: unknown, path: string, marks: Set<string>): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      for (const el of value) visit(el, path, marks);
      if (path) note(path, 'array', marks);
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k, marks);
      return;
    }
    note(path, jsonType(value), marks);
  };
  const note = (path: string, type: string, marks: Set<string>): void => {
    let s = seen.get(path);
    if (!s) seen.set(path, (s = { types: new Set(), events: 0 }));
    s.types.add(type);
    if (!marks.has(path)) {
      marks.add(path);
      s.events++;
    }
  };
  let complete = true;
  for await (const batch of openEventSource(specs, { onError: opts.onError })) {
    if (opts.signal?.aborted) {
      complete = false;
      break;
    }
    for (let i = 0; i < batch.count; i++) {
      const ev = batch.parse(i);
      if (!ev) continue;
      events++;
      visit(ev, '', new Set());
    }
    opts.onRecords?.(events);
  }
  const fields = [...seen.entries()]
    .map(([path, s]) => ({ path, types: [...s.types].filter((t) => t !== 'array').concat(s.types.has('array') ? ['array'] : []), events: s.events }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { events, fields, complete };
}
