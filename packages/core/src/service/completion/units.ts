// Time units right after the number of `maxspan=` (the units the AST builder accepts).
import { UNIT_MILLIS } from '../../grammar/build-queries.js';
import { item, type Provider } from './item.js';

const NAMES: Readonly<Record<string, string>> = { ms: 'milliseconds', s: 'seconds', m: 'minutes', h: 'hours', d: 'days' };

export const unitItems: Provider = (_q, ctx) => {
  if (ctx.kind !== 'unit') return [];
  return Object.keys(UNIT_MILLIS).map((u, i) => item('unit', u, i, { detail: NAMES[u] ?? u }));
};
