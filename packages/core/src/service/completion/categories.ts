// Event categories at the start of an event query: the ECS allowed values of the category field (the rule's
// `event_category_override` when it names a field with allowed values), categories the indexes produce first.
import { categoriesProduced } from '../../check/categories.js';
import { EXPECT } from '../grammar-expectations.js';
import { item, type Provider } from './item.js';

export const categoryItems: Provider = (q, ctx) => {
  if (ctx.kind !== 'code' || ctx.fieldPrefix !== undefined || !ctx.expected?.descriptions.has(EXPECT.category)) return [];
  const field = q.settings.eventCategoryField ?? 'event.category';
  const allowed = q.bundled.ecsAllowedValues[field] ?? q.bundled.ecsAllowedValues['event.category'] ?? [];
  let produced: ReadonlySet<string> | undefined;
  try {
    produced = categoriesProduced(q.schemas.patterns);
  } catch {
    produced = undefined;
  }
  return allowed.map((v) =>
    item('category', v.name, produced && !produced.has(v.name) ? 1 : 0, {
      detail: `${field} value`,
      ...(v.expected_event_types?.length ? { documentation: `Expected \`event.type\` values: ${v.expected_event_types.map((t) => `\`${t}\``).join(', ')}` } : {}),
    }),
  );
};
