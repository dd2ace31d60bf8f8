import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { FieldPlanner } from './field-plan.js';
import { FieldPresence } from './field-presence.js';

function presence(query: string, events: object[]) {
  const ast = parse(query).ast!;
  const p = new FieldPresence(ast, new FieldPlanner(undefined));
  for (const ev of events) p.observe(ev as Record<string, unknown>);
  return p.diagnostics().map((d) => ({ code: d.code, at: query.slice(d.span.start, d.span.end), fixes: d.suggestions?.map((s) => s.message) }));
}

const events = [
  { event: { category: 'process' }, process: { name: 'a.exe', pid: 1 } },
  { event: { category: 'process' }, 'process.parent.name': 'b.exe', user: { name: null } },
];

describe('FieldPresence', () => {
  it('reports a field no event has, once, at its first use, with names the events do have', () => {
    expect(presence('process where proces.name == "x" or proces.name : "y"', events)).toEqual([
      { code: 'eql/field-not-in-data', at: 'proces.name', fixes: ['did you mean `process.name`?', 'write `?proces.name` if the field may be missing'] },
    ]);
  });

  it('counts nested and dotted spellings and any event; a field that is always null has no value', () => {
    expect(presence('process where process.pid > 0 and process.parent.name : "b" and user.name == "u"', events).map((d) => d.at)).toEqual(['user.name']);
  });

  it('leaves ?fields alone, and says nothing when no event was read', () => {
    expect(presence('process where ?nope == 1', events)).toEqual([]);
    expect(presence('process where nope == 1', [])).toEqual([]);
  });
});
