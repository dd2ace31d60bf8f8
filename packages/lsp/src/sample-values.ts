/**
 * The values seen in the configured sample events, per field, most frequent first: the language service offers
 * them when completing the right side of a comparison (`process.name : "` → the process names in the samples).
 * Read once per set of sample files (the first few thousand events), in the background.
 */
import { readEvents } from '@eqlkit/core/io';

export type SampleValuesOf = (field: string) => readonly string[];

export interface SampleValueLimits {
  /** Events read at most. */
  readonly maxEvents: number;
  /** Distinct values kept per field. */
  readonly maxValuesPerField: number;
  /** Longer strings are not offered (command lines, scripts). */
  readonly maxValueLength: number;
  /** Values listed per field. */
  readonly listed: number;
}

const DEFAULT_LIMITS: SampleValueLimits = { maxEvents: 5000, maxValuesPerField: 500, maxValueLength: 200, listed: 50 };

/** Counts the string values of `event` under their dotted field names (nested objects, dotted keys and arrays alike). */
export function countValues(event: unknown, counts: Map<string, Map<string, number>>, limits: SampleValueLimits, prefix = ''): void {
  if (Array.isArray(event)) {
    for (const e of event) countValues(e, counts, limits, prefix);
    return;
  }
  if (event !== null && typeof event === 'object') {
    for (const [k, v] of Object.entries(event)) countValues(v, counts, limits, prefix ? `${prefix}.${k}` : k);
    return;
  }
  if (typeof event !== 'string' || !prefix || event.length > limits.maxValueLength) return;
  let values = counts.get(prefix);
  if (!values) counts.set(prefix, (values = new Map()));
  const n = values.get(event);
  if (n !== undefined) values.set(event, n + 1);
  else if (values.size < limits.maxValuesPerField) values.set(event, 1);
}

/** Field → its values, most frequent first (ties in order of first appearance). */
export function valuesOf(counts: Map<string, Map<string, number>>, limits: SampleValueLimits): SampleValuesOf {
  const lists = new Map<string, readonly string[]>();
  for (const [field, values] of counts) {
    lists.set(
      field,
      [...values]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limits.listed)
        .map(([v]) => v),
    );
  }
  return (field: string) => lists.get(field.replace(/^\?/, '')) ?? [];
}

export class SampleValues {
  private readonly cache = new Map<string, Promise<SampleValuesOf | undefined>>();

  constructor(private readonly limits: SampleValueLimits = DEFAULT_LIMITS) {}

  /** The values of `specs` (undefined without samples or when none could be read). The same function for the same files. */
  get(specs: readonly string[], cwd: string): Promise<SampleValuesOf | undefined> {
    if (specs.length === 0) return Promise.resolve(undefined);
    const key = JSON.stringify([cwd, specs]);
    let p = this.cache.get(key);
    if (!p) {
      p = this.read(specs, cwd).catch(() => undefined);
      this.cache.set(key, p);
    }
    return p;
  }

  /** Sample files may have changed: read them again on next use. */
  clear(): void {
    this.cache.clear();
  }

  private async read(specs: readonly string[], cwd: string): Promise<SampleValuesOf | undefined> {
    const counts = new Map<string, Map<string, number>>();
    let events = 0;
    for await (const record of readEvents(specs, { cwd, onError: () => {} })) {
      countValues(record.event, counts, this.limits);
      if (++events >= this.limits.maxEvents) break;
    }
    return events ? valuesOf(counts, this.limits) : undefined;
  }
}
