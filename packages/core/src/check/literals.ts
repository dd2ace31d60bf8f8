// Literal values against the type they are compared with (`process.pid == "x"`, `trusted == "true"`), and
// the validity of literals that carry a language of their own (Lucene regexes, CIDR blocks).
import type { Expr, FieldRef, Literal, Span, StringLiteral } from '../ast/nodes.js';
import { compileDateFormat, DEFAULT_DATE_FORMAT } from '../values/timestamps.js';
import { fieldPath } from './fields.js';
import type { Suggestion } from '../diagnostics/diagnostic.js';
import { parseLuceneRegex } from '../matching/regex-parse.js';
import { encodeDoubleQuoted } from '../grammar/strings.js';
import { parseCidr, parseIp, parseIpRange } from '../values/ip.js';
import type { CheckContext } from './context.js';
import { describeType, isNumeric, literalType, type ValueType } from './value-types.js';

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reports a literal that is not a value of `type` (the type of `other`, the expression it is compared with).
 * `ordering` is true for `<`-style comparisons (an IP must then be an address, not a block). A literal Elasticsearch
 * converts when it builds the query (`1` against a keyword, `"445"` against a number, `"true"` against a boolean)
 * is a warning, since ES runs it; one it cannot convert (`"x"` against a number) fails the search: an error.
 * `patterns` marks `:`/`like`/`regex` patterns, which Elasticsearch requires to be strings. Returns true if reported.
 */
export function checkLiteralAgainst(lit: Literal, type: ValueType, other: Expr, ctx: CheckContext, ordering = false, patterns = false): boolean {
  const lt = literalType(lit);
  if (lt === 'null' || type === 'unknown' || type === 'null') return false;
  const what = `\`${ctx.short(other)}\``;
  const report = (coercible: boolean, suggestions: Suggestion[] = [], found = describeLiteral(lit, ctx)) => {
    // Only a query on a field converts the value; a script (a function result) compares the values as they are.
    const converts = coercible && other.kind === 'field';
    const note = converts ? 'Elasticsearch converts it, so the query runs, but the value is likely a mistake' : undefined;
    ctx.report('type-mismatch', lit.span, { what, expected: describeType(type), found, note }, suggestions, converts ? 'warning' : 'error');
    return true;
  };
  const replace = (message: string, text: string): Suggestion[] => [{ message, edits: [{ span: lit.span, text }] }];
  switch (type) {
    case 'string':
    case 'version':
      if (lt === 'string') return false;
      return report(!patterns, replace('compare with a string', encodeDoubleQuoted(lit.kind === 'number' ? lit.text : String(lit.kind === 'boolean' ? lit.value : ''))));
    case 'integer':
    case 'float':
    case 'number':
      if (isNumeric(lt)) return false;
      if (lit.kind === 'string' && NUMERIC_TEXT.test(lit.value.trim())) return report(true, replace('compare with a number', lit.value.trim()));
      return report(false);
    case 'boolean':
      if (lt === 'boolean') return false;
      if (lit.kind === 'string' && /^(true|false)$/.test(lit.value)) return report(true, replace(`compare with the boolean \`${lit.value}\``, lit.value));
      if (lit.kind === 'string' && /^(true|false)$/i.test(lit.value.trim())) {
        const b = lit.value.trim().toLowerCase();
        return report(false, replace(`compare with the boolean \`${b}\``, b));
      }
      return report(false);
    case 'ip':
      if (lit.kind !== 'string') return report(false);
      if (parseIp(lit.value) !== undefined || (!ordering && lit.value.includes('/') && parseCidr(lit.value).ok)) return false;
      return report(false, ipSuggestion(lit, other, ctx), `\`${ctx.short(lit)}\`, which is not an IP address${ordering ? '' : ' or CIDR block'}`);
    case 'date':
      if (lt === 'boolean') return report(false);
      return lit.kind === 'string' && other.kind === 'field' ? checkDateLiteral(lit, other, ctx) : false;
  }
}

