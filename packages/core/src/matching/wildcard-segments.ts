import { charWidthAt, charWidthBefore } from './code-points.js';

/**
 * Matching one `*`-free piece of a wildcard pattern, in which `?` stands for exactly one character (one code
 * point, like Lucene's WildcardQuery; a surrogate pair is one character). Offsets are UTF-16 indexes.
 */

const QUESTION = 0x3f;

/** Matches `segment` at `start`; returns the end offset, or -1. */
export function matchForward(value: string, start: number, segment: string): number {
  let i = start;
  for (let j = 0; j < segment.length; j++) {
    const c = segment.charCodeAt(j);
    if (i >= value.length) return -1;
    if (c === QUESTION) i += charWidthAt(value, i);
    else if (value.charCodeAt(i) === c) i++;
    else return -1;
  }
  return i;
}

/** Matches `segment` so that it ends at `end`; returns the start offset, or -1. */
export function matchBackward(value: string, end: number, segment: string): number {
  let i = end;
  for (let j = segment.length - 1; j >= 0; j--) {
    const c = segment.charCodeAt(j);
    if (i <= 0) return -1;
    if (c === QUESTION) i -= charWidthBefore(value, i);
    else if (value.charCodeAt(i - 1) === c) i--;
    else return -1;
  }
  return i;
}

/**
 * The leftmost occurrence of `segment` starting at or after `from` and ending at or before `limit`; returns its
 * end offset, or -1. Leftmost is optimal for the pieces between two stars: an earlier start never ends later,
 * so the greedy scan is O(n·m) at worst and never backtracks.
 */
export function findSegment(value: string, from: number, limit: number, segment: string): number {
  const wild = segment.indexOf('?');
  if (wild < 0) {
    const at = value.indexOf(segment, from);
    return at >= 0 && at + segment.length <= limit ? at + segment.length : -1;
  }
  const lead = segment.slice(0, wild);
  let at = from;
  while (at < limit) {
    if (lead.length > 0) {
      at = value.indexOf(lead, at);
      if (at < 0) return -1;
    }
    const end = matchForward(value, at, segment);
    if (end >= 0) return end <= limit ? end : -1;
    at += at < value.length ? charWidthAt(value, at) : 1;
  }
  return -1;
}
