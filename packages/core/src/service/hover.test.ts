import { describe, expect, it } from 'vitest';
import { grammarKeywords } from '../grammar/load.js';
import { analyseAt } from '../../testing/service-facts.js';
import { hover } from './hover.js';
import { LANGUAGE_DOCS } from './language-docs.js';

function hoverAt(marked: string, indexes?: readonly string[]) {
  const { facts, offset } = analyseAt(marked, indexes);
  const h = hover(facts, offset);
  return h && { ...h, text: facts.text.slice(h.span.start, h.span.end) };
}

describe('hover', () => {
  it('shows a field’s type, description and the type EQL compares it as', () => {
    const h = hoverAt('process where process.na█me : "cmd.exe"')!;
    expect(h.text).toBe('process.name');
    expect(h.contents).toContain('process.name: keyword');
    expect(h.contents).toMatch(/Process name/i);
    expect(h.contents).toContain('EQL compares it as a string');
    expect(h.contents).toContain('Defined for every index');
  });

  it('shows a path prefix as an object with its fields', () => {
    const h = hoverAt('process where process.par█ent.name : "cmd.exe"')!;
    expect(h.text).toBe('process.parent');
    expect(h.contents).toContain('process.parent: object');
    expect(h.contents).toMatch(/Holds \d+ fields: .*`entity_id`/);
  });

  it('says which of the indexes lack a field, and suggests `?field`', () => {
    const h = hoverAt('process where process.Ext.token.integrity_level█_name == "high"')!;
    expect(h.contents).toContain('Defined for `logs-endpoint.events.process-*`');
    expect(h.contents).toContain('Missing from `logs-endpoint.events.network-*`');
    expect(h.contents).toContain('write `?process.Ext.token.integrity_level_name`');
    expect(hoverAt('process where ?process.Ext.token.integrity_level█_name == "high"')!.contents).toContain('(it is optional: null there)');
  });

  it('explains an unknown field with did-you-mean', () => {
    const h = hoverAt('process where process.nmae█ : "x"')!;
    expect(h.contents).toContain('not in the schema');
    expect(h.contents).toContain('`process.name`');
  });

  it('shows ECS allowed values', () => {
    expect(hoverAt('any where event.categ█ory == "process"')!.contents).toMatch(/Allowed values \(ECS\): .*`process`/);
  });

  it('documents a function from the function table, with its case behaviour and the type it returns here', () => {
    const h = hoverAt('process where leng█th(process.name) > 3')!;
    expect(h.text).toBe('length');
    expect(h.contents).toContain('length(source) → integer');
    expect(h.contents).toContain('The number of characters in the string.');
    expect(h.contents).toContain('Here it returns an integer.');
    const ci = hoverAt('process where startsWi█th~(process.name, "c")')!;
    expect(ci.contents).toContain('startsWith~(source, substring)');
    expect(ci.contents).toContain('Case-insensitive');
    expect(hoverAt('process where wildc█ard(process.name, "c")')!.contents).toContain('not an Elasticsearch EQL function: use the `:` or `like` operator');
  });

  it('explains `:` vs `==`, `like~`, `in~`, with the operand types the checker inferred', () => {
    const colon = hoverAt('process where process.name █: "cmd*"')!;
    expect(colon.contents).toContain('case-insensitive match');
    expect(colon.contents).toContain('Operand: `process.name` is a string.');
    const eq = hoverAt('process where process.pid █== 4')!;
    expect(eq.contents).toContain('**case-sensitive**');
    expect(eq.contents).toContain('Left: `process.pid` is an integer. Right: `4` is an integer.');
    expect(hoverAt('process where process.name like~█ "a"')!.contents).toContain('`like~` wildcard match, case-insensitive');
    expect(hoverAt('process where process.name i█n~ ("a")')!.contents).toContain('case-insensitive membership');
    expect(hoverAt('process where process.pid + 1.5█ > 2')).toBeUndefined(); // a number says nothing
    expect(hoverAt('process where process.pid █+ 1.5 > 2')!.contents).toContain('Result: a floating-point number.');
  });

  it('explains sequence options', () => {
    const q = 'sequence by█ host.id with maxspan=5m [process where true] with runs=2 ![file where true] until [process where true]';
    expect(hoverAt(q)!.contents).toContain('join keys');
    expect(hoverAt(q.replace('by█', 'by').replace('maxspan', 'max█span'))!.contents).toContain('at most this far apart');
    expect(hoverAt(q.replace('by█', 'by').replace('5m', '5█m'))!.contents).toContain('Here: 300,000 ms.');
    expect(hoverAt(q.replace('by█', 'by').replace('runs', 'ru█ns'))!.contents).toContain('repeats N times');
    expect(hoverAt(q.replace('by█', 'by').replace('![', '!█['))!.contents).toContain('missing-event stage');
    expect(hoverAt(q.replace('by█', 'by').replace('until', 'un█til'))!.contents).toContain('ends every sequence');
  });

  it('describes categories, pattern strings and pipes', () => {
    expect(hoverAt('proc█ess where true')!.contents).toMatch(/Event category `process`.*\n\nECS expects `event.type` to be one of/s);
    const s = hoverAt('process where process.executable : "C:\\\\Win█dows\\\\*"')!;
    expect(s.contents).toContain('Wildcard pattern, case-insensitive');
    expect(s.contents).toContain('Value: `C:\\Windows\\*`');
    expect(hoverAt('process where process.name regex "a.█*"')!.contents).toContain('Lucene regular expression, case-sensitive');
    expect(hoverAt('process where true | he█ad 3')!.contents).toContain('the first N matches');
  });

  it('says whether a value is one of the ECS allowed values of the field it is compared with', () => {
    expect(hoverAt('process where event.type == "sta█rt"')!.contents).toContain('`start` is an ECS allowed value of `event.type`');
    expect(hoverAt('process where event.type in ("info", "begi█n")')!.contents).toMatch(/`begin` is not one of the ECS allowed values of `event.type`: .*`start`/);
    expect(hoverAt('process where event.type : "STA█RT"')!.contents).toContain('`start` is an ECS allowed value');
    expect(hoverAt('process where process.name == "cm█d.exe"')!.contents).not.toContain('allowed');
  });

  it('answers on broken text from the tokens', () => {
    expect(hoverAt('process where length(process.na█me')!.contents).toContain('process.name: keyword');
    expect(hoverAt('process where lengt█h(process.name')!.contents).toContain('length(source) → integer');
    expect(hoverAt('process where process.name █: ("a", ')!.contents).toContain('case-insensitive match');
    expect(hoverAt('process where process.name : ("a█", ')!.contents).toContain('Wildcard pattern, case-insensitive');
    expect(hoverAt('sequence [proc█ess where ] [')!.contents).toContain('Event category `process`');
    expect(hoverAt('process where x == 1 █ ')).toBeUndefined();
  });

  it('has a meaning for every keyword of the grammar', () => {
    expect(grammarKeywords().filter((k) => !Object.hasOwn(LANGUAGE_DOCS, k))).toEqual([]);
  });
});
