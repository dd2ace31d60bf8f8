import { describe, expect, it } from 'vitest';
import { loadBundledSchemas } from '../io/schemas/index.js';
import { schemaForIndexes } from './for-indexes.js';
import { osaDistance } from '../text/edit-distance.js';
import { Suggester } from './suggest.js';

describe('osaDistance', () => {
  it.each([
    ['name', 'name', 0],
    ['nmae', 'name', 1], // transposition
    ['nam', 'name', 1],
    ['nme', 'name', 1],
    ['naem', 'name', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ] as const)('%s ↔ %s = %i', (a, b, d) => {
    expect(osaDistance(a, b, 10)).toBe(d);
    expect(osaDistance(b, a, 10)).toBe(d);
  });

  it('stops at the limit', () => {
    expect(osaDistance('kitten', 'sitting', 1)).toBe(2);
    expect(osaDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('Suggester', () => {
  it('prefers the same parent on equal distance', () => {
    const s = new Suggester(['process.name', 'process.pid', 'parent.name', 'process.nane']);
    expect(s.suggest('process.nama', 3)).toEqual(['process.name', 'process.nane']);
    expect(s.suggest('x', 0)).toEqual([]);
  });
});

describe('suggest on a real schema', () => {
  const bundled = loadBundledSchemas();
  const { schema } = schemaForIndexes(bundled, ['logs-endpoint.events.process-*', 'winlogbeat-*', 'logs-windows.sysmon_operational-*'], { integrations: ['endpoint', 'windows'] });

  it.each([
    ['process.nmae', 'process.name'],
    ['proces.executable', 'process.executable'],
    ['process.parnet.name', 'process.parent.name'],
    ['process.code_signature.trsuted', 'process.code_signature.trusted'],
    ['Process.Name', 'process.name'],
    ['winlog.event_data.TargetUsername', 'winlog.event_data.TargetUserName'],
  ] as const)('%s → %s', (typo, expected) => {
    expect(schema.suggest(typo, 3)[0]).toBe(expected);
  });

  it('answers fast on thousands of paths (timing printed, not asserted)', () => {
    const typos = ['process.nmae', 'host.os.tpye', 'user.nmae', 'file.pth', 'registry.dat.strings', 'network.protocl', 'dns.question.nmae', 'winlog.event_data.TargetUsername'];
    schema.suggest('warm.up', 1);
    const t = performance.now();
    for (let i = 0; i < 10; i++) for (const p of typos) schema.suggest(p, 3);
    const perCall = (performance.now() - t) / (10 * typos.length);
    console.log(`suggest: ${schema.size} paths, ${perCall.toFixed(2)} ms per call`);
    expect(perCall).toBeGreaterThan(0);
  });
});
