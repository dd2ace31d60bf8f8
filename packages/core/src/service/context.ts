// What is at a cursor in a query, on any text: the partial word and the span completion replaces, the dotted
// field prefix, whether we are in a string or comment, the operator and field left of the cursor, the enclosing
// call and sequence stage, and what the grammar accepts next (grammar-expectations.ts). Only the text before the
// cursor is read, so the answer is the same while the rest of the query is still being written.
//
// Speed: Ohm's match is linear but slow on long queries, so the text before the cursor is first condensed:
// comments dropped, strings shortened, and closed `(…)` groups and `[…]` stages before the cursor replaced by a
// stand-in of the same syntactic role (`("x")`, `[any where true]`). What the grammar expects after a closed
// group does not depend on what was inside it. When an error before the cursor makes the grammar fail early,
// the scan resynchronises at the last `[`, `|`, `where`, `and`/`or`, `(` or `,` before the cursor.
import type { Span } from '../ast/nodes.js';
import { expectationsAtEnd, type Expectations } from './grammar-expectations.js';
import { keywordSet, lex, type LexToken } from './lexer.js';
import { enclosingCall } from './signature-help.js';

export type CursorKind =
  /** In code: fields, keywords, functions, … as `expected` says. */
  | 'code'
  /** Inside a string literal that is not closed yet: values. */
  | 'string'
  /** Right after the number of `maxspan=`: a time unit. */
  | 'unit'
  /** Inside a comment: nothing. */
  | 'comment';

export interface CursorContext {
  readonly kind: CursorKind;
  /** The span (query offsets) that a completion replaces: the partial word, or the open string, before the cursor. */
  readonly replace: Span;
  /** The text of `replace` (the partial word or string typed so far). */
  readonly word: string;
  /** What the grammar accepts at the start of `replace`; undefined when even resynchronising does not tell. */
  readonly expected: Expectations | undefined;
  /** The dotted path before the last `.` when the cursor is on a field segment after a dot (`process.Ext`). */
  readonly fieldPrefix?: string;
  /** The field starts with `?` (optional field). */
  readonly optionalField: boolean;
  /** The comparison or pattern operator the cursor's value belongs to (`==`, `:`, `in`, `like~`, …). */
  readonly operator?: string;
  /** The field on the left of `operator` (`process.name` in `process.name : ("a", █`). */
  readonly comparedField?: string;
  /** The function whose argument list holds the cursor, and the argument's index. */
  readonly call?: { readonly name: string; readonly argument: number };
  /** The sequence/sample stage around the cursor (0-based), and its event category when written. */
  readonly stage?: { readonly index: number; readonly category?: string };
}

const IS_WORD = /^[A-Za-z_@][A-Za-z0-9_]*~?$/;
const VALUE_OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=', ':', 'like', 'like~', 'regex', 'regex~', 'in', 'in~']);

/** The context at `offset` (a query offset) in `text`. Never throws. */
export function cursorContext(text: string, offset: number): CursorContext {
  const at = Math.max(0, Math.min(text.length, Number.isFinite(offset) ? Math.floor(offset) : text.length));
  const tokens = lex(text, 0, at);
  const last = tokens[tokens.length - 1];
  let kind: CursorKind = 'code';
  let replace: Span = { start: at, end: at };
  if (last && last.span.end === at) {
    if (last.kind === 'comment' && (last.text.startsWith('//') || !last.closed)) kind = 'comment';
    else if (last.kind === 'string' && !last.closed) {
      kind = 'string';
      replace = last.span;
    } else if ((last.kind === 'word' || last.kind === 'keyword') && IS_WORD.test(last.text)) replace = last.span;
    else if (last.kind === 'operator' && /^(in|like|regex)~$/.test(last.text)) replace = last.span;
  } else if (last && last.kind === 'comment' && !last.closed) kind = 'comment';
  const before = tokens.filter((t) => t.span.end <= replace.start && t.kind !== 'comment');
  if (kind === 'code' && isUnitPosition(before, replace.start)) kind = 'unit';
  const word = text.slice(replace.start, replace.end);
  const fieldPrefix = kind === 'code' ? dottedPrefix(before, replace.start) : undefined;
  const expected = kind === 'comment' ? undefined : expectationsWithRecovery(text, before, replace.start);
  const value = valueOperand(before);
  const call = enclosingCall(text, replace.start);
  const stage = enclosingStage(before);
  return {
    kind,
    replace,
    word,
    expected,
    ...(fieldPrefix !== undefined ? { fieldPrefix } : {}),
    optionalField: isOptional(before, fieldPrefix !== undefined ? fieldStart(before) : replace.start),
    ...(value ? { operator: value.operator, ...(value.field ? { comparedField: value.field } : {}) } : {}),
    ...(call ? { call: { name: call.name.text, argument: call.argument } } : {}),
    ...(stage ? { stage } : {}),
  };
}

