// Event categories: `<category> where` is `<category field> == "<category>"`, so the category must be a value
// the field can hold. Two warnings, both conservative:
//  - unknown-category: the category field lists its allowed values (ECS `event.category`, `event.type`) and the
//    name is not one of them;
//  - category-not-produced: every index searched is an Elastic Defend event stream whose categories are known,
//    and none of them produces the category. Any other source (integrations, Beats, Endgame, broad patterns)
//    makes the set unknown and the check silent.
import type { Category, EventQuery } from '../ast/nodes.js';
import type { PatternResolution } from '../schema/index-patterns.js';
import { closestMatches } from '../text/edit-distance.js';
import { DEFAULT_CATEGORY_FIELD, type CheckContext } from './context.js';

/**
 * `event.category` values each Elastic Defend data stream writes. Streams not listed (alerts, security, device,
 * metadata, …) write many categories or ones we have not verified, and so never trigger the warning.
 */
export const DEFEND_STREAM_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  process: ['process'],
  network: ['network'],
  file: ['file'],
  registry: ['registry'],
  library: ['library', 'driver'],
  api: ['api'],
};

/** The event categories the patterns can hold, or undefined when that is not known for every pattern. */
export function categoriesProduced(patterns: readonly PatternResolution[]): Set<string> | undefined {
  const out = new Set<string>();
  let any = false;
  for (const p of patterns) {
    if (p.how === 'excluded') continue;
    any = true;
    if (!p.endpointStreams?.length || p.separateTargets.length) return undefined;
    for (const s of p.endpointStreams) {
      const cats = Object.hasOwn(DEFEND_STREAM_CATEGORIES, s) ? DEFEND_STREAM_CATEGORIES[s] : undefined;
      if (!cats) return undefined;
      for (const c of cats) out.add(c);
    }
  }
  return any ? out : undefined;
}

/** Checks the category field and the category of every event query (sequence and sample stages included). */
export function checkCategories(queries: readonly EventQuery[], ctx: CheckContext): void {
  const named = queries.map((q) => q.category).filter((c) => c.name !== null);
  if (named.length === 0 || !ctx.schema) return;
  const fieldName = ctx.categoryField;
  const r = ctx.schema.resolve(fieldName);
  if (r.kind === 'unknown') {
    if (!r.partial) ctx.report('category-field', named[0].span, { name: fieldName, problem: 'is not a field of the indexes searched, so no event has a category' });
    return;
  }
  if (r.kind !== 'field') return;
  const f = r.field;
  if (f.family !== 'keyword' && !(f.family === 'text' && f.exactField)) {
    ctx.report('category-field', named[0].span, { name: fieldName, problem: `is a \`${f.esType}\` field; Elasticsearch needs a keyword field` });
    return;
  }
  const allowed = f.allowedValues?.map((v) => v.name);
  const produced = fieldName === DEFAULT_CATEGORY_FIELD && ctx.options.patterns ? categoriesProduced(ctx.options.patterns) : undefined;
  for (const c of named) {
    const name = c.name as string;
    if (allowed && !allowed.includes(name)) {
      const best = closestMatches(name, allowed, 1)[0];
      const suggestions = best ? [{ message: `did you mean \`${best}\`?`, edits: [{ span: c.span, text: categoryText(best, c) }] }] : [];
      ctx.report('unknown-category', c.span, { name, field: fieldName, suggestion: best }, suggestions);
    } else if (produced && !produced.has(name)) {
      ctx.report('category-not-produced', c.span, { name, produced: [...produced].map((p) => `\`${p}\``).join(', ') });
    }
  }
}

function categoryText(name: string, c: Category): string {
  return c.quoted || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? JSON.stringify(name) : name;
}

/** Checks the timestamp and tiebreaker fields named in the options (they come from the rule, not the query). */
export function checkOrderingFields(ctx: CheckContext, at: { start: number; end: number }, needsTimestamp: boolean): void {
  const schema = ctx.schema;
  if (!schema) return;
  const ts = ctx.options.timestampField;
  if (ts !== undefined && needsTimestamp) {
    const r = schema.resolve(ts);
    if (r.kind === 'unknown' && !r.partial) ctx.report('timestamp-field', at, { name: ts, problem: 'is not a field of the indexes searched' });
    else if (r.kind === 'field' && r.field.esType === 'date_nanos') ctx.report('timestamp-field', at, { name: ts, problem: 'is a `date_nanos` field; Elasticsearch EQL needs a `date` (millisecond) timestamp' });
    else if (r.kind === 'field' && r.field.family !== 'date') ctx.report('timestamp-field', at, { name: ts, problem: `is a \`${r.field.esType}\` field, not a \`date\`` });
  }
  const tb = ctx.options.tiebreakerField;
  if (tb !== undefined) {
    const r = schema.resolve(tb);
    if (r.kind === 'unknown' && !r.partial) ctx.report('tiebreaker-field', at, { name: tb, problem: 'is not a field of the indexes searched' });
    else if (r.kind === 'field' && ['object', 'nested', 'flattened', 'text', 'geo_point'].includes(r.field.family)) {
      ctx.report('tiebreaker-field', at, { name: tb, problem: `is a \`${r.field.esType}\` field, which cannot be sorted on` });
    }
  }
}
