import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStatement } from '../../eval/compile.js';
import { prefilterPlanFor } from '../../eval/prefilter/index.js';
import { seededRandom } from '../../../testing/random.js';
import { parse } from '../../parse.js';
import { openEventSource } from '../events/event-source.js';
import { ChunkScanner, type RecordFilter } from './chunk-scan.js';

interface Seen {
  kept: { line: number; ordinal: number; text: string }[];
  problems: { line: number; message: string }[];
  records: number;
}

function filterFor(query: string, withPrefilter: boolean): RecordFilter {
  const compiled = compileStatement(parse(query).ast!);
  const plan = withPrefilter ? prefilterPlanFor(compiled) : undefined;
  return { test: plan?.test, gate: plan ? (s) => plan.gate(s) : undefined, matches: (ev) => compiled.stages.some((s) => s.filter(ev)) };
}

/** What the single-thread reader and the runner's pre-filter make of `text`. */
async function reference(text: string, filter: RecordFilter): Promise<Seen> {
  const dir = mkdtempSync(join(tmpdir(), 'eqlkit-scan-'));
  try {
    const file = join(dir, 'f.ndjson');
    writeFileSync(file, text);
    const seen: Seen = { kept: [], problems: [], records: 0 };
    for await (const b of openEventSource([file], { onError: (e) => seen.problems.push({ line: e.line, message: e.message }) })) {
      for (let i = 0; i < b.count; i++) {
        seen.records++;
        if (filter.test && !filter.test(b.lines[i])) continue;
        const ev = b.parse(i);
        if (ev && filter.matches(ev)) seen.kept.push({ line: b.lineNumbers[i], ordinal: b.firstOrdinal + i, text: b.lines[i] });
      }
    }
    return seen;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The scanner over `text` cut after random newlines, with line and ordinal bases added up as the main thread does. */
function scanned(text: string, filter: RecordFilter, rand: () => number): Seen {
  const scanner = new ChunkScanner(filter);
  const seen: Seen = { kept: [], problems: [], records: 0 };
  let lineBase = 1;
  let ordinalBase = 0;
  let pos = 0;
  let first = true;
  while (pos < text.length) {
    let cut = text.indexOf('\n', pos + Math.floor(rand() * 400));
    cut = cut < 0 ? text.length : cut + 1;
    const chunk = text.slice(pos, cut);
    const final = cut === text.length && !chunk.endsWith('\n');
    const r = scanner.scan(chunk, first, final);
    r.kept.forEach((t, i) => seen.kept.push({ line: lineBase + r.keptLines[i], ordinal: ordinalBase + r.keptOrdinals[i], text: t }));
    for (const p of r.problems) seen.problems.push({ line: lineBase + p.line, message: p.message });
    seen.records += r.records;
    lineBase += r.lines;
    ordinalBase += r.records;
    pos = cut;
    first = false;
  }
  return seen;
}

const LINES = [
  '{"event":{"category":"process"},"process":{"name":"a.exe"},"n":1}',
  '{"event":{"category":"network"},"process":{"name":"b.exe"},"n":2}',
  '',
  '   {"event":{"category":"process"},"process":{"name":"A.EXE"},"n":3}  ',
  '{"event":{"category":"process"},"process":{"name":"c.exe"},"n":4}\r',
  '{"broken": ',
  '[1, 2]',
  '"text"',
  '{"event":{"category":"process"},"process":{"name":"\\u0061.exe"},"n":5}',
  '{"event":{"category":"process"},"process":{"name":"a.exe"},"n":6, oops}',
  '\t',
  '{"event":{"category":["file","process"]},"process":{"name":"a.exe"},"n":7}',
];

describe('ChunkScanner', () => {
  it.each([
    ['with the pre-filter and its gate', true],
    ['without a pre-filter', false],
  ])('finds what the single-thread reader finds, however the text is cut (%s)', async (_name, withPrefilter) => {
    const rand = seededRandom(99);
    for (let round = 0; round < 30; round++) {
      // The first line is an object, so the single-thread reader too reads the text as NDJSON (workers only get NDJSON).
      const body = [LINES[0], ...Array.from({ length: 40 }, () => LINES[Math.floor(rand() * LINES.length)])];
      let text = (round % 3 === 0 ? '\uFEFF' : '') + body.join('\n');
      if (round % 2 === 0) text += '\n';
      else text += '\n{"event":{"category":"process"},"process":{"name":"a.exe"'; // a truncated last line
      const filter = filterFor('process where process.name : "a.exe"', withPrefilter);
      const want = await reference(text, filter);
      for (let cut = 0; cut < 3; cut++) expect(scanned(text, filterFor('process where process.name : "a.exe"', withPrefilter), rand)).toEqual(want);
      expect(want.kept.length).toBeGreaterThan(0);
    }
  });

  it('counts prefiltered and parsed records', () => {
    const scanner = new ChunkScanner(filterFor('process where process.name : "a.exe"', true));
    const r = scanner.scan(LINES.join('\n') + '\n', true, false);
    expect(r.records).toBe(7);
    expect(r.lines).toBe(LINES.length);
    expect(r.prefiltered + r.parsed + r.problems.filter((p) => p.kind === 'invalid-json' && p.line === 9).length).toBe(r.records);
    expect(r.kept.map((k) => JSON.parse(k)['n'])).toEqual([1, 3, 5, 7]);
  });
});
