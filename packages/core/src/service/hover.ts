/**
 * Hover (Markdown, query offsets) for the token under the cursor:
 * - a field (or a path prefix): its type and description from the schema model, ECS allowed values, which of the
 *   query's indexes define it (suggesting `?field` when some do not), and the type the checker inferred;
 * - a function: signature, documentation and case behaviour from the function table, and the type it returns here;
 * - an event category, a keyword, an operator or a sequence option: what it means (language-docs.ts), with the
 *   types the checker inferred for the operands;
 * - a pattern string: how it matches (wildcards or regular expression, case), and its decoded value.
 * The token is found by a lexical scan, so hover answers on broken text too; the AST, when there is one, makes
 * the answer exact.
 */
import type { Expr, FieldRef, FunctionCall, Node, Span, StringLiteral } from '../ast/nodes.js';
import { childrenOf } from '../ast/walk.js';
import { LEGACY_PIPES } from '../check/extensions.js';
import { fieldPath } from '../check/fields.js';
import { describeType } from '../check/value-types.js';
import { lookupFunction, NON_ES_FUNCTIONS, similarFunctions } from '../functions/registry.js';
import type { FieldInfo, Schema } from '../schema/types.js';
import type { Hover } from './api.js';
import { functionMarkdown } from './function-docs.js';
import { languageDoc } from './language-docs.js';
import { tokenAt, tokensOf, type LexToken } from './lexer.js';
import type { QueryFacts } from './query-facts.js';

type Facts = Pick<QueryFacts, 'text' | 'ast' | 'schema' | 'indexes' | 'schemaOfIndex' | 'typeOf'>;

const MAX_VALUES = 12;

/** The hover for the token at `offset` (a query offset), or undefined where there is nothing to say. Never throws. */
export function hover(facts: Facts, offset: number): Hover | undefined {
  try {
    const tokens = tokensOf(facts);
    const i = tokenIndexAt(tokens, offset);
    if (i < 0) return undefined;
    const token = tokens[i];
    const path = facts.ast ? nodesAround(facts.ast, token.span) : [];
    return fromAst(facts, tokens, i, path) ?? fromTokens(facts, tokens, i);
  } catch {
    return undefined;
  }
}

function tokenIndexAt(tokens: readonly LexToken[], offset: number): number {
  const t = tokenAt(tokens, offset);
  return t ? tokens.indexOf(t) : -1;
}

/** The nodes whose spans contain `span`, outermost first. */
function nodesAround(root: Node, span: Span): Node[] {
  const path: Node[] = [];
  let current: Node | undefined = root.span.start <= span.start && span.end <= root.span.end ? root : undefined;
  while (current) {
    path.push(current);
    current = childrenOf(current).find((c) => c.span.start <= span.start && span.end <= c.span.end);
  }
  return path;
}

// ---- with the AST -------------------------------------------------------------------------------------------

function fromAst(facts: Facts, tokens: readonly LexToken[], i: number, path: readonly Node[]): Hover | undefined {
  const token = tokens[i];
  const node = path[path.length - 1];
  if (!node) return undefined;
  switch (node.kind) {
    case 'field':
      if (token.kind === 'word' || token.kind === 'backtick' || token.text === '?') return fieldHover(facts, fieldPrefix(node, tokens, i), node);
      return undefined;
    case 'call':
      if (spanWithin(token.span, node.nameSpan)) return functionHover(facts, node.name, node.caseInsensitive, node.nameSpan, node);
      break;
    case 'category':
      return node.name === null ? at(token, languageDoc('any')) : at(node, categoryDoc(facts, node.name));
    case 'pipe':
      if (spanWithin(token.span, node.nameSpan)) return at(node.nameSpan, pipeDoc(node.name));
      break;
    case 'string':
      return at(node, stringDoc(facts, node, path[path.length - 2]));
    case 'maxspan':
      return at(node, `${languageDoc('maxspan')}\n\nHere: ${node.millis.toLocaleString('en-US')} ms.`);
    case 'runs':
      return at(node, languageDoc('runs'));
  }
  const doc = languageDoc(token.text);
  if (!doc) return undefined;
  return at(token, withOperandTypes(facts, doc, token, node));
}

