import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SampleValues } from './sample-values.js';

describe('sample values for completion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eqlkit-samples-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each field’s string values, most frequent first, from nested objects, dotted keys and arrays', async () => {
    const events = [
      { process: { name: 'cmd.exe', args: ['cmd.exe', '/c'] }, 'event.type': ['start'] },
      { process: { name: 'powershell.exe', pid: 4 }, event: { type: 'start' } },
      { process: { name: 'cmd.exe', command_line: 'x'.repeat(500) } },
    ];
    writeFileSync(join(dir, 'a.ndjson'), events.map((e) => JSON.stringify(e)).join('\n') + '\n{broken\n');
    const samples = new SampleValues();
    const values = await samples.get(['*.ndjson'], dir);
    expect(values?.('process.name')).toEqual(['cmd.exe', 'powershell.exe']);
    expect(values?.('?process.name')).toEqual(['cmd.exe', 'powershell.exe']);
    expect(values?.('process.args')).toEqual(['cmd.exe', '/c']);
    expect(values?.('event.type')).toEqual(['start']);
    expect(values?.('process.pid')).toEqual([]); // numbers are not offered as strings
    expect(values?.('process.command_line')).toEqual([]); // too long to be a useful completion
    expect(await samples.get(['*.ndjson'], dir)).toBe(values); // one function per set of files (the service caches by it)
    expect(await samples.get(['missing.ndjson'], dir)).toBeUndefined();
    expect(await samples.get([], dir)).toBeUndefined();
  });
});
