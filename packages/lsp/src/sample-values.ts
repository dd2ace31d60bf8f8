/**
 * The values seen in the configured sample events, per field, most frequent first: the language service offers
 * them when completing the right side of a comparison (`process.name : "` → the process names in the samples).
 * Read once per set of sample files (the first few thousand events), in the background.
 */
import { countValues, DEFAULT_SAMPLE_VALUE_LIMITS, valuesOf, type SampleValueLimits, type SampleValuesOf } from '@eqlkit/core';
import { readEvents } from '@eqlkit/core/io';

export class SampleValues {
  private readonly cache = new Map<string, Promise<SampleValuesOf | undefined>>();

  constructor(private readonly limits: SampleValueLimits = DEFAULT_SAMPLE_VALUE_LIMITS) {}

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