/** For an operator: the types the checker inferred for what it combines. */
function withOperandTypes(facts: Facts, doc: string, token: LexToken, node: Node): string {
  const type = (e: Expr) => {
    const t = facts.typeOf?.(e);
    return t && t !== 'unknown' ? describeType(t) : undefined;
  };
  const lines: string[] = [];
  const side = (label: string, e: Expr) => {
    const t = type(e);
    if (t) lines.push(`${label} \`${snippet(facts.text, e.span)}\` is ${t}.`);
  };
  switch (node.kind) {
    case 'compare':
    case 'arith':
      if (node.kind === 'compare' && !spanWithin(token.span, node.opSpan)) break;
      side('Left:', node.left);
      side('Right:', node.right);
      if (node.kind === 'arith' && type(node)) lines.push(`Result: ${type(node)}.`);
      break;
    case 'match':
    case 'in':
    case 'unary':
      side('Operand:', node.operand);
      break;
  }
  return lines.length ? `${doc}\n\n${lines.join(' ')}` : doc;
}

/** The path up to and including the hovered segment (`process.parent` when hovering `parent`). */
function fieldPrefix(ref: FieldRef, tokens: readonly LexToken[], i: number): { path: string; span: Span; optional: boolean } {
  const names: LexToken[] = [];
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.span.start >= ref.span.start && t.span.end <= ref.span.end && (t.kind === 'word' || t.kind === 'backtick')) names.push(t);
  }
  const segments = ref.segments.filter((s) => s.kind === 'name');
  const hovered = tokens[i].text === '?' ? names.length - 1 : names.indexOf(tokens[i]);
  const upTo = hovered < 0 || hovered >= segments.length ? segments.length - 1 : hovered;
  const path = segments
    .slice(0, upTo + 1)
    .map((s) => (s.kind === 'name' ? s.name : ''))
    .join('.');
  const end = upTo === segments.length - 1 ? ref.span.end : (names[upTo]?.span.end ?? ref.span.end);
  return { path, span: { start: ref.span.start, end }, optional: ref.optional };
}

// ---- without the AST: from the neighbouring tokens ----------------------------------------------------------

function fromTokens(facts: Facts, tokens: readonly LexToken[], i: number): Hover | undefined {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.kind === 'word') {
    if (next?.text === '(' && prev?.text !== '.') {
      const ci = t.text.endsWith('~');
      return functionHover(facts, ci ? t.text.slice(0, -1) : t.text, ci, t.span, undefined);
    }
    if (prev?.text === '|') return at(t, pipeDoc(t.text));
    if (next?.text === 'where') return at(t, categoryDoc(facts, t.text));
    if (t.text === 'runs' && prev?.text === 'with') return at(t, languageDoc('runs'));
    if (prev?.kind === 'number' && prev.span.end === t.span.start) return at({ start: prev.span.start, end: t.span.end }, languageDoc('maxspan'));
  }
  if (t.kind === 'word' || t.kind === 'backtick') {
    const field = lexicalField(tokens, i);
    return fieldHover(facts, field, undefined);
  }
  if (t.kind === 'keyword' || t.kind === 'operator' || t.kind === 'punctuation') return at(t, languageDoc(t.text));
  if (t.kind === 'string') return at(t, patternDoc(patternOperatorBefore(tokens, i)));
  return undefined;
}

/** `a.b.c` around a word token, up to the hovered segment. */
function lexicalField(tokens: readonly LexToken[], i: number): { path: string; span: Span; optional: boolean } {
  let first = i;
  while (first >= 2 && tokens[first - 1].text === '.' && (tokens[first - 2].kind === 'word' || tokens[first - 2].kind === 'backtick')) first -= 2;
  const optional = tokens[first - 1]?.text === '?';
  const names: string[] = [];
  for (let j = first; j <= i; j += 2) names.push(segmentName(tokens[j]));
  return { path: names.join('.'), span: { start: optional ? tokens[first - 1].span.start : tokens[first].span.start, end: tokens[i].span.end }, optional };
}

function segmentName(t: LexToken): string {
  if (t.kind !== 'backtick') return t.text;
  return t.text.slice(1, t.closed ? -1 : undefined).replace(/``/g, '`');
}

function patternOperatorBefore(tokens: readonly LexToken[], i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && (tokens[j].kind === 'string' || tokens[j].kind === 'comment' || tokens[j].text === ',')) j--;
  if (tokens[j]?.text === '(') j--;
  return tokens[j]?.text;
}

// ---- the answers --------------------------------------------------------------------------------------------

