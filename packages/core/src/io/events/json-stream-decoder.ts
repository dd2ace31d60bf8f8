/**
 * Streams the elements of a top-level JSON array (`[ {...}, {...} ]`, compact or pretty-printed)
 * — or a sequence of concatenated JSON values (pretty-printed objects one after another) — out of
 * byte chunks, without parsing them: a small scanner tracks strings and bracket nesting and cuts
 * out each element's text, remembering the line it starts on. String contents are skipped with
 * native `indexOf`, which keeps the scanner several times faster than `JSON.parse`.
 *
 * Problems between elements (stray commas, a missing `]`) are reported and skipped. A broken element — a bracket
 * that does not match, a string that runs past the end of its line, an element still open at the end of the
 * input — is reported at the line it starts on, and reading resynchronises at the next element: the next
 * `, {` (array) or `{` starting a line (concatenated values) — at the broken element's own indentation when it
 * started a line, as in pretty-printed files and one-element-per-line arrays.
 */

import { isAscii } from 'node:buffer';
import { errorReason, jsonTypeName, type RecordSink } from './record-sink.js';
import { MAX_RECORD_BYTES, tooLargeMessage } from './types.js';

const enum Phase {
  /** Array mode, before `[`. */
  BeforeOpen,
  /** Expecting an element (or `]`). */
  Value,
  /** Inside an element. */
  InValue,
  /** After an element: `,` or `]` (array) / whitespace or the next value (concat). */
  AfterValue,
  /** After the closing `]`: only whitespace may follow. */
  Done,
  /** After a broken element: looking for the start of the next one. */
  Resync,
  /** A structural error made the rest of the file unreadable. */
  Dead,
}

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Backslash = 92,
  OpenBracket = 91,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

/** 1 for ASCII chars that mean nothing to the scanner inside an element (not quote, bracket or newline). */
const BORING = new Uint8Array(128).fill(1);
for (const c of [Ch.Quote, Ch.LF, Ch.OpenBrace, Ch.OpenBracket, Ch.CloseBrace, Ch.CloseBracket]) BORING[c] = 0;

function isWs(c: number): boolean {
  return c === Ch.Space || c === Ch.LF || c === Ch.CR || c === Ch.Tab;
}

/** Ends a bare scalar element (number, true, false, null, or junk). */
function isDelimiter(c: number): boolean {
  return isWs(c) || c === Ch.Comma || c === Ch.CloseBracket || c === Ch.CloseBrace || c === Ch.OpenBrace || c === Ch.OpenBracket || c === Ch.Quote;
}

/** ASCII-only text (the common case) decodes as latin1, skipping UTF-8 validation. */
function decode(b: Buffer): string {
  return isAscii(b) ? b.toString('latin1') : b.toString('utf8');
}

export class JsonStreamDecoder {
  /** Bytes after the last ASCII byte of the previous chunk (a possibly incomplete UTF-8 sequence). */
  private carry: Buffer | undefined;
  private phase: Phase;
  private line = 1;
  private atStart = true;
  private sawElement = false;
  /** Open brackets inside the current element (`{` or `[` char codes). */
  private stack: number[] = [];
  /** Inside a string that continues from the previous chunk. */
  private inString = false;
  /** The previous chunk ended on an unconsumed backslash inside a string. */
  private escape = false;
  /** The element is a bare scalar (number, true/false/null): it ends at a delimiter. */
  private scalar = false;
  private pieces: string[] = [];
  /** Characters held in `pieces`. */
  private held = 0;
  private valueLine = 0;
  private valueFirst = 0;
  /** Where the current element's text begins in the chunk being scanned (0 if in an earlier chunk). */
  private start = 0;
  /** Position of the next newline in the chunk at or after the last string scanned (cache). */
  private nextNl = -1;
  /** Columns of blanks before the current element on its line, or -1 when something else precedes it there. */
  private valueIndent = -1;
  /** The indentation of the last well-formed object element that began a line (-1: none yet, or compact). */
  private elementIndent = -1;
  /** Text to scan next, in place of the rest of the current chunk (set after a broken element). */
  private restart: string | undefined;
  /** The current element is too long to hold: it is still scanned (to find its end) but its text is dropped. */
  private discarding = false;
  /** While resynchronising: the end of a chunk that may be the start of the next element's separator. */
  private resyncTail = '';

  constructor(
    private readonly sink: RecordSink,
    private readonly mode: 'array' | 'concat',
    private readonly maxRecordBytes = MAX_RECORD_BYTES,
  ) {
    this.phase = mode === 'array' ? Phase.BeforeOpen : Phase.Value;
  }

