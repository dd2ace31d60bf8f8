// Random edits of the example rule (inside and around the query string of the .toml, and as .eql): the document
// layer's own parts — finding the query, its offset map, diagnostics, the cursor context and completion — answer
// without throwing (called directly, not through the document's catch-all guard) and stay in bounds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledSchemas } from '../io/schemas/load-bundled.js';
import { seededRandom } from '../../testing/random.js';
import { Analyser } from './analyser.js';
import { completeAt } from './completion/index.js';
import { cursorContext } from './context.js';
import { embeddedQueries } from './embedded.js';
import { createLanguageService } from './service.js';

const example = readFileSync(new URL('../../../../examples/msiexec-remote-file-execution.toml', import.meta.url), 'utf8');
const bundled = loadBundledSchemas();
const analyser = new Analyser(bundled);
const service = createLanguageService({ bundled });
const pieces = ['[', ']', '![', '(', ')', '"', "'", "'''", '"""', '\\', '\\\n', '\\u00', '|', ' ', '\n', ',', '.', ':', '==', 'where', 'and', 'process.', 'length(', '~', '?', '`', '/*', '//', 'sequence', 'by', 'with maxspan=', '1m', '[rule]', 'query = ', '#'];

function edit(text: string, rand: () => number, from: number, to: number): string {
  const at = from + Math.floor(rand() * (to - from + 1));
  if (rand() < 0.6) return text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 12)));
}

function exercise(text: string, kind: 'eql' | 'toml', rand: () => number): void {
  for (const q of embeddedQueries(text, kind)) {
    expect(q.span.start).toBeGreaterThanOrEqual(0);
    expect(q.span.end).toBeLessThanOrEqual(text.length);
    for (let i = 0; i <= q.text.length; i += 1 + Math.floor(q.text.length / 50)) expect(q.toQuery(q.toDocument(i))).toBe(i);
    const a = analyser.analyse(q, {});
    for (const d of a.diagnostics) expect(d.span.start <= d.span.end && d.span.end <= q.text.length).toBe(true);
    for (let k = 0; k < 3; k++) {
      const o = Math.floor(rand() * (q.text.length + 1));
      const ctx = cursorContext(q.text, o);
      expect(ctx.replace.start <= o && ctx.replace.end <= q.text.length).toBe(true);
      const list = completeAt(a, o);
      expect(list.replace).toEqual(ctx.replace);
    }
  }
  const doc = service.open(`file:///x.${kind}`, text, kind);
  for (const d of doc.diagnostics()) expect(d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
  const o = Math.floor(rand() * (text.length + 1));
  const list = doc.completions(o);
  expect(list.replace.start <= o && list.replace.end <= text.length).toBe(true);
}

describe('the document layer on random edits of the example rule', () => {
  const start = example.indexOf("query = '''");
  const end = example.indexOf("'''", start + 12) + 3;

  it('as .toml (edits in and around the query string): answers without throwing, in bounds', () => {
    const rand = seededRandom(7);
    for (let n = 0; n < 60; n++) {
      let text = example;
      const edits = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < edits; i++) text = edit(text, rand, start - 60, Math.min(text.length, end + 20));
      exercise(text, 'toml', rand);
    }
  });

  it('as .eql: answers without throwing, in bounds', () => {
    const rand = seededRandom(11);
    const query = embeddedQueries(example, 'toml')[0].text;
    for (let n = 0; n < 60; n++) {
      let text = query;
      const edits = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < edits; i++) text = edit(text, rand, 0, text.length);
      exercise(text, 'eql', rand);
    }
  });
});