/**
 * A string compared with a date field must be a date in the field's format (default
 * `strict_date_optional_time||epoch_millis`) or date math (`now-1d`, `2020-01-01||+1M`): Elasticsearch's verifier
 * lets any string through, but the term or range query then parses it with the field's format, and a value it
 * cannot read ("2020-02-41", "") fails the search. A format eqlkit cannot compile is not second-guessed.
 */
function checkDateLiteral(lit: StringLiteral, field: FieldRef, ctx: CheckContext): boolean {
  if (/^\s*now/.test(lit.value) || lit.value.includes('||')) return false;
  const r = ctx.schema?.resolve(fieldPath(field));
  const format = r?.kind === 'field' ? r.field.format : undefined;
  const compiled = compileDateFormat(format);
  if (!compiled.ok || compiled.parse(lit.value) !== undefined) return false;
  ctx.report('type-mismatch', lit.span, {
    what: `\`${ctx.short(field)}\``,
    expected: `a date (format \`${format ?? DEFAULT_DATE_FORMAT}\`)`,
    found: describeLiteral(lit, ctx),
    note: 'Elasticsearch accepts the query but cannot parse the value as a date, so the search fails',
  });
  return true;
}

function describeLiteral(lit: Literal, ctx: CheckContext): string {
  return `${describeType(literalType(lit))} (\`${ctx.short(lit, 40)}\`)`;
}

/** `ip == "10.*"` → `cidrMatch(ip, "10.0.0.0/8")` when the wildcard is a whole trailing octet group. */
function ipSuggestion(lit: StringLiteral, other: Expr, ctx: CheckContext): Suggestion[] {
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,2})\.\*$/.exec(lit.value);
  const field = ctx.textOf(other);
  if (!m || field === undefined) return [];
  const octets = m[1].split('.');
  const block = `${[...octets, ...Array(4 - octets.length).fill('0')].join('.')}/${octets.length * 8}`;
  return [{ message: `match the block with \`cidrMatch(${field}, "${block}")\``, edits: [] }];
}

/** Reports an invalid Lucene regex in a `regex`/`regex~` pattern, pointing inside the string where possible. */
export function checkRegexLiteral(lit: StringLiteral, ctx: CheckContext): void {
  const r = parseLuceneRegex(lit.value);
  if (r.ok) return;
  ctx.report('invalid-regex', innerSpan(lit, r.offset, r.end, ctx), { message: r.message });
}

/** Reports a `cidrMatch` block that is neither an address nor a CIDR block. */
export function checkCidrLiteral(lit: StringLiteral, ctx: CheckContext): void {
  const r = parseIpRange(lit.value);
  if (!r.ok) ctx.report('invalid-cidr', lit.span, { message: r.error });
}

/** The source span of decoded characters `[from, to)` of a string literal; the whole literal without the source. */
export function innerSpan(lit: StringLiteral, from: number, to: number, ctx: CheckContext): Span {
  const text = ctx.slice(lit.span);
  if (text === undefined) return lit.span;
  const start = lit.span.start + sourceOffset(text, from);
  const end = lit.span.start + sourceOffset(text, Math.max(from, to));
  return { start, end: Math.max(end, Math.min(start + 1, lit.span.end)) };
}

/** Offset in a string literal's source text (with its quotes) of decoded UTF-16 offset `decoded`. */
export function sourceOffset(literalSource: string, decoded: number): number {
  if (literalSource.startsWith('"""')) return Math.min(3 + decoded, literalSource.length - 3);
  let i = 1;
  let n = 0;
  while (i < literalSource.length - 1 && n < decoded) {
    if (literalSource[i] !== '\\') {
      i++;
      n++;
      continue;
    }
    const u = /^\\u\{([0-9a-fA-F]+)\}/.exec(literalSource.slice(i, i + 12));
    if (u) {
      i += u[0].length;
      n += parseInt(u[1], 16) > 0xffff ? 2 : 1;
    } else {
      i += 2;
      n++;
    }
  }
  return i;
}
