import { foldCase } from './case-fold.js';
import { findSegment, matchBackward, matchForward } from './wildcard-segments.js';

/**
 * EQL wildcard patterns (`:`, `like`, `like~`): `*` matches any run of characters, `?` exactly one character
 * (one code point), everything else matches itself, and the pattern covers the whole value. There is no escape
 * character: a backslash is a literal backslash (the EQL string `"C:\\Windows\\*"` arrives here as `C:\Windows\*`).
 *
 * Compiling picks a fast path for the shapes detection rules use most (`abc`, `abc*`, `*abc`, `*abc*`, `*`);
 * everything else goes through a greedy segment scan that is O(n·m) at worst, with no backtracking blow-up.
 */

export type ValueTest = (value: string) => boolean;

/** Compiles a wildcard pattern into a predicate over whole values. Never throws; every pattern is valid. */
export function compileWildcard(pattern: string, caseInsensitive: boolean): ValueTest {
  const p = caseInsensitive ? foldCase(pattern) : pattern;
  const segments = p.split('*');
  const hasQuestion = p.includes('?');
  if (segments.length === 1) {
    if (!hasQuestion) return exact(p, caseInsensitive);
    return general(segments, caseInsensitive);
  }
  if (segments.every((s) => s === '')) return () => true;
  if (!hasQuestion && segments.length === 2) {
    if (segments[1] === '') return prefix(segments[0], caseInsensitive);
    if (segments[0] === '') return suffix(segments[1], caseInsensitive);
  }
  if (!hasQuestion && segments.length === 3 && segments[0] === '' && segments[2] === '') {
    const infix = segments[1];
    return caseInsensitive ? (v) => foldCase(v).includes(infix) : (v) => v.includes(infix);
  }
  return general(segments, caseInsensitive);
}

// Folding keeps UTF-16 lengths and is context-free, so folding just the compared slice is enough.
function exact(p: string, ci: boolean): ValueTest {
  return ci ? (v) => v.length === p.length && foldCase(v) === p : (v) => v === p;
}

function prefix(p: string, ci: boolean): ValueTest {
  return ci ? (v) => v.length >= p.length && foldCase(v.slice(0, p.length)) === p : (v) => v.startsWith(p);
}

function suffix(p: string, ci: boolean): ValueTest {
  return ci ? (v) => v.length >= p.length && foldCase(v.slice(v.length - p.length)) === p : (v) => v.endsWith(p);
}

function general(segments: readonly string[], ci: boolean): ValueTest {
  const first = segments[0];
  const last = segments[segments.length - 1];
  const middle = segments.slice(1, -1).filter((s) => s !== '');
  const single = segments.length === 1;
  return (raw) => {
    const v = ci ? foldCase(raw) : raw;
    const head = matchForward(v, 0, first);
    if (head < 0) return false;
    if (single) return head === v.length;
    const tail = matchBackward(v, v.length, last);
    if (tail < head) return false;
    let at = head;
    for (const segment of middle) {
      at = findSegment(v, at, tail, segment);
      if (at < 0) return false;
    }
    return true;
  };
}

/** What any value matching a wildcard pattern must contain; for pre-filtering raw text before parsing it. */
export interface WildcardLiteralInfo {
  /** True when the pattern has no `*` or `?`, i.e. the value must equal `prefix`. */
  readonly exact: boolean;
  /** Literal text the value must start with ('' if the pattern starts with a wildcard). */
  readonly prefix: string;
  /** Literal text the value must end with ('' if the pattern ends with a wildcard). */
  readonly suffix: string;
  /** Every maximal wildcard-free run, in pattern order, without duplicates; a match contains each of them. */
  readonly required: readonly string[];
}

/**
 * Literal fragments of a wildcard pattern. With `caseInsensitive` they are folded with {@link foldCase}, so
 * compare them with folded text. They are decoded value text: a filter over raw JSON lines must JSON-escape them
 * (a backslash appears doubled in the line) and cannot see text the JSON encoder wrote as `\uXXXX`.
 */
export function wildcardLiteralInfo(pattern: string, caseInsensitive = false): WildcardLiteralInfo {
  const p = caseInsensitive ? foldCase(pattern) : pattern;
  const runs = p.split(/[*?]/);
  const required = [...new Set(runs.filter((r) => r !== ''))];
  return { exact: runs.length === 1, prefix: runs[0], suffix: runs[runs.length - 1], required };
}
