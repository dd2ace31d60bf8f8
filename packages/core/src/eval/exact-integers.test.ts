import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeQuery } from '../io/query/execute.js';
import { parseExact } from './exact-integers.js';

describe('parseExact', () => {
  it('keeps integers beyond 2^53 exact and leaves everything else as JSON.parse reads it', () => {
    const text = '{"a":9007199254740993,"b":-18446744073709551615,"c":1.12345678901234567890,"d":1234567890123456789e2,"e":"9007199254740993","f":[12345678901234567,5],"g":9007199254740991}';
    expect(parseExact(text)).toEqual({ a: 9007199254740993n, b: -18446744073709551615n, c: 1.1234567890123457, d: 1234567890123456789e2, e: '9007199254740993', f: [12345678901234567n, 5], g: 9007199254740991 });
  });
});

describe('exact long comparisons agree with the pre-filter', () => {
  it('a pre-filtered run finds the same events as a full one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eqlkit-exact-'));
    const file = join(dir, 'e.ndjson');
    const lines = [9007199254740992n, 9007199254740993n, 9007199254740994n].map((pid, i) => `{"@timestamp":${i + 1},"event":{"category":"process"},"id":${i},"process":{"pid":${pid}}}`);
    writeFileSync(file, lines.join('\n') + '\n');
    for (const prefilterMinBytes of [0, Infinity]) {
      const out = await executeQuery('process where process.pid == 9007199254740993', [file], { onInputError: () => {}, prefilterMinBytes });
      expect(out.ok && out.result.kind === 'events' && out.result.hits.map((h) => h.event['id'])).toEqual([1]);
      if (prefilterMinBytes === 0) expect(out.ok && out.stats.prefiltered).toBe(0); // every line has the category, and numbers give the pre-filter no requirement
    }
  });
});
