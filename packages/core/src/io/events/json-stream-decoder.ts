/**
 * Streams the elements of a top-level JSON array (`[ {...}, {...} ]`, compact or pretty-printed)
 * — or a sequence of concatenated JSON values (pretty-printed objects one after another) — out of
 * byte chunks, without parsing them: a small scanner tracks strings and bracket nesting and cuts
 * out each element's text, remembering the line it starts on.
 *
 * Problems between elements (stray commas, a missing `]`) are reported and skipped. A bracket
 * mismatch inside an element makes the element boundaries unknowable, so the rest of that file is
 * skipped after reporting it.
 */

import { StringDecoder } from 'node:string_decoder';
import { errorReason, jsonTypeName, type RecordSink } from './record-sink.js';

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

function isWs(c: number): boolean {
  return c === Ch.Space || c === Ch.LF || c === Ch.CR || c === Ch.Tab;
}

export class JsonStreamDecoder {
  private readonly text = new StringDecoder('utf8');
  private phase: Phase;
  private line = 1;
  private atStart = true;
  private sawElement = false;
  /** Nesting stack of open brackets inside the current element (`{` or `[` char codes). */
  private stack: number[] = [];
  private inString = false;
  private escape = false;
  /** The element is a bare scalar (number, true/false/null): it ends at a delimiter. */
  private scalar = false;
  private pieces: string[] = [];
  private valueLine = 0;
  private valueFirst = 0;
  /** Where the current element's text begins in the chunk being scanned (0 if in an earlier chunk). */
  private start = 0;

  constructor(
    private readonly sink: RecordSink,
    private readonly mode: 'array' | 'concat',
  ) {
    this.phase = mode === 'array' ? Phase.BeforeOpen : Phase.Value;
  }

  push(chunk: Buffer): void {
    this.scan(this.text.write(chunk));
  }

  end(): void {
    this.scan(this.text.end());
    if (this.phase === Phase.InValue && this.scalar) this.finishValue('', 0);
    if (this.phase === Phase.InValue) {
      const what = this.mode === 'array' ? 'array element' : 'JSON value';
      this.sink.error(this.valueLine, 'truncated', `invalid JSON (unexpected end of input: the ${what} starting here is incomplete)`);
    } else if (this.mode === 'array' && this.phase !== Phase.Done && this.phase !== Phase.Dead) {
      this.sink.error(this.line, 'truncated', 'invalid JSON (unexpected end of input: the JSON array is not closed with "]")');
    }
  }

  private scan(s: string): void {
    if (s === '') return;
    const len = s.length;
    let i = 0;
    if (this.atStart) {
      this.atStart = false;
      if (s.charCodeAt(0) === 0xfeff) i = 1;
    }
    this.start = 0;
    while (i < len) {
      if (this.phase === Phase.Dead || this.sink.stopped) return;
      const c = s.charCodeAt(i);
      if (this.phase === Phase.InValue) {
        if (this.inString) {
          i = this.skipString(s, i);
          continue;
        }
        if (this.scalar) {
          if (isWs(c) || c === Ch.Comma || c === Ch.CloseBracket || c === Ch.CloseBrace || c === Ch.OpenBrace || c === Ch.OpenBracket || c === Ch.Quote) {
            this.finishValue(s, i);
            continue; // re-read the delimiter in the next phase
          }
          i++;
          continue;
        }
        switch (c) {
          case Ch.Quote:
            this.inString = true;
            i++;
            continue;
          case Ch.OpenBrace:
          case Ch.OpenBracket:
            this.stack.push(c);
            i++;
            continue;
          case Ch.CloseBrace:
          case Ch.CloseBracket: {
            const open = this.stack.pop();
            if (open !== (c === Ch.CloseBrace ? Ch.OpenBrace : Ch.OpenBracket)) {
              this.sink.error(
                this.valueLine,
                'invalid-json',
                `invalid JSON (mismatched "${String.fromCharCode(c)}" on line ${this.line}); the rest of the file is skipped`,
              );
              this.phase = Phase.Dead;
              return;
            }
            i++;
            if (this.stack.length === 0) this.finishValue(s, i);
            continue;
          }
          case Ch.LF:
            this.line++;
            i++;
            continue;
          default:
            i++;
            continue;
        }
      }
      // Between elements.
      if (isWs(c)) {
        if (c === Ch.LF) this.line++;
        i++;
        continue;
      }
      switch (this.phase) {
        case Phase.BeforeOpen:
          if (c !== Ch.OpenBracket) {
            this.sink.error(this.line, 'invalid-json', 'invalid JSON (expected "[" at the start of a JSON array file)');
            this.phase = Phase.Dead;
            return;
          }
          this.phase = Phase.Value;
          i++;
          continue;
        case Phase.Value:
          if (c === Ch.CloseBracket && this.mode === 'array') {
            if (this.sawElement) this.sink.error(this.line, 'invalid-json', 'invalid JSON (trailing "," before "]")');
            this.phase = Phase.Done;
            i++;
            continue;
          }
          if (c === Ch.Comma) {
            this.sink.error(this.line, 'invalid-json', 'invalid JSON (unexpected ",")');
            i++;
            continue;
          }
          this.start = i;
          this.beginValue(c);
          i++;
          continue;
        case Phase.AfterValue:
          if (this.mode === 'array') {
            if (c === Ch.Comma) this.phase = Phase.Value;
            else if (c === Ch.CloseBracket) this.phase = Phase.Done;
            else {
              this.sink.error(this.line, 'invalid-json', `invalid JSON (expected "," or "]" after an array element, found "${String.fromCharCode(c)}")`);
              this.phase = Phase.Value; // read on as if the comma were there
              continue;
            }
            i++;
            continue;
          }
          this.phase = Phase.Value; // concatenated values need no separator
          continue;
        case Phase.Done:
          this.sink.error(this.line, 'invalid-json', 'invalid JSON (unexpected text after the end of the JSON array); the rest of the file is skipped');
          this.phase = Phase.Dead;
          return;
        default:
          return;
      }
    }
    if (this.phase === Phase.InValue) this.pieces.push(s.slice(this.start));
  }

  /** Moves past string content from `i`; returns the index after the closing quote (or `s.length`). */
  private skipString(s: string, i: number): number {
    const len = s.length;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (this.escape) {
        this.escape = false;
      } else if (c === Ch.Backslash) {
        this.escape = true;
      } else if (c === Ch.Quote) {
        this.inString = false;
        if (this.stack.length === 0) this.finishValue(s, i + 1); // a bare string element
        return i + 1;
      } else if (c === Ch.LF) {
        this.line++; // invalid inside a JSON string, but keeps line numbers right
      }
    }
    return len;
  }

  private beginValue(c: number): void {
    this.phase = Phase.InValue;
    this.sawElement = true;
    this.valueLine = this.line;
    this.valueFirst = c;
    this.pieces = [];
    this.stack.length = 0;
    this.escape = false;
    this.inString = c === Ch.Quote;
    this.scalar = !(c === Ch.OpenBrace || c === Ch.OpenBracket || c === Ch.Quote);
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) this.stack.push(c);
  }

  /** The current element ends at `end` in `s`. */
  private finishValue(s: string, end: number): void {
    this.phase = Phase.AfterValue;
    this.scalar = false;
    const tail = s.slice(this.start, end);
    const text = this.pieces.length > 0 ? this.pieces.join('') + tail : tail;
    this.pieces = [];
    if (this.valueFirst === Ch.OpenBrace) {
      this.sink.add(text, this.valueLine);
      return;
    }
    // Not an object: say precisely what it is.
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
