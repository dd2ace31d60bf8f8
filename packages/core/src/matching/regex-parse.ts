import type { ClassItem, PredefinedClass, RegexNode } from './regex-ast.js';

/**
 * Parser for Lucene regular expressions with every optional operator enabled (`RegExp.ALL`), as Elasticsearch
 * hands EQL `regex` patterns to Lucene. Input: the decoded pattern text. Output: a {@link RegexNode} tree or a
 * plain-language error with its span. It follows Lucene's grammar, including its quirks:
 *
 * - An operator where an expression must start is an ordinary character: `*a` is the text `*a`, `a||b` is `a`
 *   or `|b`, `{1}` is the text `{1}`. Repetition operators stack: `a*?` is `(a*)?`, not a lazy star.
 * - `\` escapes any character except ASCII letters; `\d \D \s \S \w \W` are classes, other letters are errors.
 *   Inside quotes there are no escapes. `^` and `$` are plain characters (there are no anchors).
 * - `[\\-z]` is three characters, not a range (Lucene returns an escaped backslash before checking for `-`).
 * - `<name>` (a named automaton) parses in Lucene but fails when compiled; we report it as an error here.
 *
 * Example: `C:\\Windows\\.*\.exe` is the text `C:\Windows\`, any string, then `.exe`.
 */

export type ParseResult =
  | { readonly ok: true; readonly ast: RegexNode }
  | { readonly ok: false; readonly message: string; readonly offset: number; readonly end: number };

/** Parses a Lucene regex. Never throws. */
export function parseLuceneRegex(pattern: string): ParseResult {
  try {
    return { ok: true, ast: new Parser(pattern).parse() };
  } catch (e) {
    if (e instanceof RegexSyntaxError) return { ok: false, message: e.message, offset: e.start, end: e.end };
    throw e;
  }
}

class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const MAX_NESTING = 500;
const MAX_INT = 2147483647;
// Lucene rejects a backslash before these letters (it mirrors java.util.regex, where they mean something else).
const BAD_ESCAPES = 'abcefghijklmnopqrtuvxyzABCEFGHIJKLMNOPQRTUVXYZ';
const PREDEFINED = 'dDsSwW';

/** Java's Integer.parseInt for the strings Lucene feeds it here: optional `+`, ASCII digits, 31 bits. */
function parseJavaInt(s: string): number | undefined {
  if (!/^\+?[0-9]+$/.test(s)) return undefined;
  const digits = s.replace(/^\+?0*/, '');
  if (digits.length > 10) return undefined;
  const n = Number(digits || '0');
  return n <= MAX_INT ? n : undefined;
}

