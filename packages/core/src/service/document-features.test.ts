// The per-query features through the document layer, on the example rule as `.toml` and as `.eql`, and a
// randomized test: random edits of the example rule's query, and every feature answers, in the document's bounds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Span } from '../ast/nodes.js';
import { loadBundledSchemas } from '../io/schemas/load-bundled.js';
import { seededRandom } from '../../testing/random.js';
import { applyEdits } from '../text/apply-edits.js';
import type { EqlDocument } from './api.js';
import { createLanguageService } from './service.js';

const service = createLanguageService({ bundled: loadBundledSchemas() });
const example = readFileSync(new URL('../../../../examples/msiexec-remote-file-execution.toml', import.meta.url), 'utf8');
const QUERY_START = example.indexOf("'''\n") + 4;
const QUERY_END = example.indexOf("'''", QUERY_START);
const query = example.slice(QUERY_START, QUERY_END);

const inside = (span: Span, text: string) => span.start >= 0 && span.start <= span.end && span.end <= text.length;

describe('the per-query features of a document', () => {
  it('hover in a rule file, in document offsets', () => {
    const doc = service.open('file:///r.toml', example, 'toml');
    const at = example.indexOf('process.parent.name') + 16;
    const h = doc.hover(at)!;
    expect(example.slice(h.span.start, h.span.end)).toBe('process.parent.name');
    expect(h.contents).toContain('process.parent.name: keyword');
    expect(doc.hover(example.indexOf('[metadata]') + 2)).toBeUndefined();
  });

  it('outlines the rule: its name, the sequence and its stages', () => {
    const doc = service.open('file:///r.toml', example, 'toml');
    const [rule] = doc.symbols();
    expect(rule.name).toBe('Potential Remote File Execution via MSIEXEC');
    expect(rule.kind).toBe('rule');
    const [q] = rule.children;
    expect(q.name).toBe('sequence with maxspan=1m');
    expect(q.children.map((s) => example.slice(s.selectionSpan.start, s.selectionSpan.end))).toEqual(['process', 'network', 'process']);
    expect(doc.stages().map((s) => example.slice(s.span.start, s.span.start + 9))).toEqual(['[process ', '[network ', '[process ']);
    const eql = service.open('file:///q.eql', query, 'eql');
    expect(eql.symbols().map((s) => s.kind)).toEqual(['query']);
  });

  it('folds the stages and the long lists, selects outwards to the query string and the file', () => {
    const doc = service.open('file:///r.toml', example, 'toml');
    const folds = doc.foldingRanges().map((s) => example.slice(s.start, s.end));
    expect(folds.filter((f) => f.startsWith('[')).length).toBe(3);
    expect(folds.some((f) => /^\(\s*"\?:\\\\Windows\\\\SysWOW64\\\\msiexec\.exe"/.test(f))).toBe(true);
    const at = example.indexOf('connection_attempted') + 3;
    const [chain] = doc.selectionRanges([at]);
    const texts = chain.map((s) => example.slice(s.start, s.end));
    expect(texts[0]).toBe('connection_attempted');
    expect(texts[1]).toBe('"connection_attempted"');
    expect(texts).toContain('event.action == "connection_attempted"');
    expect(chain[chain.length - 1]).toEqual({ start: 0, end: example.length });
  });

  it('offers quick fixes, fix-all and format as code actions', () => {
    const text = example.replace('process.name : "msiexec.exe"', 'process.name = "msiexec.exe"');
    const doc = service.open('file:///r.toml', text, 'toml');
    const eq = text.indexOf('process.name = ') + 13;
    const actions = doc.codeActions({ start: eq, end: eq });
    const quick = actions.find((a) => a.kind === 'quickfix')!;
    expect(quick.preferred).toBe(true);
    expect(quick.edits).toEqual([{ span: { start: eq, end: eq + 1 }, text: '==' }]);
    expect(actions.some((a) => a.kind === 'source.fixAll')).toBe(true);
    expect(actions.some((a) => a.kind === 'source.format')).toBe(false); // a syntax error: never formatted
    const formatted = service.open('file:///r.toml', example.replace('network where', 'network   where'), 'toml');
    expect(formatted.codeActions({ start: 0, end: 0 }).map((a) => a.kind)).toContain('source.format');
  });
});

describe('formatting a rule file', () => {
  const rule = (q: string) => `[rule]\nindex = ["logs-endpoint.events.process-*"]\nquery = ${q}\n`;
  const formatted = (text: string) => {
    const doc = service.open('file:///r.toml', text, 'toml');
    return service.open('file:///r.toml', applyEdits(text, doc.format()), 'toml');
  };

  it('changes only the query, in every string form that can hold the result', () => {
    const q = 'sequence [process where  true] [file where true]';
    const expected = 'sequence\n  [process where true]\n  [file where true]';
    for (const form of [`'''${q}'''`, `"""${q}"""`, `"${q}"`]) {
      const after = formatted(rule(form));
      expect(after.queries()[0].text).toBe(expected);
      expect(after.text.startsWith('[rule]\nindex = ["logs-endpoint.events.process-*"]\nquery = ')).toBe(true);
    }
    // The example rule: only the query string's body changes, the TOML around it stays byte for byte.
    const after = formatted(example).text;
    const end = after.indexOf("'''", QUERY_START);
    expect(after.slice(0, QUERY_START)).toBe(example.slice(0, QUERY_START));
    expect(after.slice(end)).toBe(example.slice(QUERY_END));
    expect(after.slice(QUERY_START, end)).toMatch(/^sequence with maxspan=1m\n  \[process where/);
  });

  it("offers no edits that a '…' string cannot hold (a line break)", () => {
    const text = rule(`'sequence [process where  true] [file where true]'`);
    const doc = service.open('file:///r.toml', text, 'toml');
    expect(doc.format()).toEqual([]);
    expect(doc.codeActions({ start: 0, end: 0 }).some((a) => a.kind === 'source.format')).toBe(false);
    expect(formatted(rule(`'process where  true'`)).queries()[0].text).toBe('process where true');
  });
});

describe('every feature on random edits of the example rule', () => {
  const pieces = ['[', ']', '![', '(', ')', '"', "'", "'''", '"""', '\\', '|', ' ', '\n', ',', '.', ':', '==', 'where', 'and', 'process.', 'length(', '~', '?', '`', '/*', '//', 'sequence', 'by', 'with maxspan=', '1m'];

  function edit(text: string, rand: () => number, from: number, to: number): string {
    const at = from + Math.floor(rand() * (to - from + 1));
    if (rand() < 0.5) return text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at);
    return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 12)));
  }

  function exercise(doc: EqlDocument, rand: () => number): void {
    const text = doc.text;
    const offsets = Array.from({ length: 4 }, () => Math.floor(rand() * (text.length + 1)));
    for (const o of offsets) {
      const h = doc.hover(o);
      if (h) expect(inside(h.span, text)).toBe(true);
      const s = doc.signatureHelp(o);
      if (s) expect(s.activeParameter).toBeGreaterThanOrEqual(0);
    }
    for (const chain of doc.selectionRanges(offsets)) for (const s of chain) expect(inside(s, text)).toBe(true);
    for (const e of doc.format()) expect(inside(e.span, text)).toBe(true);
    for (const a of doc.codeActions({ start: offsets[0], end: offsets[0] })) for (const e of a.edits) expect(inside(e.span, text)).toBe(true);
    for (const t of doc.semanticTokens()) expect(inside(t.span, text)).toBe(true);
    const walkSymbols = (list: ReturnType<EqlDocument['symbols']>): void => {
      for (const s of list) {
        expect(inside(s.span, text) && inside(s.selectionSpan, text)).toBe(true);
        walkSymbols(s.children);
      }
    };
    walkSymbols(doc.symbols());
    for (const f of doc.foldingRanges()) expect(inside(f, text)).toBe(true);
    for (const s of doc.stages()) expect(inside(s.span, text)).toBe(true);
  }

  it('as .eql: 200 edit chains, every feature answers in bounds', () => {
    const rand = seededRandom(42);
    for (let n = 0; n < 200; n++) {
      let text = query;
      const edits = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < edits; i++) text = edit(text, rand, 0, text.length);
      exercise(service.open('file:///q.eql', text, 'eql'), rand);
    }
  });

  it('as .toml, editing around and inside the query string: every feature answers in bounds', () => {
    const rand = seededRandom(9);
    for (let n = 0; n < 100; n++) {
      let text = example;
      const edits = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < edits; i++) text = edit(text, rand, QUERY_START - 40, Math.min(text.length, QUERY_END + 10));
      exercise(service.open('file:///r.toml', text, 'toml'), rand);
    }
  });
});

describe('large broken documents', () => {
  // Every feature is linear in the text: on these shapes a quadratic scan would take minutes (it did), not a second.
  const N = 20_000;
  const shapes: Record<string, string> = {
    'nested brackets closed by the wrong kind': '('.repeat(N) + ']'.repeat(N),
    'many unclosed stages': 'sequence ' + '[a where f(x] '.repeat(N / 4),
    'a long path': 'process where ?' + 'a.'.repeat(N) + 'b',
    'a long unclosed pattern list': 'process where x : (' + '"a", '.repeat(N / 4),
  };
  for (const [name, text] of Object.entries(shapes)) {
    it(name, () => {
      const doc = service.open('file:///q.eql', text, 'eql');
      expect(Array.isArray(doc.semanticTokens())).toBe(true);
      expect(Array.isArray(doc.foldingRanges())).toBe(true);
      expect(Array.isArray(doc.symbols())).toBe(true);
      expect(doc.selectionRanges([text.length >> 1])[0].length).toBeGreaterThan(0);
      doc.hover(text.length - 1);
      doc.signatureHelp(text.length);
      expect(Array.isArray(doc.stages())).toBe(true);
    });
  }
});