  push(chunk: Buffer): void {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    // Cut after the last ASCII byte: it always ends a complete character.
    let cut = bytes.length - 1;
    while (cut >= 0 && bytes[cut] >= 0x80) cut--;
    this.carry = cut + 1 < bytes.length ? bytes.subarray(cut + 1) : undefined;
    if (cut >= 0) this.scan(decode(bytes.subarray(0, cut + 1)));
  }

  end(): void {
    if (this.carry) this.scan(this.carry.toString('utf8')); // invalid trailing bytes become U+FFFD
    this.carry = undefined;
    if (this.phase === Phase.InValue && this.scalar) this.finishValue('', 0);
    // An element still open at the end: when another element starts inside it, it was this one that was broken.
    while (this.phase === Phase.InValue && !this.sink.stopped) {
      const text = this.pieces.join('');
      const next = this.findBoundary(text, 1);
      if (next < 0) break;
      this.sink.error(this.valueLine, 'invalid-json', `invalid JSON (this ${this.what()} is not closed before the next one starts); skipped`);
      this.line = this.valueLine + countNewlines(text, 0, next);
      this.phase = Phase.Value;
      this.pieces = [];
      this.held = 0;
      this.scan(text.slice(next));
    }
    if (this.phase === Phase.InValue) {
      this.sink.error(this.valueLine, 'truncated', `invalid JSON (unexpected end of input: the ${this.what()} starting here is incomplete)`);
    } else if (this.mode === 'array' && this.phase !== Phase.Done && this.phase !== Phase.Dead && this.phase !== Phase.Resync) {
      this.sink.error(this.line, 'truncated', 'invalid JSON (unexpected end of input: the JSON array is not closed with "]")');
    }
  }

  abort(): number {
    const line = this.phase === Phase.InValue ? this.valueLine : this.line;
    this.pieces = [];
    this.held = 0;
    this.carry = undefined;
    this.phase = Phase.Dead;
    return line;
  }

  private scan(text: string): void {
    if (text === '') return;
    let s = this.resyncTail ? this.resyncTail + text : text;
    this.resyncTail = '';
    let len = s.length;
    let i = 0;
    if (this.atStart) {
      this.atStart = false;
      if (s.charCodeAt(0) === 0xfeff) i = 1;
    }
    this.start = 0;
    this.nextNl = -1;
    for (;;) {
      while (i < len) {
        if (this.phase === Phase.Dead || this.sink.stopped) return;
        if (this.phase === Phase.InValue) {
          i = this.scalar ? this.scanScalar(s, i) : this.scanNested(s, i);
          continue;
        }
        if (this.phase === Phase.Resync) {
          i = this.resync(s, i);
          continue;
        }
        const c = s.charCodeAt(i);
        if (isWs(c)) {
          if (c === Ch.LF) this.line++;
          i++;
          continue;
        }
        i = this.between(s, c, i);
      }
      if (this.restart === undefined) break;
      // A broken element: read on from just after its first character, looking for the next element.
      s = this.restart;
      this.restart = undefined;
      len = s.length;
      i = 0;
      this.start = 0;
      this.nextNl = -1;
    }
    if (this.phase === Phase.InValue) this.hold(s.slice(this.start));
  }

  private what(): string {
    return this.mode === 'array' ? 'array element' : 'JSON value';
  }

  /**
   * Reports the element being scanned as broken (it ends at `end` in `s`) and sets up resynchronisation: the text
   * after its first character is scanned again for the start of the next element.
   */
  private fail(s: string, end: number, reason: string): number {
    const text = this.pieces.length > 0 ? this.pieces.join('') + s.slice(this.start, end) : s.slice(this.start, end);
    this.sink.error(this.valueLine, 'invalid-json', `invalid JSON (${reason}); skipped`);
    this.pieces = [];
    this.held = 0;
    this.stack.length = 0;
    this.inString = false;
    this.escape = false;
    this.phase = Phase.Resync;
    this.line = this.valueLine + countNewlines(text, 0, 1);
    this.restart = text.slice(1) + s.slice(end);
    return s.length;
  }

  /** Skips text up to the start of the next element (counting its lines); returns where scanning goes on. */
  private resync(s: string, i: number): number {
    const next = this.findBoundary(s, i);
    if (next >= 0) {
      this.line += countNewlines(s, i, next);
      this.phase = Phase.Value;
      return next;
    }
    // A separator may be cut by the chunk's end: keep a trailing "," and blanks for the next chunk.
    let keep = s.length;
    while (keep > i && isWs(s.charCodeAt(keep - 1))) keep--;
    if (keep > i && (s.charCodeAt(keep - 1) === Ch.Comma || this.mode === 'concat')) keep--;
    else keep = s.length;
    this.line += countNewlines(s, i, keep);
    this.resyncTail = s.slice(keep);
    return s.length;
  }

