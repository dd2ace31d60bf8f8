import { describe, expect, it } from 'vitest';
import { withCursor } from '../../testing/service-facts.js';
import { signatureHelp } from './signature-help.js';

function help(marked: string) {
  const { text, offset } = withCursor(marked);
  return signatureHelp({ text }, offset);
}

const active = (marked: string) => {
  const h = help(marked);
  return h && `${h.label} @${h.activeParameter}`;
};

describe('signatureHelp', () => {
  it('answers inside a call, with the active parameter counted by commas at the call’s own level', () => {
    expect(active('process where length(█process.name) > 1')).toBe('length(source) @0');
    expect(active('process where between(process.name, █"a", "b")')).toBe('between(source, left, right[, greedy]) @1');
    expect(active('process where between(process.name, "a,b", length(x, █y))')).toBe('length(source) @1');
    expect(active('process where between(process.name, "a,b", length(x, y), █')).toBe('between(source, left, right[, greedy]) @3');
    expect(active('process where between(process.name, ("a"), █')).toBe('between(source, left, right[, greedy]) @2');
    expect(active('process where indexOf~(x, "a█')).toBe('indexOf~(source, substring[, start]) @1');
  });

  it('answers on broken text, and on an unclosed call at the end', () => {
    expect(active('process where length(█')).toBe('length(source) @0');
    expect(active('process where startsWith(process.name, "a"█')).toBe('startsWith(source, substring) @1');
    expect(active('sequence [process where concat(a, b, c, █] [file where true]')).toBe('concat(value, …) @0');
  });

  it('keeps the variadic parameter active for every extra argument', () => {
    expect(active('network where cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16", █')).toBe('cidrMatch(ip, cidr, …) @1');
  });

  it('says nothing outside calls, in `in (…)` lists, after the call closed, or for unknown functions', () => {
    expect(help('process where █length(x)')).toBeUndefined();
    expect(help('process where length(x)█')).toBeUndefined();
    expect(help('process where x in ("a", █')).toBeUndefined();
    expect(help('process where wildcard(x, █')).toBeUndefined();
    expect(help('sequence [process where length(x] [file where █')).toBeUndefined();
    expect(help('')).toBeUndefined();
  });

  it('documents the function and its parameters from the function table, with parameter offsets in the label', () => {
    const h = help('any where add(█')!;
    expect(h.parameters.map((p) => h.label.slice(p.labelSpan!.start, p.labelSpan!.end))).toEqual(['a', 'b']);
    expect(h.parameters.map((p) => p.labelSpan!.start)).toEqual([4, 7]);
    const between = help('any where between~(█')!;
    expect(between.documentation).toContain('Extracts the substring between');
    expect(between.documentation).toContain('Case-insensitive');
    expect(between.parameters[3].documentation).toMatch(/greedy.*boolean, optional, a literal/);
  });
});
