// How many events the configured sample files hold (for the dry-run code lens), counted once per set of files
// and their sizes and modification times.
import { stat } from 'node:fs/promises';
import { measureInputs, openEventSource } from '@eqlkit/core/io';

/** Above this many bytes the events are not counted (the lens then says "sample events"). */
const MAX_COUNTED_BYTES = 64 << 20;

export class SampleCounter {
  private readonly counts = new Map<string, Promise<number | undefined>>();

  /** The number of records in `specs` (undefined when there are none, or too many bytes to count quickly). */
  async count(specs: readonly string[], cwd: string): Promise<number | undefined> {
    if (specs.length === 0) return undefined;
    const measured = await measureInputs(specs, cwd);
    if (measured.files.length === 0 || measured.totalBytes > MAX_COUNTED_BYTES) return undefined;
    const stamps = await Promise.all(measured.files.map((f) => stat(f.path).then((s) => [f.path, s.size, s.mtimeMs], () => [f.path])));
    const key = JSON.stringify(stamps);
    let p = this.counts.get(key);
    if (!p) {
      p = (async () => {
        let records = 0;
        for await (const batch of openEventSource(measured.files.map((f) => f.path), { cwd, onError: () => {} })) records += batch.count;
        return records;
      })().catch(() => undefined);
      if (this.counts.size > 32) this.counts.clear();
      this.counts.set(key, p);
    }
    return p;
  }
}
