/**
 * Every EQL function Elasticsearch has, declared once (see types.ts). Behaviour follows Elasticsearch's
 * implementation, including its edge cases (documented per function in `notes`).
 */
import { cidrMatch } from '../values/ip.js';
import { foldCase } from '../matching/case-fold.js';
import { arithmetic } from './arithmetic.js';
import { scalarToJavaString } from './java-strings.js';
import type { CallInfo, FunctionDef, Scalar } from './types.js';

const str = (v: Scalar): string => v as string;
const fold = (s: string, info: CallInfo) => (info.caseInsensitive ? foldCase(s) : s);

function numericFn(name: string, op: '+' | '-' | '*' | '/' | '%', summary: string, example: [string, string]): FunctionDef {
  return {
    name,
    params: [
      { name: 'a', type: 'number', doc: 'a number' },
      { name: 'b', type: 'number', doc: 'a number' },
    ],
    returns: 'number',
    caseInsensitive: false,
    summary,
    notes: ['Integer with integer gives an integer; a floating-point operand gives a floating-point result.', 'A null argument gives null.'],
    examples: [{ call: example[0], result: example[1] }],
    impl: ([a, b], info) => arithmetic(op, a as number, info.floatArgs[0], b as number, info.floatArgs[1])?.value ?? null,
  };
}

