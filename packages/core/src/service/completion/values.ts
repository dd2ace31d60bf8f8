// Values on the right of an operator: the ECS allowed values of the field on the left (`event.type`,
// `event.category`, …) and the values seen in sample events for it (`settings.sampleValues`), as EQL strings.
import { encodeDoubleQuoted } from '../../grammar/strings.js';
import type { CompletionItem } from '../api.js';
import { EXPECT } from '../grammar-expectations.js';
import { item, type Provider } from './item.js';

const MAX_SAMPLES = 50;

export const valueItems: Provider = (q, ctx) => {
  const field = ctx.comparedField?.replace(/^\?/, '');
  if (!field) return [];
  if (ctx.kind !== 'string' && !(ctx.kind === 'code' && ctx.expected?.descriptions.has(EXPECT.string) && ctx.fieldPrefix === undefined)) return [];
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (value: string, rank: number, detail: string, documentation?: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    const text = encodeDoubleQuoted(value);
    out.push(item('value', text, rank, { detail, ...(documentation ? { documentation } : {}) }));
  };
  const info = q.schema.lookup(field);
  for (const v of info?.allowedValues ?? []) {
    add(v.name, 0, `${field} (ECS allowed value)`, v.expectedEventTypes?.length ? `Expected \`event.type\` values: ${v.expectedEventTypes.map((t) => `\`${t}\``).join(', ')}` : undefined);
  }
  let samples: readonly string[] = [];
  try {
    samples = q.settings.sampleValues?.(field) ?? [];
  } catch {
    samples = [];
  }
  for (const s of samples.slice(0, MAX_SAMPLES)) if (typeof s === 'string') add(s, 1, `${field} (seen in sample events)`);
  return out;
};