function show(cp: number): string {
  return String.fromCodePoint(cp);
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly src: string) {}

  parse(): RegexNode {
    if (this.src.length === 0) return { kind: 'literal', text: '', start: 0, end: 0 };
    const e = this.union();
    // Only a `)` can stop the top-level expression early.
    if (this.more()) throw new RegexSyntaxError(`unmatched ')'`, this.pos, this.pos + 1);
    return e;
  }

  private union(): RegexNode {
    const start = this.pos;
    const alternatives = [this.inter()];
    while (this.match('|')) alternatives.push(this.inter());
    if (alternatives.length === 1) return alternatives[0];
    return { kind: 'union', alternatives, start, end: this.pos };
  }

  private inter(): RegexNode {
    const start = this.pos;
    const operands = [this.concat()];
    while (this.match('&')) operands.push(this.concat());
    if (operands.length === 1) return operands[0];
    return { kind: 'intersection', operands, start, end: this.pos };
  }

  private concat(): RegexNode {
    const start = this.pos;
    const parts = [this.repeat()];
    while (this.more() && !this.peekAny(')|&')) parts.push(this.repeat());
    if (parts.length === 1) return parts[0];
    return { kind: 'concat', parts, start, end: this.pos };
  }

  private repeat(): RegexNode {
    const start = this.pos;
    let e = this.complement();
    while (this.peekAny('?*+{')) {
      let min = 0;
      let max: number | null = null;
      if (this.match('?')) max = 1;
      else if (this.match('+')) min = 1;
      else if (!this.match('*')) {
        this.match('{');
        min = this.count('a number after {');
        max = min;
        if (this.match(',')) max = this.peekAny('0123456789') ? this.count('') : null;
        if (!this.match('}')) throw new RegexSyntaxError(`expected '}' to close the repetition`, this.pos, this.pos);
      }
      e = { kind: 'repeat', operand: e, min, max, start, end: this.pos };
    }
    return e;
  }

  private count(expected: string): number {
    const start = this.pos;
    while (this.peekAny('0123456789')) this.pos++;
    if (start === this.pos) throw new RegexSyntaxError(`expected ${expected}`, this.pos, this.pos);
    const n = parseJavaInt(this.src.slice(start, this.pos));
    if (n === undefined) throw new RegexSyntaxError('repetition count is too large', start, this.pos);
    return n;
  }

  private complement(): RegexNode {
    const tildes: number[] = [];
    while (this.peekAny('~')) tildes.push(this.pos++);
    let e = this.classExp();
    for (let i = tildes.length - 1; i >= 0; i--) e = { kind: 'complement', operand: e, start: tildes[i], end: e.end };
    return e;
  }

  private classExp(): RegexNode {
    const start = this.pos;
    if (!this.match('[')) return this.simple();
    const negated = this.match('^');
    const items = [this.classItem(start)];
    while (this.more() && !this.peekAny(']')) items.push(this.classItem(start));
    if (!this.match(']')) throw new RegexSyntaxError(`missing ']' to close the character class`, start, start + 1);
    return { kind: 'class', negated, items, start, end: this.pos };
  }

  private classItem(open: number): ClassItem {
    if (!this.more()) throw new RegexSyntaxError(`missing ']' to close the character class`, open, open + 1);
    const start = this.pos;
    const predefined = this.predefined();
    if (predefined) return predefined;
    const from = this.charExp();
    if (!this.match('-')) return { kind: 'char', cp: from };
    const to = this.charExp();
    if (from > to) {
      const message = `invalid character range '${show(from)}-${show(to)}': '${show(from)}' comes after '${show(to)}'`;
      throw new RegexSyntaxError(message, start, this.pos);
    }
    return { kind: 'range', from, to };
  }

  private simple(): RegexNode {
    const start = this.pos;
    const node = <T extends object>(fields: T) => ({ ...fields, start, end: this.pos });
    if (this.match('.')) return node({ kind: 'anyChar' as const });
    if (this.match('#')) return node({ kind: 'emptyLanguage' as const });
    if (this.match('@')) return node({ kind: 'anyString' as const });
    if (this.match('"')) {
      while (this.more() && !this.peekAny('"')) this.next();
      if (!this.match('"')) throw new RegexSyntaxError(`missing '"' to close the quoted text`, start, start + 1);
      return node({ kind: 'literal' as const, text: this.src.slice(start + 1, this.pos - 1) });
    }
    if (this.match('(')) {
      if (this.match(')')) return node({ kind: 'literal' as const, text: '' });
      if (++this.depth > MAX_NESTING) {
        throw new RegexSyntaxError('the pattern nests groups too deeply', start, start + 1);
      }
      const e = this.union();
      this.depth--;
      if (!this.match(')')) throw new RegexSyntaxError(`missing ')' to close the group`, start, start + 1);
      return e;
    }
    if (this.match('<')) return this.interval(start);
    const predefined = this.predefined();
    if (predefined?.kind === 'char') return node({ kind: 'literal' as const, text: show(predefined.cp) });
    if (predefined) return node({ kind: 'class' as const, negated: false, items: [predefined] });
    return node({ kind: 'literal' as const, text: show(this.charExp()) });
  }

  private interval(start: number): RegexNode {
    while (this.more() && !this.peekAny('>')) this.next();
    if (!this.match('>')) throw new RegexSyntaxError(`missing '>' to close the numeric interval`, start, start + 1);
    const body = this.src.slice(start + 1, this.pos - 1);
    const dash = body.indexOf('-');
    if (dash < 0) {
      const message =
        `'<${body}>' refers to a named automaton, and Elasticsearch defines none (write \\< for a literal '<')`;
      throw new RegexSyntaxError(message, start, this.pos);
    }
    const low = dash > 0 && dash === body.lastIndexOf('-') ? parseJavaInt(body.slice(0, dash)) : undefined;
    const high = parseJavaInt(body.slice(dash + 1));
    if (low === undefined || high === undefined) {
      const message = `invalid numeric interval '<${body}>': expected two non-negative integers such as <1-100>`;
      throw new RegexSyntaxError(message, start, this.pos);
    }
    // Equal-length bounds fix the number of digits (`<01-10>` needs two); otherwise leading zeros are free.
    const digits = dash === body.length - dash - 1 ? dash : 0;
    return { kind: 'interval', min: Math.min(low, high), max: Math.max(low, high), digits, start, end: this.pos };
  }

  /** Lucene's predefined-class check; note it consumes a backslash even when it then returns nothing. */
  private predefined(): ClassItem | undefined {
    if (!this.match('\\')) return undefined;
    if (this.peekAny(PREDEFINED)) return { kind: 'predefined', name: show(this.next()) as PredefinedClass };
    if (this.peekAny('\\')) return { kind: 'char', cp: this.next() };
    if (this.peekAny(BAD_ESCAPES)) {
      const letter = this.src[this.pos];
      const message =
        `'\\${letter}' is not a valid escape: Lucene allows \\d \\D \\s \\S \\w \\W ` +
        'and a backslash before a non-letter';
      throw new RegexSyntaxError(message, this.pos - 1, this.pos + 1);
    }
    return undefined;
  }

  private charExp(): number {
    this.match('\\');
    return this.next();
  }

  private next(): number {
    if (!this.more()) throw this.endError();
    const cp = this.src.codePointAt(this.pos) ?? 0;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private endError(): RegexSyntaxError {
    const end = this.src.length;
    switch (this.src[end - 1]) {
      case '\\':
        return new RegexSyntaxError('a backslash at the end of the pattern has nothing to escape', end - 1, end);
      case '|':
        return new RegexSyntaxError(
          `nothing follows '|': an empty alternative is not allowed (write () for the empty string)`,
          end - 1,
          end,
        );
      case '&':
      case '~':
        return new RegexSyntaxError(`nothing follows '${this.src[end - 1]}'`, end - 1, end);
      case '(':
        return new RegexSyntaxError(`missing ')' to close the group`, end - 1, end);
      case '-':
        return new RegexSyntaxError('unfinished character range at the end of the pattern', end - 1, end);
      default:
        return new RegexSyntaxError('the pattern ends where an expression was expected', end, end);
    }
  }

  private more(): boolean {
    return this.pos < this.src.length;
  }

  private peekAny(chars: string): boolean {
    return this.more() && chars.includes(this.src[this.pos]);
  }

  private match(ch: string): boolean {
    if (this.src[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }
}
