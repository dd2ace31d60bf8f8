/**
 * Semantic tokens (editor highlighting, REPL colouring) of one query, in query offsets and source order.
 *
 * Every token of a lexical scan (lexer.ts) is first classified from its neighbours, which works on any text;
 * where the (possibly partial) AST covers a token, the AST's answer wins: a word is a field, a function, a
 * category or a pipe because the parser says so, and a string is a wildcard pattern, a regular expression or a
 * case-insensitive value because of the operator it belongs to.
 */
import type { Node, Span } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import type { SemanticToken, SemanticTokenType } from './api.js';
import { tokensOf, type LexToken } from './lexer.js';
import type { QueryFacts } from './query-facts.js';

interface Classification {
  type: SemanticTokenType;
  modifiers?: string[];
}

const CASE_INSENSITIVE_OPERATORS = new Set(['in~', 'like~', 'regex~', ':']);

/** The semantic tokens of a query. Never throws. */
export function semanticTokens(facts: Pick<QueryFacts, 'text' | 'ast'>): SemanticToken[] {
  try {
    const tokens = tokensOf(facts);
    const context = lexicalContext(tokens);
    const classes = tokens.map((t, i) => lexicalClass(tokens, i, context));
    if (facts.ast) applyAst(facts.ast, tokens, classes);
    const out: SemanticToken[] = [];
    tokens.forEach((t, i) => {
      const c = classes[i];
      if (!c) return;
      // One token per line (a block comment or raw string may span several): faces colour line by line.
      for (const span of lineSpans(facts.text, t.span)) out.push(c.modifiers?.length ? { span, type: c.type, modifiers: c.modifiers } : { span, type: c.type });
    });
    return out;
  } catch {
    return [];
  }
}

/** The parts of `span` on each line, line breaks excluded (empty parts dropped). */
function lineSpans(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c !== '\n' && c !== '\r') continue;
    if (i > start) out.push({ start, end: i });
    start = i + 1;
  }
  if (span.end > start) out.push({ start, end: span.end });
  return out;
}

// ---- from the neighbours alone ------------------------------------------------------------------------------

/** What a token's left context says, found in one forward pass (a megabyte of tokens stays linear). */
interface LexicalContext {
  /** For a string: the pattern operator it belongs to (`x : ("a", "b")`), as its class. */
  readonly pattern: (Classification | undefined)[];
  /** For a field segment: whether its path is a `?field`. */
  readonly optional: boolean[];
}

function lexicalContext(tokens: readonly LexToken[]): LexicalContext {
  const pattern: (Classification | undefined)[] = new Array(tokens.length);
  const optional: boolean[] = new Array(tokens.length).fill(false);
  let current: Classification | undefined;
  let pathOptional = false;
  let prev: LexToken | undefined;
  tokens.forEach((t, i) => {
    if (t.kind === 'comment') return;
    if (t.kind === 'word' || t.kind === 'backtick') {
      // A segment after `.` continues its path; any other starts one, optional after `?`.
      if (prev?.text !== '.') pathOptional = prev?.text === '?';
      optional[i] = pathOptional;
    }
    const operator = t.kind === 'operator' || t.kind === 'keyword' ? patternClass(t.text) : undefined;
    if (operator) current = operator;
    else if (t.kind === 'string') pattern[i] = current;
    else if (t.kind !== 'number' && t.text !== ',' && t.text !== '(') current = undefined; // the list goes on over these
    prev = t;
  });
  return { pattern, optional };
}

function lexicalClass(tokens: readonly LexToken[], i: number, context: LexicalContext): Classification | undefined {
  const t = tokens[i];
  const optional = context.optional[i] ? { modifiers: ['optional'] } : {};
  switch (t.kind) {
    case 'comment':
      return { type: 'comment' };
    case 'keyword':
      return { type: 'keyword' };
    case 'number':
      return { type: 'number' };
    case 'backtick':
      return { type: 'field', ...optional };
    case 'string':
      return context.pattern[i] ?? { type: 'string' };
    case 'operator':
      if (t.text === '?') return { type: 'operator', modifiers: ['optional'] };
      return CASE_INSENSITIVE_OPERATORS.has(t.text) ? { type: 'operator', modifiers: ['caseInsensitive'] } : { type: 'operator' };
    case 'word':
      return wordClass(tokens, i) ?? { type: 'field', ...optional };
    case 'punctuation':
    case 'unknown':
      return undefined;
  }
}