  /**
   * Where the next element starts in `s` at or after `from` (its `{`), or -1: after a `,` in an array, at a line
   * start in concatenated values; at the indentation of the elements before (else of the broken one) when they
   * began a line.
   */
  private findBoundary(s: string, from: number): number {
    const re = this.mode === 'array' ? /,\s*\{/g : /\n[ \t]*\{/g;
    re.lastIndex = from;
    const indent = this.elementIndent >= 0 ? this.elementIndent : this.valueIndent;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const brace = m.index + m[0].length - 1;
      if (indent < 0) {
        if (this.mode === 'array') return brace;
        continue;
      }
      const nl = m[0].lastIndexOf('\n');
      if (nl >= 0 && m[0].length - 2 - nl === indent) return brace;
    }
    return -1;
  }

  /**
   * Keeps the start of an element that goes on in the next chunk. One too long to hold is reported and its text
   * dropped; it is still scanned to its end, and reading goes on with the next element.
   */
  private hold(piece: string): void {
    if (this.discarding) return;
    this.pieces.push(piece);
    this.held += piece.length;
    if (this.held <= this.maxRecordBytes) return;
    this.sink.error(this.valueLine, 'too-large', `${tooLargeMessage(this.maxRecordBytes)}; skipped`);
    this.pieces = [];
    this.held = 0;
    this.discarding = true;
  }

  /** Handles one non-blank char between elements; returns the next index. */
  private between(s: string, c: number, i: number): number {
    switch (this.phase) {
      case Phase.BeforeOpen:
        if (c !== Ch.OpenBracket) {
          this.sink.error(this.line, 'invalid-json', 'invalid JSON (expected "[" at the start of a JSON array file)');
          this.phase = Phase.Dead;
          return i;
        }
        this.phase = Phase.Value;
        return i + 1;
      case Phase.Value:
        if (c === Ch.CloseBracket && this.mode === 'array') {
          if (this.sawElement) this.sink.error(this.line, 'invalid-json', 'invalid JSON (trailing "," before "]")');
          this.phase = Phase.Done;
          return i + 1;
        }
        if (c === Ch.Comma) {
          this.sink.error(this.line, 'invalid-json', 'invalid JSON (unexpected ",")');
          return i + 1;
        }
        this.beginValue(s, c, i);
        return c === Ch.Quote ? i : i + 1; // a string element is scanned from its opening quote
      case Phase.AfterValue:
        if (this.mode === 'concat') {
          this.phase = Phase.Value; // concatenated values need no separator
          return i;
        }
        if (c === Ch.Comma) this.phase = Phase.Value;
        else if (c === Ch.CloseBracket) this.phase = Phase.Done;
        else {
          this.sink.error(this.line, 'invalid-json', `invalid JSON (expected "," or "]" after an array element, found "${String.fromCharCode(c)}")`);
          // A missing comma before an object: read on as if it were there; anything else: find the next element.
          this.phase = c === Ch.OpenBrace ? Phase.Value : Phase.Resync;
          return i;
        }
        return i + 1;
      case Phase.Done:
        if (c === Ch.OpenBracket) {
          // Another array after the first (`jq` output of several files): read it too.
          this.phase = Phase.Value;
          this.sawElement = false;
          return i + 1;
        }
        this.sink.error(this.line, 'invalid-json', 'invalid JSON (unexpected text after the end of the JSON array); the rest of the file is skipped');
        this.phase = Phase.Dead;
        return i;
      default:
        return i + 1;
    }
  }

  private beginValue(s: string, c: number, i: number): void {
    this.phase = Phase.InValue;
    this.discarding = false;
    this.sawElement = true;
    this.valueLine = this.line;
    this.valueIndent = indentAt(s, i);
    this.valueFirst = c;
    this.start = i;
    this.pieces = [];
    this.held = 0;
    this.stack.length = 0;
    this.inString = false;
    this.escape = false;
    this.scalar = !(c === Ch.OpenBrace || c === Ch.OpenBracket || c === Ch.Quote);
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) this.stack.push(c);
  }

  private scanScalar(s: string, i: number): number {
    const len = s.length;
    while (i < len && !isDelimiter(s.charCodeAt(i))) i++;
    if (i < len) this.finishValue(s, i); // the delimiter is read again between elements
    return i;
  }

