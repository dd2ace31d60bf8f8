/**
 * A forgiving lexical scan of EQL text: the token shapes of grammar/eql.ohm (words, strings, numbers, operators,
 * comments), for the parts of the language service that must answer on text the grammar rejects (semantic tokens
 * after a syntax error, signature help inside an unclosed call). It never fails: an unclosed string or comment runs
 * to the end of its line (or of the text), and a character no token starts with becomes an `unknown` token.
 * The keyword set is the grammar's own (`grammarKeywords`).
 */
import type { Span } from '../ast/nodes.js';
import { blockCommentEnd } from '../grammar/comments.js';
import { grammarKeywords } from '../grammar/load.js';

export type LexKind =
  /** A name: field segment, function, category, pipe, unit (`like~`, `in~`, `regex~` are `operator`s). */
  | 'word'
  | 'keyword'
  /** `"…"`, `"""…"""`, and the rejected `'…'`, `?"…"` forms. */
  | 'string'
  /** A backtick-quoted field name segment. */
  | 'backtick'
  | 'number'
  | 'operator'
  /** `(`, `)`, `[`, `![`, `]`, `,`, `.`, `|`. */
  | 'punctuation'
  | 'comment'
  | 'unknown';

export interface LexToken {
  readonly kind: LexKind;
  readonly span: Span;
  readonly text: string;
  /** False for a string, backtick name or block comment whose closing delimiter is missing. */
  readonly closed: boolean;
}

let keywords: ReadonlySet<string> | undefined;

/** The grammar's keywords (read once). */
export function keywordSet(): ReadonlySet<string> {
  keywords ??= new Set(grammarKeywords());
  return keywords;
}

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '=', ':', '+', '-', '*', '/', '%', '?', '~'];
const PATTERN_OPERATORS = new Set(['in~', 'like~', 'regex~']);

const isWordStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 64;
const isWordPart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Every token of `text` in order (spaces are skipped; comments are tokens). Never throws. */
export function lex(text: string, from = 0, to = text.length): LexToken[] {
  const out: LexToken[] = [];
  const kw = keywordSet();
  let i = Math.max(0, from);
  const end = Math.min(to, text.length);
  const push = (kind: LexKind, start: number, stop: number, closed = true) => {
    out.push({ kind, span: { start, end: stop }, text: text.slice(start, stop), closed });
    i = stop;
  };
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (text.startsWith('//', i)) push('comment', start, lineEnd(text, i, end));
    else if (text.startsWith('/*', i)) {
      const close = blockCommentEnd(text, i, end);
      push('comment', start, close ?? end, close !== undefined);
    } else if (text.startsWith('"""', i)) {
      const close = text.indexOf('"""', i + 3);
      if (close < 0 || close + 3 > end) push('string', start, end, false);
      else {
        // The grammar lets a raw string end in up to two more quotes (`"""a""""` is `a"`).
        let stop = close + 3;
        while (stop < end && stop < close + 5 && text[stop] === '"') stop++;
        push('string', start, stop);
      }
    } else if (c === 34 /* " */ || c === 39 /* ' */) push('string', start, ...quotedEnd(text, i + 1, end, text[i]));
    else if (c === 63 /* ? */ && (text[i + 1] === '"' || text[i + 1] === "'")) push('string', start, ...quotedEnd(text, i + 2, end, text[i + 1]));
    else if (c === 96 /* ` */) push('backtick', start, ...backtickEnd(text, i + 1, end));
    else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)) && !followsValue(out, start))) push('number', start, numberEnd(text, i, end));
    else if (isWordStart(c)) {
      let stop = i + 1;
      while (stop < end && isWordPart(text.charCodeAt(stop))) stop++;
      const word = text.slice(start, stop);
      if (text[stop] === '~' && stop < end) {
        // `name~` is one token (a case-insensitive function or pattern operator).
        const tilde = `${word}~`;
        push(PATTERN_OPERATORS.has(tilde) ? 'operator' : 'word', start, stop + 1);
      } else push(kw.has(word) ? 'keyword' : 'word', start, stop);
    } else if (text.startsWith('![', i)) push('punctuation', start, i + 2);
    else if ('()[],.|'.includes(text[i])) push('punctuation', start, i + 1);
    else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) push('operator', start, i + op.length);
      else push('unknown', start, i + (c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1));
    }
  }
  return out;
}

const cache = new WeakMap<object, { readonly text: string; readonly tokens: readonly LexToken[] }>();