function fieldHover(facts: Facts, field: { path: string; span: Span; optional: boolean }, ref: FieldRef | undefined): Hover | undefined {
  const { path, span } = field;
  if (!path) return undefined;
  const schema = facts.schema;
  const parts: string[] = [];
  if (!schema) {
    parts.push(codeLine(`${field.optional ? '?' : ''}${path}`), 'No schema is known for this query.');
    return { contents: parts.join('\n\n'), span };
  }
  const r = schema.resolve(path);
  if (r.kind === 'field') {
    parts.push(codeLine(`${field.optional ? '?' : ''}${path}: ${r.field.esType}`));
    parts.push(...fieldFacts(schema, r.field));
  } else if (r.kind === 'dynamic') {
    parts.push(codeLine(`${path}`), `A field under \`${r.container.path}\` (${r.container.esType}), which accepts fields it does not declare: its type is not known.`);
  } else {
    parts.push(codeLine(path), unknownFieldText(schema, path, field.optional, r.partial));
  }
  if (ref && path === fieldPath(ref)) {
    const t = facts.typeOf?.(ref);
    if (t && t !== 'unknown') parts.push(`EQL compares it as ${describeType(t)}.`);
  }
  const where = indexesText(facts, path, field.optional);
  if (where) parts.push(where);
  return { contents: parts.join('\n\n'), span };
}

function fieldFacts(schema: Schema, f: FieldInfo): string[] {
  const out: string[] = [];
  if (f.description) out.push(f.description);
  const notes: string[] = [];
  if (f.aliasOf) notes.push(`An alias of \`${f.aliasOf}\`.`);
  if (f.multiFieldOf) notes.push(`A multi-field of \`${f.multiFieldOf}\` (the same value, indexed as ${f.esType}).`);
  if (f.exactField) notes.push(`A \`text\` field: EQL compares it through \`${f.exactField}\`.`);
  if (f.arrayNormalized) notes.push('Usually holds an array: a comparison matches when any element does.');
  if (f.nestedIn) notes.push(`Inside the \`nested\` field \`${f.nestedIn}\`: EQL cannot search it.`);
  if (f.family === 'object' || f.family === 'nested' || f.family === 'flattened') {
    const children = schema.children(f.path);
    if (children.length) notes.push(`Holds ${children.length} field${children.length === 1 ? '' : 's'}: ${listCode(children.map((c) => c.slice(f.path.length + 1)), MAX_VALUES)}.`);
  }
  if (f.allowedValues?.length) notes.push(`Allowed values (ECS): ${listCode(f.allowedValues.map((v) => v.name), 40)}.`);
  if (!f.implicit) notes.push(`Schema: ${f.source}${f.family !== f.esType ? ` (${f.family} family)` : ''}.`);
  out.push(notes.join(' '));
  return out;
}

function unknownFieldText(schema: Schema, path: string, optional: boolean, partial: boolean): string {
  const close = schema.suggest(path, 3);
  const known = partial ? 'not declared by the schema here (which is known to be incomplete)' : 'not in the schema of the indexes this query searches';
  const fix = optional ? 'As `?field`, it is null where it is not mapped.' : `Write \`?${path}\` if it may be missing from the mapping.`;
  return `This field is ${known}. ${fix}${close.length ? ` Did you mean ${listCode(close, 3)}?` : ''}`;
}

/** Which of the query's indexes define the path; said only when there are several, or when one lacks it. */
function indexesText(facts: Facts, path: string, optional: boolean): string | undefined {
  const indexes = facts.indexes ?? [];
  if (indexes.length === 0 || !facts.schemaOfIndex) return undefined;
  const defined: string[] = [];
  const missing: string[] = [];
  for (const pattern of indexes) {
    const s = facts.schemaOfIndex(pattern);
    if (!s) continue;
    (s.resolve(path).kind === 'unknown' ? missing : defined).push(pattern);
  }
  if (missing.length === 0) return indexes.length > 1 ? `Defined for every index: ${listCode(defined, MAX_VALUES)}.` : undefined;
  const lines = [defined.length ? `Defined for ${listCode(defined, MAX_VALUES)}.` : 'Defined for none of the indexes on its own.'];
  lines.push(`Missing from ${listCode(missing, MAX_VALUES)}${optional ? ' (it is optional: null there).' : `: events from there have no value; write \`?${path}\` if it may be missing.`}`);
  return lines.join(' ');
}

function functionHover(facts: Facts, name: string, caseInsensitive: boolean, span: Span, call: FunctionCall | undefined): Hover {
  const def = lookupFunction(name);
  if (!def) {
    const key = name.toLowerCase();
    const hint = Object.hasOwn(NON_ES_FUNCTIONS, key) ? NON_ES_FUNCTIONS[key] : undefined;
    const close = similarFunctions(name);
    const text = hint
      ? `\`${name}\` is not an Elasticsearch EQL function: ${hint}.`
      : `\`${name}\` is not an EQL function.${close.length ? ` Did you mean ${listCode(close, 3)}?` : ''}`;
    return { contents: text, span };
  }
  let contents = functionMarkdown(def, caseInsensitive);
  const t = call && facts.typeOf?.(call);
  if (t && t !== 'unknown') contents += `\n\nHere it returns ${describeType(t)}.`;
  return { contents, span };
}

