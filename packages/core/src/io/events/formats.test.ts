import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvents } from './event-source.js';
import { formatInputError, type InputError } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(content: string | Buffer, name = `f${counter++}.json`): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

interface Read {
  events: Array<{ event: Record<string, unknown>; line: number; ordinal: number }>;
  errors: Array<{ line: number; kind: string; message: string }>;
  formatted: string[];
}

async function read(path: string, chunkSize?: number, maxRecordBytes?: number): Promise<Read> {
  const errors: InputError[] = [];
  const events: Read['events'] = [];
  for await (const r of readEvents([path], { onError: (e) => errors.push(e), chunkSize, maxRecordBytes })) {
    expect(r.file).toBe(path);
    events.push({ event: r.event, line: r.line, ordinal: r.ordinal });
  }
  return {
    events,
    errors: errors.map((e) => ({ line: e.line, kind: e.kind, message: e.message })),
    formatted: errors.map(formatInputError),
  };
}

const lines = (r: Read) => r.events.map((e) => e.line);
const ids = (r: Read) => r.events.map((e) => e.event.id);

describe('NDJSON', () => {
  it('reads one object per line with line numbers and ordinals', async () => {
    const r = await read(file('{"id":1}\n{"id":2}\n{"id":3}\n'));
    expect(r.events).toEqual([
      { event: { id: 1 }, line: 1, ordinal: 0 },
      { event: { id: 2 }, line: 2, ordinal: 1 },
      { event: { id: 3 }, line: 3, ordinal: 2 },
    ]);
    expect(r.errors).toEqual([]);
  });

  const ok: Array<[string, string, number[], number[]]> = [
    ['CRLF line ends', '{"id":1}\r\n{"id":2}\r\n', [1, 2], [1, 2]],
    ['UTF-8 BOM', '\uFEFF{"id":1}\n{"id":2}\n', [1, 2], [1, 2]],
    ['BOM then blank line', '\uFEFF\n{"id":1}\n', [1], [2]],
    ['blank and whitespace-only lines', '\n{"id":1}\n\n   \n\t\r\n{"id":2}\n\n', [1, 2], [2, 6]],
    ['padding around an object', '  {"id":1}  \r\n\t{"id":2}\n', [1, 2], [1, 2]],
    ['last line without newline', '{"id":1}\n{"id":2}', [1, 2], [1, 2]],
    ['last line without newline, CR only', '{"id":1}\r', [1], [1]],
    ['empty file', '', [], []],
    ['only blank lines', '\n\r\n  \n', [], []],
    ['non-ASCII text', '{"id":1,"u":"Jürgen ✓ 😀"}\n', [1], [1]],
    ['braces inside strings', '{"id":1,"s":"}{"}\n', [1], [1]],
  ];
  it.each(ok)('%s', async (_name, content, expectedIds, expectedLines) => {
    const r = await read(file(content));
    expect(r.errors).toEqual([]);
    expect(ids(r)).toEqual(expectedIds);
    expect(lines(r)).toEqual(expectedLines);
  });

  it('keeps non-ASCII text intact', async () => {
    const r = await read(file('{"u":"Jürgen ✓ 😀"}\n'));
    expect(r.events[0].event.u).toBe('Jürgen ✓ 😀');
  });

  it('reports a malformed line with its number and reads the others', async () => {
    const p = file('{"id":1}\n{"id":2,}\n\n{"id":3\n{"id":4}\n');
    const r = await read(p);
    expect(ids(r)).toEqual([1, 4]);
    expect(lines(r)).toEqual([1, 5]);
    expect(r.errors.map((e) => [e.line, e.kind])).toEqual([
      [2, 'invalid-json'],
      [4, 'invalid-json'],
    ]);
    expect(r.formatted[0]).toMatch(new RegExp(`^${p.replace(/[.\\]/g, '\\$&')}:2: invalid JSON \\(.+\\)$`));
    expect(r.events.map((e) => e.ordinal)).toEqual([0, 2]); // increasing in input order, not dense
  });

  const notObjects: Array<[string, string]> = [
    ['42', 'a number'],
    ['[1]', 'an array'],
    ['[{"id":1}]', 'an array'],
    ['"x"', 'a string'],
    ['null', 'null'],
    ['true', 'a boolean'],
  ];
  it.each(notObjects)('valid JSON that is not an object (%s) is an error', async (line, what) => {
    const r = await read(file(`{"id":1}\n${line}\n{"id":2}\n`));
    expect(ids(r)).toEqual([1, 2]);
    expect(r.errors).toEqual([{ line: 2, kind: 'not-object', message: `expected a JSON object, found ${what}` }]);
  });

  it('reports a truncated last line', async () => {
    const r = await read(file('{"id":1}\n{"id":2,"x":"abc'));
    expect(ids(r)).toEqual([1]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2, kind: 'truncated' });
    expect(r.errors[0].message).toMatch(/^invalid JSON \(.*the file may be truncated\)$/);
  });

  it('reports a truncated last line that happens to end with }', async () => {
    const r = await read(file('{"id":1}\n{"id":2,"x":{"y":1}'));
    expect(ids(r)).toEqual([1]);
    expect(r.errors[0]).toMatchObject({ line: 2, kind: 'truncated' });
  });

  it('handles lines and multi-byte characters split across chunks', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) rows.push(JSON.stringify({ id: i, pad: 'é😀x'.repeat(i % 40) }));
    const r = await read(file(`${rows.join('\r\n')}\n`), 4096);
    expect(r.errors).toEqual([]);
    expect(ids(r)).toEqual(rows.map((_, i) => i));
    expect(r.events[2999].line).toBe(3000);
    expect(r.events[39].event.pad).toBe('é😀x'.repeat(39));
  });

  it('handles a line longer than many chunks', async () => {
    const big = JSON.stringify({ id: 1, s: 'x'.repeat(100_000) });
    const r = await read(file(`${big}\n{"id":2}\n`), 4096);
    expect(ids(r)).toEqual([1, 2]);
    expect(lines(r)).toEqual([1, 2]);
  });
});