/**
 * The tokens of an analysed query's text, scanned once per query object (the document layer keeps one object
 * per text version, and several features of one request read the same tokens).
 */
export function tokensOf(facts: { readonly text: string }): readonly LexToken[] {
  const hit = cache.get(facts);
  if (hit && hit.text === facts.text) return hit.tokens;
  const tokens = lex(facts.text);
  cache.set(facts, { text: facts.text, tokens });
  return tokens;
}

/** The index of the token containing `offset` or ending right at it (the one before the cursor), if any. */
export function tokenAt(tokens: readonly LexToken[], offset: number): LexToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  let found: LexToken | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (t.span.start <= offset) {
      if (offset <= t.span.end) found = t;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function followsValue(out: readonly LexToken[], at: number): boolean {
  const prev = out[out.length - 1];
  if (!prev || prev.span.end !== at) return false;
  return prev.kind === 'word' || prev.kind === 'backtick' || prev.text === ']' || prev.text === ')';
}

function lineEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The end of a quoted string whose body starts at `from`: after the closing quote, or the end of the line. */
function quotedEnd(text: string, from: number, end: number, quote: string): [number, boolean] {
  let i = from;
  while (i < end) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === quote) return [i + 1, true];
    else if (ch === '\n' || ch === '\r') return [i, false];
    else i++;
  }
  return [end, false];
}

function backtickEnd(text: string, from: number, end: number): [number, boolean] {
  let i = from;
  while (i < end) {
    if (text[i] === '`') {
      if (text[i + 1] === '`') i += 2;
      else return [i + 1, true];
    } else if (text[i] === '\n' || text[i] === '\r') return [i, false];
    else i++;
  }
  return [end, false];
}

function numberEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (text[i] === '.') {
    i++;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
  }
  if ((text[i] === 'e' || text[i] === 'E') && i + 1 < end) {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (isDigit(text.charCodeAt(j))) {
      i = j;
      while (i < end && isDigit(text.charCodeAt(i))) i++;
    }
  }
  return Math.min(i, end);
}

export interface BracketPair {
  /** The `(`, `[` or `![` token. */
  readonly open: LexToken;
  /** The matching closer; undefined when the text ends first. */
  readonly close: LexToken | undefined;
  /** Brackets around it (0 at the top level). */
  readonly depth: number;
}

/**
 * The bracket pairs of a token list, in order of their openers. A closer that matches no opener is skipped; one
 * of the wrong kind closes the openers above its own kind (so `[a where f(x]` still closes the stage).
 */
export function bracketPairs(tokens: readonly LexToken[]): BracketPair[] {
  const pairs: { open: LexToken; close: LexToken | undefined; depth: number }[] = [];
  const stack = new OpenBrackets<number>();
  for (const t of tokens) {
    if (t.kind !== 'punctuation') continue;
    if (t.text === '(' || t.text === '[' || t.text === '![') {
      pairs.push({ open: t, close: undefined, depth: stack.size });
      stack.push(t.text === '(' ? '(' : '[', pairs.length - 1);
    } else if (t.text === ')' || t.text === ']') {
      const at = stack.popTo(t.text === ')' ? '(' : '[');
      if (at !== undefined) pairs[at].close = t;
    }
  }
  return pairs;
}

/**
 * A stack of open brackets that pops to the innermost opener of a kind in amortized constant time (a closer of
 * a kind with no opener is skipped at once), so that a megabyte of brackets stays linear.
 */
export class OpenBrackets<T> {
  private readonly kinds: ('(' | '[')[] = [];
  private readonly items: T[] = [];
  private readonly open = { '(': 0, '[': 0 };

  get size(): number {
    return this.items.length;
  }

  push(kind: '(' | '[', item: T): void {
    this.kinds.push(kind);
    this.items.push(item);
    this.open[kind]++;
  }

  /** Pops every opener above the innermost `kind` and that one; returns its item (undefined when none is open). */
  popTo(kind: '(' | '['): T | undefined {
    if (this.open[kind] === 0) return undefined;
    for (;;) {
      const k = this.kinds.pop()!;
      const item = this.items.pop()!;
      this.open[k]--;
      if (k === kind) return item;
    }
  }

  /** The items from the innermost outwards, with their kinds. */
  *fromTop(): Generator<[kind: '(' | '[', item: T]> {
    for (let i = this.items.length - 1; i >= 0; i--) yield [this.kinds[i], this.items[i]];
  }

  clear(): void {
    this.kinds.length = 0;
    this.items.length = 0;
    this.open['('] = 0;
    this.open['['] = 0;
  }
}
