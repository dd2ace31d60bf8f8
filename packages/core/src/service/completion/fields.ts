// Field names for the document's indexes: full paths at the start of a field, the next segment after a `.`.
// Type and description come from the schema; ECS and Elastic Defend fields sort before the others.
import type { FieldInfo, Schema } from '../../schema/types.js';
import type { CompletionItem } from '../api.js';
import { EXPECT } from '../grammar-expectations.js';
import { item, type Provider } from './item.js';

/** ECS first, then Elastic Defend, then everything else (integrations, Beats, user layers). */
function rankOf(f: FieldInfo | undefined): number {
  if (!f) return 3;
  if (f.source === 'ecs-flat') return 0;
  if (f.source === 'endpoint' || f.source.startsWith('endpoint[') || f.source === 'dr-endpoint-custom') return 1;
  return 2;
}

function fieldItem(schema: Schema, path: string, label: string, insert: string): CompletionItem {
  const f = schema.lookup(path);
  const detail = f ? (f.implicit === 'object' ? 'object' : f.esType) : 'object';
  return item('field', label, rankOf(f), {
    detail,
    ...(f?.description ? { documentation: `\`${path}\` (${detail})\n\n${f.description}` } : {}),
    ...(insert !== label ? { insertText: insert } : {}),
  });
}

/** Quotes a segment that is not a plain name (`` `a-b` ``). */
function segmentText(segment: string): string {
  return /^[A-Za-z_@][A-Za-z0-9_]*$/.test(segment) ? segment : `\`${segment.replace(/`/g, '``')}\``;
}

const pathText = (path: string) => path.split('.').map(segmentText).join('.');

// Items are built once per schema (schemas are shared per index list), sorted, and reused on every keystroke.
const allCache = new WeakMap<Schema, readonly CompletionItem[]>();
const childCache = new WeakMap<Schema, Map<string, readonly CompletionItem[]>>();
const bySortText = (a: CompletionItem, b: CompletionItem) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0);

export const fieldItems: Provider = (q, ctx) => {
  if (ctx.kind !== 'code' || !ctx.expected?.descriptions.has(EXPECT.field)) return [];
  const schema = q.schema;
  if (ctx.fieldPrefix !== undefined) {
    let perSchema = childCache.get(schema);
    if (!perSchema) childCache.set(schema, (perSchema = new Map()));
    let items = perSchema.get(ctx.fieldPrefix);
    if (!items) {
      items = schema
        .children(ctx.fieldPrefix)
        .filter((p) => !p.includes('*'))
        .map((p) => {
          const segment = p.slice(p.lastIndexOf('.') + 1);
          return fieldItem(schema, p, segment, segmentText(segment));
        })
        .sort(bySortText);
      if (perSchema.size > 2000) perSchema.clear();
      perSchema.set(ctx.fieldPrefix, items);
    }
    return items;
  }
  let all = allCache.get(schema);
  if (!all) allCache.set(schema, (all = allFields(schema)));
  return all;
};

function allFields(schema: Schema): readonly CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  // Whole paths (VS Code and most clients filter by the typed prefix themselves), plus the top-level objects.
  for (const p of schema.allPaths()) {
    if (p.includes('*') || seen.has(p)) continue;
    seen.add(p);
    out.push(fieldItem(schema, p, p, pathText(p)));
  }
  for (const p of schema.children('')) {
    if (p.includes('*') || seen.has(p)) continue;
    seen.add(p);
    out.push(fieldItem(schema, p, p, pathText(p)));
  }
  return out.sort(bySortText);
}