describe('JSON array', () => {
  it('reads a compact array', async () => {
    const r = await read(file('[{"id":1},{"id":2},{"id":3}]'));
    expect(r.errors).toEqual([]);
    expect(ids(r)).toEqual([1, 2, 3]);
    expect(lines(r)).toEqual([1, 1, 1]);
  });

  it('reads a pretty-printed array; each event gets the line where its object starts', async () => {
    const events = [{ id: 1, a: { b: [1, 2] } }, { id: 2, s: 'x]}"{[' }, { id: 3 }];
    const r = await read(file(`\uFEFF\r\n  ${JSON.stringify(events, null, 2)}\n`));
    expect(r.errors).toEqual([]);
    expect(r.events.map((e) => e.event)).toEqual(events);
    expect(lines(r)).toEqual([3, 12, 16]);
  });

  it('handles escapes and brackets inside strings', async () => {
    const r = await read(file(String.raw`[{"id":1,"s":"a\"]}\\"},{"id":2,"t":"\\\\"}]`));
    expect(r.errors).toEqual([]);
    expect(r.events.map((e) => e.event)).toEqual([
      { id: 1, s: 'a"]}\\' },
      { id: 2, t: '\\\\' },
    ]);
  });

  it('reads an empty array', async () => {
    const r = await read(file(' [ ] \n'));
    expect(r).toMatchObject({ events: [], errors: [] });
  });

  it('reports a malformed element and reads the rest', async () => {
    const r = await read(file('[\n{"id":1},\n{"id":2, "x": },\n{"id":3}\n]\n'));
    expect(ids(r)).toEqual([1, 3]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 3, kind: 'invalid-json' });
  });

  it('reports non-object elements', async () => {
    const r = await read(file('[1, {"id":1}, "s", null, [{"id":9}], tru, {"id":2}]'));
    expect(ids(r)).toEqual([1, 2]);
    expect(r.errors.map((e) => e.kind)).toEqual(['not-object', 'not-object', 'not-object', 'not-object', 'invalid-json']);
    expect(r.errors[0].message).toBe('expected a JSON object, found a number');
    expect(r.errors[3].message).toBe('expected a JSON object, found an array');
  });

  const broken: Array<[string, string, number[], Array<[number, string]>]> = [
    ['trailing comma', '[{"id":1},\n]', [1], [[2, 'invalid-json']]],
    ['double comma', '[{"id":1},,{"id":2}]', [1, 2], [[1, 'invalid-json']]],
    ['missing comma', '[{"id":1}\n{"id":2}]', [1, 2], [[2, 'invalid-json']]],
    ['unclosed array', '[{"id":1},\n{"id":2}\n', [1, 2], [[3, 'truncated']]],
    ['truncated element', '[{"id":1},\n{"id":2,\n"x":', [1], [[2, 'truncated']]],
    ['text after the array', '[{"id":1}]\n{"id":2}\n', [1], [[2, 'invalid-json']]],
    ['arrays one after another', '[{"id":1}]\n[{"id":2},\n{"id":3}][]', [1, 2, 3], []],
    ['a mismatched bracket: reads on at the next element', '[{"id":1},\n{"id":2]},\n{"id":3}]', [1, 3], [[2, 'invalid-json']]],
  ];
  it.each(broken)('%s', async (_name, content, expectedIds, expectedErrors) => {
    const r = await read(file(content));
    expect(ids(r)).toEqual(expectedIds);
    expect(r.errors.map((e) => [e.line, e.kind])).toEqual(expectedErrors);
  });

  it('streams elements split across chunks', async () => {
    const events = Array.from({ length: 500 }, (_, i) => ({ id: i, s: 'é😀"\\]'.repeat(i % 50), n: { deep: [i, { x: '}' }] } }));
    const r = await read(file(JSON.stringify(events, null, 1)), 4096);
    expect(r.errors).toEqual([]);
    expect(r.events.map((e) => e.event)).toEqual(events);
  });

  it('is detected from content, whatever the extension', async () => {
    const r = await read(file('\n\n[{"id":1}]', 'events.ndjson'));
    expect(ids(r)).toEqual([1]);
    expect(lines(r)).toEqual([3]);
  });
});

