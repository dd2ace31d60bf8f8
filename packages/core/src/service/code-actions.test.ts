import { describe, expect, it } from 'vitest';
import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';
import { analyse, applyEdits } from '../../testing/service-facts.js';
import { codeActions, fixAll } from './code-actions.js';

const diag = (start: number, end: number, ...fixes: TextEdit[][]): Diagnostic => ({
  code: 'eql/test',
  severity: 'error',
  message: 'm',
  span: { start, end },
  suggestions: fixes.map((edits, i) => ({ message: `fix ${i}`, edits })),
});

describe('codeActions', () => {
  it('offers every suggestion of the diagnostics under the range as a quick fix, preferred when it is the only one', () => {
    const text = 'process where process.nmae == "x" and process.pid = 4';
    const facts = analyse(text);
    const at = text.indexOf('nmae');
    const fixes = codeActions(facts, { start: at, end: at }).filter((a) => a.kind === 'quickfix');
    expect(fixes.map((f) => f.title)).toEqual(expect.arrayContaining(['Did you mean `process.name`?']));
    expect(fixes.every((f) => !f.preferred)).toBe(true);
    expect(applyEdits(text, fixes[0].edits)).toBe('process where process.name == "x" and process.pid = 4');
    expect(fixes[0].diagnostics?.[0].code).toBe('eql/unknown-field');

    const eq = text.indexOf(' = ') + 1;
    const assign = codeActions(facts, { start: eq, end: eq + 1 }).filter((a) => a.kind === 'quickfix');
    expect(assign).toHaveLength(1);
    expect(assign[0].preferred).toBe(true);
    expect(applyEdits(text, assign[0].edits)).toBe('process where process.nmae == "x" and process.pid == 4');
  });

  it('fixes everything unambiguous at once, and offers to format', () => {
    const text = 'process where process.pid = 4 and process.ppid = 5';
    const actions = codeActions(analyse(text), { start: 0, end: 0 });
    const all = actions.find((a) => a.kind === 'source.fixAll')!;
    expect(all.title).toBe('Fix all 2 fixable problems');
    expect(applyEdits(text, all.edits)).toBe('process where process.pid == 4 and process.ppid == 5');
    const format = actions.find((a) => a.kind === 'source.format');
    expect(format).toBeUndefined(); // `=` is a syntax error: never formatted
    const fmt = codeActions(analyse('process  where true'), { start: 0, end: 0 }).find((a) => a.kind === 'source.format')!;
    expect(applyEdits('process  where true', fmt.edits)).toBe('process where true\n');
  });

  it('keeps fix-all edits from overlapping, and applies an identical edit once', () => {
    const all = fixAll([
      diag(0, 3, [{ span: { start: 0, end: 3 }, text: 'abc' }]),
      diag(1, 2, [{ span: { start: 1, end: 2 }, text: 'X' }]), // inside the first: left for later
      diag(5, 6, [{ span: { start: 5, end: 5 }, text: '?' }]),
      diag(5, 6, [{ span: { start: 5, end: 5 }, text: '?' }]), // the same insertion: applied once
      diag(5, 6, [{ span: { start: 5, end: 5 }, text: '!' }]), // another insertion there: conflicts
      diag(7, 8, [{ span: { start: 7, end: 8 }, text: 'a' }], [{ span: { start: 7, end: 8 }, text: 'b' }]), // ambiguous
    ])!;
    expect(all.edits).toEqual([
      { span: { start: 0, end: 3 }, text: 'abc' },
      { span: { start: 5, end: 5 }, text: '?' },
    ]);
    expect(all.diagnostics).toHaveLength(3);
    expect(fixAll([diag(7, 8, [{ span: { start: 7, end: 8 }, text: 'a' }], [{ span: { start: 7, end: 8 }, text: 'b' }])])).toBeUndefined();
  });
});