/** A word that is not a field segment: a function, pipe, unit, option or category. */
function wordClass(tokens: readonly LexToken[], i: number): Classification | undefined {
  const t = tokens[i];
  const prev = previousCode(tokens, i);
  const next = nextCode(tokens, i);
  if (next?.text === '(' && prev?.text !== '.') return t.text.endsWith('~') ? { type: 'function', modifiers: ['caseInsensitive'] } : { type: 'function' };
  if (prev?.text === '|') return { type: 'keyword' };
  // A unit right after its number (`maxspan=5m`), or a stage option (`with runs=`).
  if (prev?.kind === 'number' && prev.span.end === t.span.start) return { type: 'number' };
  if (prev?.text === 'with' && next?.text === '=') return { type: 'keyword' };
  if (next?.text === 'where' && prev?.text !== '.') return { type: 'type' };
  return undefined;
}

function patternClass(op: string): Classification | undefined {
  switch (op) {
    case ':':
      return { type: 'string', modifiers: ['wildcard', 'caseInsensitive'] };
    case 'like':
      return { type: 'string', modifiers: ['wildcard'] };
    case 'like~':
      return { type: 'string', modifiers: ['wildcard', 'caseInsensitive'] };
    case 'regex':
      return { type: 'regexp' };
    case 'regex~':
      return { type: 'regexp', modifiers: ['caseInsensitive'] };
    case 'in~':
      return { type: 'string', modifiers: ['caseInsensitive'] };
    default:
      return undefined;
  }
}

function previousCode(tokens: readonly LexToken[], i: number): LexToken | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j].kind !== 'comment') return tokens[j];
  return undefined;
}

function nextCode(tokens: readonly LexToken[], i: number): LexToken | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j].kind !== 'comment') return tokens[j];
  return undefined;
}

// ---- from the AST -------------------------------------------------------------------------------------------

function applyAst(root: Node, tokens: readonly LexToken[], classes: (Classification | undefined)[]): void {
  const set = (span: Span, c: Classification, only?: (t: LexToken) => boolean) => {
    for (let i = firstAtOrAfter(tokens, span.start); i < tokens.length && tokens[i].span.end <= span.end; i++) {
      if (tokens[i].kind !== 'comment' && (!only || only(tokens[i]))) classes[i] = c;
    }
  };
  // Pattern strings are classified by their operator; the walk then reaches them as plain strings.
  const done = new Set<Node>();
  const patterns = (literals: readonly Node[], c: Classification) => {
    for (const l of literals) {
      if (l.kind !== 'string') continue;
      set(l.span, c);
      done.add(l);
    }
  };
  walk(root, (node) => {
    switch (node.kind) {
      case 'field':
        set(node.span, node.optional ? { type: 'field', modifiers: ['optional'] } : { type: 'field' }, (t) => t.kind === 'word' || t.kind === 'backtick');
        break;
      case 'call':
        set(node.nameSpan, node.caseInsensitive ? { type: 'function', modifiers: ['caseInsensitive'] } : { type: 'function' });
        break;
      case 'category':
        if (node.name !== null) set(node.span, { type: 'type' });
        break;
      case 'pipe':
        set(node.nameSpan, { type: 'keyword' });
        break;
      case 'match':
        patterns(node.patterns, patternClass(node.operator) ?? { type: 'string' });
        break;
      case 'in':
        patterns(node.values, node.caseInsensitive ? { type: 'string', modifiers: ['caseInsensitive'] } : { type: 'string' });
        break;
      case 'string':
        if (!done.has(node)) set(node.span, { type: 'string' }, (t) => t.kind === 'string');
        break;
    }
  });
}

/** The first token starting at or after `offset` (tokens are sorted). */
function firstAtOrAfter(tokens: readonly LexToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