describe('pretty-printed objects one after another', () => {
  it('reads each object with its start line', async () => {
    const content = `${JSON.stringify({ id: 1, a: { b: 1 } }, null, 2)}\n${JSON.stringify({ id: 2 }, null, 2)}\n`;
    const r = await read(file(content));
    expect(r.errors).toEqual([]);
    expect(ids(r)).toEqual([1, 2]);
    expect(lines(r)).toEqual([1, 7]);
  });

  it('reports a truncated object at the end', async () => {
    const r = await read(file('{\n "id": 1\n}\n{\n "id": 2,\n'));
    expect(ids(r)).toEqual([1]);
    expect(r.errors.map((e) => [e.line, e.kind])).toEqual([[4, 'truncated']]);
  });
});

describe('records too long to hold', () => {
  const long = `{"x":"${'a'.repeat(20_000)}"}`;

  it('NDJSON: a line over the limit is reported and skipped without being held; reading goes on', async () => {
    const r = await read(file(`{"id":1}\n${long}\n{"id":3}\n`, 'long.ndjson'), 4096, 1024);
    expect(r.events.map((e) => [e.event.id, e.line])).toEqual([[1, 1], [3, 3]]);
    expect(r.errors).toEqual([{ line: 2, kind: 'too-large', message: 'a record longer than 1024 bytes (not read into memory); skipped' }]);
  });

  it('JSON array: an element over the limit is reported and skipped without being held; reading goes on', async () => {
    const r = await read(file(`[{"id":1},\n${long},\n{"id":3},\n${long.replace('{', '{"y":[{"z":"}"}],')},\n{"id":5}]`, 'long.json'), 4096, 1024);
    expect(ids(r)).toEqual([1, 3, 5]);
    expect(r.errors).toEqual([
      { line: 2, kind: 'too-large', message: 'a record longer than 1024 bytes (not read into memory); skipped' },
      { line: 4, kind: 'too-large', message: 'a record longer than 1024 bytes (not read into memory); skipped' },
    ]);
  });
});

describe.each([
  ['a pretty-printed JSON array', (els: object[]) => JSON.stringify(els, null, 2)],
  ['pretty-printed objects one after another', (els: object[]) => els.map((e) => JSON.stringify(e, null, 2)).join('\n')],
])('%s: one broken element never costs the others', (_what, layout) => {
  const elements = Array.from({ length: 6 }, (_, id) => ({ id, name: `n${id}`, nested: { list: [1, { x: 'y' }], s: 'a,{b}' } }));
  const pretty = layout(elements);
  const starts = elements.map((_, id) => pretty.indexOf(`"id": ${id},`));
  const broken = 3;
  const from = pretty.lastIndexOf('{', starts[broken]);
  const to = pretty.lastIndexOf('}', starts[broken + 1]);
  // Every structural character of element 3 deleted in turn, read in small chunks so cuts fall everywhere.
  const cases = [...pretty.slice(from, to + 1)].flatMap((c, k) => ('{}[]":,'.includes(c) ? [from + k] : []));
  it.each(cases)('without the character at offset %i', async (at) => {
    const r = await read(file(pretty.slice(0, at) + pretty.slice(at + 1)), 4096);
    const got = ids(r);
    for (const id of [0, 1, 2, 4, 5]) expect(got).toContain(id);
    expect(got.every((id) => typeof id === 'number' && id >= 0 && id < 6)).toBe(true);
    if (!got.includes(broken)) expect(r.errors.length).toBeGreaterThan(0);
  });
});