function categoryDoc(facts: Facts, name: string): string {
  const lines = [`**Event category \`${name}\`**: the events whose category field (\`event.category\`, or the rule's \`event_category_override\`) is \`${name}\`.`];
  const allowed = facts.schema?.lookup('event.category')?.allowedValues?.find((v) => v.name === name);
  if (allowed?.expectedEventTypes?.length) lines.push(`ECS expects \`event.type\` to be one of ${listCode(allowed.expectedEventTypes, MAX_VALUES)}.`);
  else if (facts.schema?.lookup('event.category')?.allowedValues?.length && !allowed) lines.push('Not one of the ECS event categories.');
  return lines.join('\n\n');
}

function pipeDoc(name: string): string {
  const doc = languageDoc(name.toLowerCase());
  if (doc) return doc;
  if (LEGACY_PIPES.has(name.toLowerCase())) return `**\`| ${name}\`** is a pipe of the Endgame/Python EQL; Elasticsearch supports only \`head\` and \`tail\`.`;
  return `**\`| ${name}\`** is not a pipe Elasticsearch knows; it supports \`head\` and \`tail\`.`;
}

function stringDoc(facts: Facts, s: StringLiteral, parent: Node | undefined): string {
  let operator: string | undefined;
  let field: Expr | undefined;
  if (parent?.kind === 'match' || parent?.kind === 'in') {
    operator = parent.kind === 'match' ? parent.operator : parent.caseInsensitive ? 'in~' : 'in';
    field = parent.operand;
  } else if (parent?.kind === 'compare') {
    operator = parent.op;
    field = parent.left === s ? parent.right : parent.left;
  }
  const parts = [patternDoc(operator) ?? '**String**.'];
  parts.push(`Value: \`${s.value.replace(/`/g, 'ˋ')}\`${s.raw ? ' (a raw string: backslashes are literal)' : ''}`);
  const allowed = field?.kind === 'field' ? allowedValueNote(facts, fieldPath(field), s.value, operator) : undefined;
  if (allowed) parts.push(allowed);
  return parts.join('\n\n');
}

/** Whether a value compared with an ECS field that lists its allowed values is one of them. */
function allowedValueNote(facts: Facts, path: string, value: string, operator: string | undefined): string | undefined {
  const values = facts.schema?.lookup(path)?.allowedValues;
  if (!values?.length || /[*?]/.test(value) && (operator === ':' || operator === 'like' || operator === 'like~')) return undefined;
  const ci = operator === ':' || operator === 'in~' || operator === 'like~';
  const hit = values.find((v) => (ci ? v.name.toLowerCase() === value.toLowerCase() : v.name === value));
  if (hit) return `\`${hit.name}\` is an ECS allowed value of \`${path}\`.`;
  return `\`${value}\` is not one of the ECS allowed values of \`${path}\`: ${listCode(values.map((v) => v.name), 40)}.`;
}

function patternDoc(operator: string | undefined): string | undefined {
  switch (operator) {
    case ':':
    case 'like~':
      return '**Wildcard pattern, case-insensitive**: `*` matches any characters, `?` exactly one; it must cover the whole value.';
    case 'like':
      return '**Wildcard pattern, case-sensitive**: `*` matches any characters, `?` exactly one; it must cover the whole value.';
    case 'regex':
      return '**Lucene regular expression, case-sensitive**, matched against the whole value.';
    case 'regex~':
      return '**Lucene regular expression, case-insensitive**, matched against the whole value.';
    case 'in~':
      return '**String**, compared ignoring case (no wildcards).';
    case 'in':
    case '==':
    case '!=':
      return '**String**, compared exactly and case-sensitively (`*` and `?` are literal).';
    default:
      return undefined;
  }
}

// ---- helpers ------------------------------------------------------------------------------------------------

function at(where: { span: Span } | Span, contents: string | undefined): Hover | undefined {
  if (!contents) return undefined;
  const span = 'span' in where ? where.span : where;
  return { contents, span };
}

function spanWithin(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function codeLine(text: string): string {
  return '```eql\n' + text + '\n```';
}

function listCode(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).map((i) => `\`${i}\``);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  if (shown.length <= 1) return shown.join('') + more;
  return more ? `${shown.join(', ')}${more}` : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function snippet(text: string, span: Span): string {
  const s = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
