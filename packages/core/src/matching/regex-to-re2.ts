import type { CodePointSet } from './code-point-set.js';
import type { RegexNode } from './regex-ast.js';
import { classSet, literalCharSet } from './regex-charset.js';
import { expandInterval } from './regex-interval.js';

/**
 * Translates a parsed Lucene regex into RE2 syntax for re2js, to be matched against the whole value. Every
 * construct is spelled out explicitly (code-point classes, `(?s:.)`, wrapped repetitions), so no RE2 default
 * (Unicode `\s`, lazy `*?`, dot-excludes-newline, flags) leaks in. Returns undefined when the tree uses
 * complement or intersection, which RE2 lacks.
 */
export function toRe2(node: RegexNode, caseInsensitive: boolean): string | undefined {
  try {
    return emit(node, caseInsensitive);
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

const UNSUPPORTED = Symbol('unsupported');
const NOTHING = '[^\\x{0}-\\x{10FFFF}]';

function emit(node: RegexNode, ci: boolean): string {
  switch (node.kind) {
    case 'union':
      return `(?:${node.alternatives.map((a) => emit(a, ci)).join('|')})`;
    case 'concat':
      return node.parts.map((p) => emit(p, ci)).join('');
    case 'repeat': {
      const { min, max } = node;
      if (max !== null && min > max) return NOTHING; // Lucene: an empty language, not an error
      if (max === 0) return '(?:)';
      const body = `(?:${emit(node.operand, ci)})`;
      const quantifier =
        max === null ? (min === 0 ? '*' : min === 1 ? '+' : `{${min},}`) : min === max ? `{${min}}` : `{${min},${max}}`;
      return `(?:${body}${quantifier})`;
    }
    case 'literal': {
      if (node.text === '') return '(?:)';
      let out = '';
      for (const ch of node.text) {
        const cp = ch.codePointAt(0) ?? 0;
        out += ci ? emitSet(literalCharSet(cp, true)) : escape(cp);
      }
      return out;
    }
    case 'class':
      return emitSet(classSet(node, ci));
    case 'anyChar':
      return '(?s:.)';
    case 'anyString':
      return '(?s:.*)';
    case 'emptyLanguage':
      return NOTHING;
    case 'interval':
      return `(?:${emit(expandInterval(node.min, node.max, node.digits, node), ci)})`;
    case 'complement':
    case 'intersection':
      throw UNSUPPORTED;
  }
}

function escape(cp: number): string {
  const alnum = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return alnum ? String.fromCharCode(cp) : `\\x{${cp.toString(16)}}`;
}

function emitSet(set: CodePointSet): string {
  if (set.length === 0) return NOTHING;
  if (set.length === 2 && set[0] === set[1]) return escape(set[0]);
  let out = '[';
  for (let i = 0; i < set.length; i += 2) {
    out += set[i] === set[i + 1] ? escape(set[i]) : `${escape(set[i])}-${escape(set[i + 1])}`;
  }
  return `${out}]`;
}