export const FUNCTIONS: readonly FunctionDef[] = [
  numericFn('add', '+', 'Adds two numbers (the same as `a + b`).', ['add(4, 5)', '9']),
  numericFn('subtract', '-', 'Subtracts the second number from the first (the same as `a - b`).', ['subtract(10, 2)', '8']),
  numericFn('multiply', '*', 'Multiplies two numbers (the same as `a * b`).', ['multiply(2, 3.5)', '7.0']),
  {
    ...numericFn('divide', '/', 'Divides the first number by the second (the same as `a / b`).', ['divide(30, 4)', '7']),
    notes: ['Integer by integer truncates toward zero: `divide(30, 4)` is 7; write `4.0` for 7.5.', 'Dividing by integer zero gives null.', 'A null argument gives null.'],
  },
  {
    ...numericFn('modulo', '%', 'The remainder of dividing the first number by the second (the same as `a % b`).', ['modulo(10, 6)', '4']),
    notes: ['The result has the sign of the dividend: `modulo(-10, 6)` is -4.', 'Modulo by integer zero gives null.', 'A null argument gives null.'],
  },
  {
    name: 'between',
    params: [
      { name: 'source', type: 'string', doc: 'the string to search' },
      { name: 'left', type: 'string', doc: 'the text just before the part to extract' },
      { name: 'right', type: 'string', doc: 'the text just after the part to extract' },
      { name: 'greedy', type: 'boolean', optional: true, literal: true, doc: 'when true, extract up to the last `right` instead of the first (default false)' },
    ],
    returns: 'string',
    caseInsensitive: true,
    summary: 'Extracts the substring between `left` and `right`.',
    notes: [
      'If `source`, `left` or `right` is empty, returns `source` unchanged.',
      'If `left` (or, after it, `right`) is not found, returns an empty string.',
      'Greedy: ends at the last `right` in the whole string.',
    ],
    examples: [
      { call: 'between("System Idle Process", "s", "e")', result: '"t"' },
      { call: 'between~("System Idle Process", "s", "e")', result: '"yst"' },
      { call: 'between("a/b/c/d", "/", "/", true)', result: '"b/c"' },
    ],
    impl: ([source, left, right, greedy], info) => {
      const s = str(source);
      const l = str(left);
      const r = str(right);
      if (!s || !l || !r) return s;
      const hay = fold(s, info);
      const start = hay.indexOf(fold(l, info));
      if (start < 0) return '';
      const from = start + l.length;
      const needle = fold(r, info);
      const end = greedy === true ? hay.lastIndexOf(needle) : hay.indexOf(needle, from);
      return end < from ? '' : s.slice(from, end);
    },
  },
  {
    name: 'cidrMatch',
    params: [
      { name: 'ip', type: 'ip', doc: 'an IP address (a field mapped as `ip`)' },
      { name: 'cidr', type: 'string', variadic: true, literal: true, doc: 'an IPv4 or IPv6 block, e.g. `"10.0.0.0/8"`' },
    ],
    returns: 'boolean',
    caseInsensitive: false,
    summary: 'True when the address is in any of the CIDR blocks.',
    notes: ['IPv4 and IPv6.', 'A null address gives null.'],
    examples: [{ call: 'cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")', result: 'true for 10.6.48.157' }],
    impl: ([ip, ...cidrs]) => {
      let sawValid = false;
      for (const c of cidrs) {
        if (c === null) continue;
        const m = cidrMatch(String(ip), String(c));
        if (m) return true;
        if (m === false) sawValid = true;
      }
      return sawValid ? false : null;
    },
    nullPropagating: false,
  },
  {
    name: 'concat',
    params: [{ name: 'value', type: 'any', variadic: true, doc: 'values to join (numbers and booleans are written as text)' }],
    returns: 'string',
    caseInsensitive: false,
    summary: 'Joins its arguments into one string.',
    notes: ['Any null argument gives null.', 'Numbers print as Elasticsearch prints them (`2.0` for a float).'],
    examples: [{ call: 'concat("process", " ", 42, true)', result: '"process 42true"' }],
    impl: (args, info) => args.map((a, i) => scalarToJavaString(a as string | number | boolean, info.floatArgs[i])).join(''),
  },
  {
    name: 'endsWith',
    params: [
      { name: 'source', type: 'string', doc: 'the string to test' },
      { name: 'substring', type: 'string', doc: 'the ending to look for' },
    ],
    returns: 'boolean',
    caseInsensitive: true,
    summary: 'True when `source` ends with `substring`.',
    notes: ['`endsWith("", "")` is true.', 'A null argument gives null.'],
    examples: [{ call: 'endsWith~("regsvr32.EXE", ".exe")', result: 'true' }],
    impl: ([s, sub], info) => fold(str(s), info).endsWith(fold(str(sub), info)),
  },
  {
    name: 'indexOf',
    params: [
      { name: 'source', type: 'string', doc: 'the string to search' },
      { name: 'substring', type: 'string', doc: 'the text to find' },
      { name: 'start', type: 'integer', optional: true, doc: 'where to start searching (0-based; default 0)' },
    ],
    returns: 'integer',
    caseInsensitive: true,
    summary: 'The 0-based position of the first `substring` in `source` at or after `start`, or null.',
    notes: ['Not found gives null.', 'A negative `start` counts as 0; a `start` beyond the end gives null.', 'A null `start` counts as 0.'],
    examples: [{ call: 'indexOf("explorer.exe", "plore")', result: '2' }],
    impl: ([s, sub, start], info) => {
      const src = fold(str(s), info);
      const from = start === null || start === undefined ? 0 : Math.max(0, Math.trunc(start as number));
      if (from > src.length) return null;
      const at = src.indexOf(fold(str(sub), info), from);
      return at < 0 ? null : at;
    },
    nullPropagating: false,
  },
  {
    name: 'length',
    params: [{ name: 'source', type: 'string', doc: 'a string' }],
    returns: 'integer',
    caseInsensitive: false,
    summary: 'The number of characters in the string.',
    notes: ['Counts UTF-16 code units, as Java does.', 'A null argument gives null.'],
    examples: [{ call: 'length("explorer.exe")', result: '12' }],
    impl: ([s]) => str(s).length,
  },
  {
    name: 'number',
    params: [
      { name: 'source', type: 'string', doc: 'the text of a number' },
      { name: 'base', type: 'integer', optional: true, literal: true, doc: 'the radix, 2 to 36 (default 10; `0x…` text is read in base 16)' },
    ],
    returns: 'number',
    caseInsensitive: false,
    summary: 'Converts a string to an integer or a floating-point number.',
    notes: ['Leading and trailing spaces are ignored; `+` and `-` signs are allowed.', 'Text starting with `0x` is read in base 16.', 'Text that is not a number gives null.'],
    examples: [
      { call: 'number("1337")', result: '1337' },
      { call: 'number("0x2A")', result: '42' },
      { call: 'number("2A", 16)', result: '42' },
    ],
    impl: ([s, base]) => parseEqlNumber(str(s), base === null || base === undefined ? undefined : (base as number)),
    nullPropagating: false,
  },
  {
    name: 'startsWith',
    params: [
      { name: 'source', type: 'string', doc: 'the string to test' },
      { name: 'substring', type: 'string', doc: 'the beginning to look for' },
    ],
    returns: 'boolean',
    caseInsensitive: true,
    summary: 'True when `source` starts with `substring`.',
    notes: ['`startsWith("", "")` is true.', 'A null argument gives null.'],
    examples: [{ call: 'startsWith~("Explorer.exe", "explorer")', result: 'true' }],
    impl: ([s, sub], info) => fold(str(s), info).startsWith(fold(str(sub), info)),
  },
  {
    name: 'string',
    params: [{ name: 'value', type: 'any', doc: 'a value' }],
    returns: 'string',
    caseInsensitive: false,
    summary: 'Converts a value to a string.',
    notes: ['A null argument gives null.'],
    examples: [{ call: 'string(42)', result: '"42"' }],
    impl: ([v], info) => scalarToJavaString(v as string | number | boolean, info.floatArgs[0]),
  },
  {
    name: 'stringContains',
    params: [
      { name: 'source', type: 'string', doc: 'the string to search' },
      { name: 'substring', type: 'string', doc: 'the text to find' },
    ],
    returns: 'boolean',
    caseInsensitive: true,
    summary: 'True when `substring` occurs in `source`.',
    notes: ['An empty `source` or `substring` gives false.', 'A null argument gives null.'],
    examples: [{ call: 'stringContains~("Windows Defender", "defender")', result: 'true' }],
    impl: ([s, sub], info) => {
      const src = str(s);
      const needle = str(sub);
      return src.length > 0 && needle.length > 0 && fold(src, info).includes(fold(needle, info));
    },
  },
  {
    name: 'substring',
    params: [
      { name: 'source', type: 'string', doc: 'a string' },
      { name: 'start', type: 'integer', doc: 'the first position (0-based; negative counts from the end)' },
      { name: 'end', type: 'integer', optional: true, doc: 'the position after the last (negative counts from the end; default: the end)' },
    ],
    returns: 'string',
    caseInsensitive: false,
    summary: 'The part of the string from `start` up to (not including) `end`, with Python-style negative positions.',
    notes: ['Positions are clamped to the string; `start >= end` gives an empty string.', 'A null `source` gives null.'],
    examples: [
      { call: 'substring("explorer.exe", -4)', result: '".exe"' },
      { call: 'substring("explorer.exe", 0, 8)', result: '"explorer"' },
    ],
    impl: ([s, start, end]) => {
      const src = str(s);
      const n = src.length;
      const clamp = (i: number) => Math.max(0, Math.min(n, i < 0 ? n + i : i));
      const from = clamp(start === null ? 0 : Math.trunc(start as number));
      const to = end === null || end === undefined ? n : clamp(Math.trunc(end as number));
      return from >= to ? '' : src.slice(from, to);
    },
    nullPropagating: false,
  },
];

/** `number(s, base)`: integers in `base` (or `0x` hex), else a decimal or floating-point number; null if neither. */
export function parseEqlNumber(text: string, base: number | undefined): number | null {
  const t = text.trim();
  if (t === '') return null;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]+)$/.exec(t);
  if (hex) return (hex[1] === '-' ? -1 : 1) * parseInt(hex[2], 16);
  if (base !== undefined && base !== 10) {
    if (!Number.isInteger(base) || base < 2 || base > 36) return null;
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
    const m = /^([+-]?)(.+)$/.exec(t)!;
    if (![...m[2].toLowerCase()].every((c) => digits.includes(c))) return null;
    return (m[1] === '-' ? -1 : 1) * parseInt(m[2], base);
  }
  if (/^[+-]?[0-9]+$/.test(t)) return Number(t);
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t)) return Number(t);
  return null;
}
