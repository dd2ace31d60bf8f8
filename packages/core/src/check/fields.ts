// Field references: does the field exist for the indexes searched, and can EQL compare its type?
// `?field` is never an unknown field (Elasticsearch replaces an unmapped optional field by null). Fields under an
// `object` without declared children or under a `flattened` field are accepted (the schema resolves them).
import type { FieldRef } from '../ast/nodes.js';
import type { Suggestion } from '../diagnostics/diagnostic.js';
import { eqlValueKind, isEqlUnsupportedType } from '../schema/families.js';
import type { FieldInfo, Schema } from '../schema/types.js';
import type { CheckContext } from './context.js';
import type { ValueType } from './value-types.js';

const PLAIN_SEGMENT = /^[A-Za-z_@][A-Za-z0-9_@]*$/;

/** The schema path of a reference: its name segments joined by dots (array indexes `[n]` dropped). */
export function fieldPath(ref: FieldRef): string {
  let path = '';
  for (const s of ref.segments) if (s.kind === 'name') path += (path ? '.' : '') + s.name;
  return path;
}

/** A dotted schema path as EQL text, backtick-quoting segments that are not plain identifiers. */
export function pathToEql(path: string, optional = false): string {
  const text = path
    .split('.')
    .map((s) => (PLAIN_SEGMENT.test(s) ? s : '`' + s.replace(/`/g, '``') + '`'))
    .join('.');
  return (optional ? '?' : '') + text;
}

/** Checks one field reference and returns its type (`unknown` when it cannot be known). */
export function checkField(ref: FieldRef, ctx: CheckContext): ValueType {
  const schema = ctx.schema;
  const path = fieldPath(ref);
  if (ctx.checkTargets && !ref.optional) checkTargets(ref, path, ctx);
  if (!schema) return 'unknown';
  const r = schema.resolve(path);
  if (r.kind === 'unknown') {
    if (!ref.optional) reportUnknown(ref, path, schema, r.partial, ctx);
    return 'unknown';
  }
  if (ctx.stage && !ref.optional) checkStage(ref, path, ctx.stage, ctx);
  return r.kind === 'dynamic' ? 'unknown' : valueTypeOf(ref, r.field, ctx);
}

function checkStage(ref: FieldRef, path: string, stage: NonNullable<CheckContext['stage']>, ctx: CheckContext): void {
  if (stage.schema.resolve(path).kind !== 'unknown') return;
  const datasets = stage.datasets.map((d) => `\`${d}\``).join(', ');
  ctx.report('field-not-in-dataset', ref.span, { name: path, datasets: `${stage.datasets.length === 1 ? 'dataset' : 'datasets'} ${datasets}` }, [
    { message: `write \`?${path}\``, edits: [{ span: { start: ref.span.start, end: ref.span.start }, text: '?' }] },
  ]);
}

function valueTypeOf(ref: FieldRef, f: FieldInfo, ctx: CheckContext): ValueType {
  const name = fieldPath(ref);
  if (f.nestedIn !== undefined) {
    ctx.report('unsupported-field-type', ref.span, { name, esType: f.esType, reason: `it lies inside the \`nested\` field \`${f.nestedIn}\`, and EQL cannot search nested documents` });
    return 'unknown';
  }
  const kind = eqlValueKind(f);
  if (kind === 'string' && f.family === 'keyword' && f.normalizer !== undefined && !ctx.joinKey) {
    const reason = `it has the normalizer \`${f.normalizer}\`, and Elasticsearch EQL cannot compare a normalized keyword exactly ("Normalized keyword field cannot be used for exact match operations")`;
    ctx.report('unsupported-field-type', ref.span, { name, esType: f.esType, reason });
    return 'unknown';
  }
  if (kind !== null) return kind;
  switch (f.family) {
    case 'text':
      ctx.report('text-field', ref.span, { name, esType: f.esType, candidates: f.exactCandidates }, (f.exactCandidates ?? []).map((c) => ({ message: `compare \`${c}\``, edits: [{ span: ref.span, text: pathToEql(c) }] })));
      return 'unknown';
    case 'object':
    case 'nested':
    case 'flattened':
      // `?obj` is how authors tolerate sources that lack a field; an object there is their choice.
      if (!ref.optional) ctx.report('unsupported-field-type', ref.span, { name, esType: f.esType, reason: 'it holds other fields, not a value; compare one of its sub-fields' }, childSuggestions(ref, name, ctx.schema));
      return 'unknown';
    case 'geo_point':
    case 'histogram':
      if (!ref.optional) ctx.report('unsupported-field-type', ref.span, { name, esType: f.esType, reason: 'Elasticsearch EQL cannot use this type' });
      return 'unknown';
    default:
      if (isEqlUnsupportedType(f.esType)) {
        ctx.report('unsupported-field-type', ref.span, { name, esType: f.esType, reason: 'Elasticsearch EQL cannot use this type ("unsupported type")' });
      } else if (f.esType === 'binary') {
        const reason = 'Elasticsearch cannot search binary fields ("Binary fields do not support searching"): its verifier lets the query through, but the search fails';
        ctx.report('unsupported-field-type', ref.span, { name, esType: f.esType, reason });
      }
      return 'unknown'; // alias without a known target, Beats `array`, types the model does not know
  }
}

function reportUnknown(ref: FieldRef, path: string, schema: Schema, partial: boolean, ctx: CheckContext): void {
  const candidates = schema.suggest(path, 3);
  const suggestions: Suggestion[] = candidates.map((c) => ({ message: `did you mean \`${c}\`?`, edits: [{ span: ref.span, text: pathToEql(c) }] }));
  suggestions.push({ message: `write \`?${path}\` if the field may be missing from the mapping`, edits: [{ span: { start: ref.span.start, end: ref.span.start }, text: '?' }] });
  const where = ctx.options.patterns?.length ? `the schema of ${describePatterns(ctx)}` : 'the schema';
  ctx.report('unknown-field', ref.span, { name: path, partial, where }, suggestions, partial ? 'warning' : 'error');
}

function checkTargets(ref: FieldRef, path: string, ctx: CheckContext): void {
  for (const t of ctx.options.targets ?? []) {
    const r = t.schema.resolve(path);
    if (r.kind !== 'unknown') continue;
    ctx.report(
      'field-not-in-target',
      ref.span,
      { name: path, target: t.name, patterns: t.patterns.join(', ') },
      [{ message: `write \`?${path}\``, edits: [{ span: { start: ref.span.start, end: ref.span.start }, text: '?' }] }],
      r.partial ? 'warning' : 'error',
    );
  }
}

function childSuggestions(ref: FieldRef, name: string, schema: Schema | undefined): Suggestion[] {
  const children = schema?.children(name).slice(0, 3) ?? [];
  return children.map((c) => ({ message: `compare \`${c}\``, edits: [{ span: ref.span, text: pathToEql(c) }] }));
}

function describePatterns(ctx: CheckContext): string {
  const ps = (ctx.options.patterns ?? []).filter((p) => p.how !== 'excluded').map((p) => p.pattern);
  if (ps.length === 0) return 'the searched indexes';
  return ps.length <= 3 ? ps.join(', ') : `${ps.slice(0, 3).join(', ')} and ${ps.length - 3} more`;
}