/** `maxspan = 5█` or `maxspan=5m█`: the number right before the cursor follows `maxspan =`. */
function isUnitPosition(before: readonly LexToken[], start: number): boolean {
  const n = before.length;
  return n >= 3 && before[n - 1].kind === 'number' && before[n - 1].span.end === start && before[n - 2].text === '=' && before[n - 3].text === 'maxspan';
}

/** The path before the cursor's segment when the tokens end with `segment . segment . ` right before it. */
function dottedPrefix(before: readonly LexToken[], start: number): string | undefined {
  const n = before.length;
  if (n < 2 || before[n - 1].text !== '.' || before[n - 1].span.end !== start) return undefined;
  const parts: string[] = [];
  let i = n - 2;
  for (;;) {
    const t = before[i];
    if (!t) return undefined;
    if (t.text === ']' && before[i - 1]?.kind === 'number' && before[i - 2]?.text === '[') {
      // An array index: `a[0].b` (the index follows its segment directly).
      parts.unshift(`[${before[i - 1].text}]`);
      i -= 3;
      continue;
    }
    if (t.kind === 'word' || t.kind === 'backtick' || (t.kind === 'keyword' && parts.length)) {
      parts.unshift(t.kind === 'backtick' ? t.text.slice(1, -1).replace(/``/g, '`') : t.text);
      if (before[i - 1]?.text !== '.') break;
      parts.unshift('.');
      i -= 2;
      continue;
    }
    return undefined;
  }
  return parts.join('');
}

/** Whether a `?` sits right before the field starting at `start`. */
function isOptional(before: readonly LexToken[], start: number): boolean {
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i].span.end <= start) return before[i].text === '?' && before[i].span.end === start;
  }
  return false;
}

/** Where the dotted field before the cursor starts (for `?` detection). */
function fieldStart(before: readonly LexToken[]): number {
  let i = before.length - 1;
  while (i > 0 && (before[i].text === '.' || before[i].kind === 'word' || before[i].kind === 'backtick' || before[i].kind === 'number' || before[i].text === '[' || before[i].text === ']')) i--;
  return before[i + 1]?.span.start ?? 0;
}