  /**
   * Scans an object, array or string element from `i` until it closes (returns the index after
   * it) or the chunk ends (returns `s.length`). Hot loop: state lives in locals.
   */
  private scanNested(s: string, i: number): number {
    const len = s.length;
    const stack = this.stack;
    let line = this.line;
    if (this.inString) {
      // Resume a string cut by the chunk boundary.
      if (this.escape) {
        this.escape = false;
        i++;
      }
      i = this.skipString(s, i, i);
      line = this.line;
      if (this.inString || this.stack.length === 0 || this.phase !== Phase.InValue) return i;
    }
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c >= 128 || BORING[c] === 1) {
        i++;
        continue;
      }
      if (c === Ch.Quote) {
        this.line = line;
        i = this.skipString(s, i + 1, i + 1);
        line = this.line;
        if (this.inString || stack.length === 0 || this.phase !== Phase.InValue) return i;
        continue;
      }
      if (c === Ch.LF) line++;
      else if (c === Ch.OpenBrace || c === Ch.OpenBracket) stack.push(c);
      else if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
        if (stack.pop() !== (c === Ch.CloseBrace ? Ch.OpenBrace : Ch.OpenBracket)) {
          this.line = line;
          return this.fail(s, i + 1, `mismatched "${String.fromCharCode(c)}" on line ${line}`);
        }
        if (stack.length === 0) {
          this.line = line;
          this.finishValue(s, i + 1);
          return i + 1;
        }
      }
      i++;
    }
    this.line = line;
    return len;
  }

  /**
   * Skips string content starting at `i` (just after the opening quote, or at the chunk start
   * when resuming; `lo` is the first index that belongs to this chunk's part of the string).
   * Returns the index after the closing quote, or `s.length` with `inString` set if the string
   * continues in the next chunk. A string element that closes ends the element.
   */
  private skipString(s: string, i: number, lo: number): number {
    let q = s.indexOf('"', i);
    // A quote preceded by an odd run of backslashes is escaped.
    while (q >= 0) {
      let b = q - 1;
      while (b >= lo && s.charCodeAt(b) === Ch.Backslash) b--;
      if ((q - 1 - b) % 2 === 0) break;
      q = s.indexOf('"', q + 1);
    }
    const end = q < 0 ? s.length : q;
    const newlines = this.newlinesIn(s, i, end);
    if (newlines > 0) {
      // JSON strings cannot hold a raw newline: most likely a quote is missing and this "string" runs into the
      // next element.
      return this.fail(s, end, `a string runs past the end of line ${this.line}`);
    }
    if (q < 0) {
      let b = s.length - 1;
      while (b >= lo && s.charCodeAt(b) === Ch.Backslash) b--;
      this.escape = (s.length - 1 - b) % 2 === 1;
      this.inString = true;
      return s.length;
    }
    this.inString = false;
    if (this.stack.length === 0) this.finishValue(s, q + 1); // a bare string element
    return q + 1;
  }

  /** Newlines in s[from, to); the cached next-newline position keeps this O(1) for ordinary strings. */
  private newlinesIn(s: string, from: number, to: number): number {
    if (this.nextNl < from) {
      const p = s.indexOf('\n', from);
      this.nextNl = p < 0 ? s.length : p;
    }
    let n = 0;
    while (this.nextNl < to) {
      n++;
      const p = s.indexOf('\n', this.nextNl + 1);
      this.nextNl = p < 0 ? s.length : p;
    }
    return n;
  }

  /** The current element ends at `end` in `s`. */
  private finishValue(s: string, end: number): void {
    this.phase = Phase.AfterValue;
    this.scalar = false;
    if (this.discarding) {
      this.discarding = false;
      return; // reported when it grew too long
    }
    const tail = s.slice(this.start, end);
    const text = this.pieces.length > 0 ? this.pieces.join('') + tail : tail;
    this.pieces = [];
    this.held = 0;
    if (this.valueFirst === Ch.OpenBrace) {
      this.elementIndent = this.valueIndent;
      this.sink.add(text, this.valueLine);
      return;
    }
    // Not an object: say precisely what it is. Between concatenated objects that is a piece of a broken one:
    // read on at the next object.
    if (this.mode === 'concat') this.phase = Phase.Resync;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      this.sink.error(this.valueLine, 'invalid-json', `invalid JSON (${errorReason(e)})`);
      return;
    }
    this.sink.error(this.valueLine, 'not-object', `expected a JSON object, found ${jsonTypeName(v)}`);
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let p = s.indexOf('\n', from); p >= 0 && p < to; p = s.indexOf('\n', p + 1)) n++;
  return n;
}

/** Blanks before position `i` on its line, or -1 when something else precedes it there (or the line began earlier). */
function indentAt(s: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && (s.charCodeAt(j) === Ch.Space || s.charCodeAt(j) === Ch.Tab)) j--;
  return j >= 0 && s.charCodeAt(j) === Ch.LF ? i - 1 - j : -1;
}
