/**
 * AST builder, part 1: literals and names. Input: Ohm nodes for `Constant`, strings, numbers, identifiers.
 * Output: literal AST nodes with decoded values; escapes and rejected string forms are reported here.
 * Example: the source `"C:\\\\x"` becomes `{kind: 'string', value: 'C:\\x', raw: false}`.
 */
import type { Node as OhmNode } from 'ohm-js';
import type { Literal, NumberLiteral, StringLiteral } from '../ast/nodes.js';
import { syntaxDiagnostic } from '../diagnostics/catalog.js';
import type { EqlActionDict } from './load.js';
import { report, spanOf } from './build-context.js';
import { decodeDoubleQuoted, decodeSingleQuoted } from './strings.js';

const LONG_MAX = 9223372036854775807n;

function stringLiteral(node: OhmNode, value: string, raw: boolean): StringLiteral {
  return { kind: 'string', value, raw, span: spanOf(node) };
}

/**
 * Parses a number token as Elasticsearch's parser does: an integer within the long range is an integer; a larger
 * one is read as a floating-point number (quietly, as ES does); one beyond the double range is an error, as is a
 * decimal that overflows (`1e400`).
 */
export function numberLiteral(node: OhmNode): NumberLiteral {
  const text = node.sourceString;
  const value = Number(text);
  const integer = /^[0-9]+$/.test(text) && BigInt(text) <= LONG_MAX;
  if (!Number.isFinite(value)) report(syntaxDiagnostic('number-too-large', spanOf(node), { text }));
  return { kind: 'number', value, integer, text, span: spanOf(node) };
}

/** Decodes a backtick-quoted name: the quotes go, a doubled backtick stands for one. */
export function backtickName(node: OhmNode): string {
  const name = node.sourceString.slice(1, -1).replace(/``/g, '`');
  if (name === '') report(syntaxDiagnostic('empty-field-name', spanOf(node), {}));
  return name;
}

export const literalActions: EqlActionDict<unknown> = {
  Constant_true(_) {
    return { kind: 'boolean', value: true, span: spanOf(this) } satisfies Literal;
  },
  Constant_false(_) {
    return { kind: 'boolean', value: false, span: spanOf(this) } satisfies Literal;
  },
  Constant_null(_) {
    return { kind: 'null', span: spanOf(this) } satisfies Literal;
  },
  number(_) {
    return numberLiteral(this);
  },
  string(body) {
    return body['ast']();
  },
  rawString(_open, _body, _close, _q1, _q2) {
    return stringLiteral(this, this.sourceString.slice(3, -3), true);
  },
  dqString(_open, _body, _close) {
    const start = this.source.startIdx + 1;
    const { value, problems } = decodeDoubleQuoted(this.sourceString.slice(1, -1));
    for (const p of problems) {
      const span = { start: start + p.start, end: start + p.end };
      report(syntaxDiagnostic(p.code, span, { escape: p.escape }));
    }
    return stringLiteral(this, value, false);
  },
  sqString_rejected(_open, _body, _close) {
    const span = spanOf(this);
    const value = decodeSingleQuoted(this.sourceString.slice(1, -1));
    report(syntaxDiagnostic('single-quoted-string', span, {}, [{ message: 'use double quotes', edits: [{ span, text: JSON.stringify(value) }] }]));
    return stringLiteral(this, value, false);
  },
  endgameString_rejected(_) {
    const span = spanOf(this);
    const value = this.sourceString.slice(2, -1);
    const fixable = !value.includes('"""');
    report(syntaxDiagnostic('endgame-string', span, {}, fixable ? [{ message: 'use a raw string', edits: [{ span, text: `"""${value}"""` }] }] : []));
    return stringLiteral(this, value, true);
  },
};