/** The operator whose right-hand side the cursor is in, and the field on its left. */
function valueOperand(before: readonly LexToken[]): { operator: string; field?: string } | undefined {
  // Inside a list `in ("a", "b", █`: step back over its items to the `(`; otherwise the operator is the last token.
  let j = before.length - 1;
  while (j >= 0 && (before[j].kind === 'string' || before[j].kind === 'number' || before[j].text === ',' || /^(true|false|null)$/.test(before[j].text))) j--;
  const inList = j >= 0 && before[j].text === '(';
  const i = inList ? j - 1 : before.length - 1;
  const op = before[i];
  if (!op || !VALUE_OPERATORS.has(op.text)) return undefined;
  if ((op.text === 'in' || op.text === 'in~') && !inList) return undefined;
  let k = i - 1;
  if (before[k]?.text === 'not') k--;
  const parts: string[] = [];
  for (; k >= 0; k--) {
    const t = before[k];
    if (t.kind === 'word' || t.kind === 'backtick' || t.text === '.' || t.kind === 'number' || t.text === '[' || t.text === ']') parts.unshift(t.kind === 'backtick' ? t.text.slice(1, -1) : t.text);
    else break;
    if (t.kind === 'word' && before[k - 1]?.text !== '.') break;
  }
  const field = parts.join('');
  return { operator: op.text, ...(field && /^[A-Za-z_@`]/.test(field) ? { field } : {}) };
}

/** The innermost unclosed `[`/`![` stage before the cursor: its index among the query's stages and its category. */
function enclosingStage(before: readonly LexToken[]): { index: number; category?: string } | undefined {
  let depth = 0;
  let index = -1;
  let open: number | undefined;
  for (let i = 0; i < before.length; i++) {
    const t = before[i].text;
    if (t === '(') depth++;
    else if (t === ')') depth = Math.max(0, depth - 1);
    else if ((t === '[' || t === '![') && depth === 0 && !isArrayIndex(before, i)) {
      index++;
      open = i;
    } else if (t === ']' && depth === 0 && open !== undefined && !(before[i - 2]?.text === '[' && before[i - 1]?.kind === 'number')) open = undefined;
  }
  if (open === undefined) return undefined;
  const cat = before[open + 1];
  return { index, ...(cat && (cat.kind === 'word' || cat.kind === 'keyword') && cat.text !== 'any' ? { category: cat.text } : {}) };
}

function isArrayIndex(tokens: readonly LexToken[], i: number): boolean {
  const prev = tokens[i - 1];
  return tokens[i].text === '[' && prev !== undefined && prev.span.end === tokens[i].span.start && (prev.kind === 'word' || prev.kind === 'backtick' || prev.text === ']');
}

// ---- what the grammar expects ---------------------------------------------------------------------------------

/** Stand-ins that put the tokens after a resynchronisation point back in a query the grammar can follow. */
const RESYNC: Readonly<Record<string, string>> = {
  '[': 'sequence [',
  '![': 'sequence ![',
  '|': 'any where true |',
  where: 'any where',
  and: 'any where true and',
  or: 'any where true or',
  not: 'any where not',
  '(': 'any where (',
  ',': 'any where f(x,',
  by: 'sequence by',
};
const MAX_RESYNC = 8;

// What the grammar expects depends on the kinds of the tokens before the cursor, not on their spelling: the
// condensed text (names → `x`, strings → `"x"`, numbers → `1`) keys a cache, so that typing along a query asks
// Ohm again only when the shape before the cursor is new.
const MAX_CACHED = 2000;
const cache = new Map<string, Expectations | null>();

function expectationsWithRecovery(text: string, before: readonly LexToken[], end: number): Expectations | undefined {
  const condensed = shorten(condense(before));
  const key = condensed.join(' ') + (end > 0 && /\s/.test(text[end - 1]) ? ' ' : '');
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const found = expectationsOf(condensed, key);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, found ?? null);
  return found;
}

function expectationsOf(condensed: readonly string[], key: string): Expectations | undefined {
  const kws = keywordSet();
  const space = key.endsWith(' ') ? ' ' : '';
  const direct = expectationsAtEnd(key, kws);
  if (direct) return key.trimEnd().endsWith(']') ? withProbedKeywords(direct, key, kws) : direct;
  let tries = 0;
  for (let k = condensed.length - 1; k >= 0 && tries < MAX_RESYNC; k--) {
    const stub = RESYNC[condensed[k]];
    if (stub === undefined) continue;
    tries++;
    const e = expectationsAtEnd([stub, ...condensed.slice(k + 1)].join(' ') + space, kws);
    if (e) return e;
  }
  return undefined;
}

/**
 * Shortens the innermost open group (where the cursor is) the same way: items of a list before its last comma
 * become one stand-in (`f("x", █`), and the operands before the last `and`/`or` become `true`
 * (`where true and █`). Both keep what the grammar expects at the end.
 */
function shorten(tokens: string[]): string[] {
  let open = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i] === '(' || tokens[i] === '[' || tokens[i] === '![') {
      open = i;
      break;
    }
  }
  let out = tokens;
  const lastComma = out.lastIndexOf(',');
  if (open >= 0 && out[open] === '(' && lastComma > open + 2) out = [...out.slice(0, open + 1), '"x"', ...out.slice(lastComma)];
  let conn = -1;
  for (let i = out.length - 1; i > open; i--) {
    if (out[i] === 'and' || out[i] === 'or') {
      conn = i;
      break;
    }
  }
  if (conn < 0) return out;
  let start = open + 1;
  for (let i = conn - 1; i > open; i--) {
    if (out[i] === 'where' || out[i] === ',' || out[i] === 'by') {
      start = i + 1;
      break;
    }
    if (out[i] === '|') {
      start = i + 2;
      break;
    }
  }
  return conn - start > 2 ? [...out.slice(0, start), 'true', ...out.slice(conn)] : out;
}

/**
 * Ohm's failure record misses keywords of optional parts right after a memoised stage (`[…] by` is not reported
 * after a closed stage), so after a `]` the keywords that may follow a stage are tried: the grammar accepts one if
 * the match then fails only after it.
 */
const PROBED = ['by', 'with', 'until'];

function withProbedKeywords(e: Expectations, key: string, kws: ReadonlySet<string>): Expectations {
  const keywords = [...e.keywords];
  const base = key.endsWith(' ') ? key : `${key} `;
  for (const k of PROBED) {
    if (keywords.includes(k)) continue;
    if (expectationsAtEnd(`${base}${k} `, kws)) keywords.push(k);
  }
  return keywords.length === e.keywords.length ? e : { ...e, keywords };
}

/** The tokens' texts with comments dropped, strings shortened and closed groups replaced by stand-ins. */
function condense(tokens: readonly LexToken[]): string[] {
  const match = new Map<number, number>();
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.text === '(' || t.text === '[' || t.text === '![') stack.push(i);
    else if (t.text === ')' || t.text === ']') {
      const open = stack.pop();
      if (open !== undefined && (tokens[open].text === '(') === (t.text === ')')) match.set(open, i);
    }
  });
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const close = match.get(i);
    if (close !== undefined && close > i + 1) {
      if (t.text === '(') out.push('("x")');
      else if (close === i + 2 && tokens[i + 1].kind === 'number') out.push('[1]');
      else out.push(`${t.text}any where true]`);
      i = close;
    } else if (t.kind === 'string') out.push(t.closed ? '"x"' : t.text);
    else if (t.kind === 'word') out.push(t.text.endsWith('~') ? 'x~' : 'x');
    else if (t.kind === 'number') out.push('1');
    else if (t.kind === 'backtick') out.push(t.closed ? '`x`' : t.text);
    else out.push(t.text);
  }
  return out;
}
