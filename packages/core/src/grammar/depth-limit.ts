/**
 * Limits on how deeply a query may nest, checked before parsing. The parser, the checker, the evaluator and the
 * formatter are recursive: without a limit a deeply nested query would overflow the call stack. Elasticsearch
 * pre-scans the tokens the same way (parenthesis depth plus a run of prefix operators `not`, `-`, `+`) and stops
 * with "EQL statement exceeded the maximum expression depth allowed (N)"; see docs/semantics.md for our N.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { syntaxDiagnostic } from '../diagnostics/catalog.js';

/** Nesting (parentheses plus a run of prefix operators) allowed at most. */
export const MAX_EXPRESSION_DEPTH = 100;

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 64;

/** Where the query first nests deeper than {@link MAX_EXPRESSION_DEPTH}, as a diagnostic; undefined when it does not. */
export function expressionDepthDiagnostic(text: string): Diagnostic | undefined {
  // Cheap gate: fewer candidate characters than the limit cannot exceed it.
  let candidates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 45 || c === 43 || c === 110 || c === 78) candidates++; // ( - + n N
  }
  if (candidates <= MAX_EXPRESSION_DEPTH) return undefined;
  let depth = 0;
  let prefixRun = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === 34 && text.startsWith('"""', i)) {
      const close = text.indexOf('"""', i + 3);
      i = close < 0 ? n : close + 3;
      prefixRun = 0;
      continue;
    }
    if (c === 34 || c === 39 || c === 96) {
      // "…" and '…' with backslash escapes, `…` with `` for a backtick; unclosed runs to the end of the line.
      i++;
      while (i < n && text.charCodeAt(i) !== c && text.charCodeAt(i) !== 10) i += c !== 96 && text.charCodeAt(i) === 92 ? 2 : 1;
      i++;
      prefixRun = 0;
      continue;
    }
    if (isWordChar(c)) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      prefixRun = i - start === 3 && text.slice(start, i).toLowerCase() === 'not' ? prefixRun + 1 : 0;
    } else {
      i++;
      if (c === 40) depth++;
      else if (c === 41) depth = Math.max(0, depth - 1);
      prefixRun = c === 45 || c === 43 ? prefixRun + 1 : 0;
    }
    if (depth + prefixRun > MAX_EXPRESSION_DEPTH) {
      return syntaxDiagnostic('too-deep', { start, end: i }, { max: MAX_EXPRESSION_DEPTH });
    }
  }
  return undefined;
}

/** True for the engine's stack overflow (a query nested or chained beyond what the recursive stages can handle). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The plain answer for a query too large for the recursive stages, at one point (never a megabyte underlined). */
export function tooLargeDiagnostic(at = 0): Diagnostic {
  return syntaxDiagnostic('too-large', { start: at, end: at }, {});
}
