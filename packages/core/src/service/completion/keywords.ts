// Keywords the grammar accepts at the cursor (grammar-expectations.ts reads them from grammar/eql.ohm), and the
// stage option names (`runs`).
import { EXPECT } from '../grammar-expectations.js';
import { item, type Provider } from './item.js';

const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  where: 'Starts the condition of an event query: `process where …`.',
  any: 'Matches events of every category: `any where …`.',
  sequence: 'Events in order, optionally joined `by` fields and within `with maxspan=…`: `sequence by host.id [ … ] [ … ]`.',
  sample: 'Events joined by fields, in any order: `sample by host.id [ … ] [ … ]`.',
  by: 'Join keys: events of a sequence or sample must share these values.',
  with: '`with maxspan=5m` (sequences) or `with runs=3` (a repeated stage).',
  maxspan: 'The longest time a whole sequence may span, e.g. `maxspan=5m`.',
  until: 'Ends an open sequence when this event arrives.',
  not: 'Negation: `not x`, `x not in (…)`.',
  in: 'One of a list: `x in ("a", "b")` (case-sensitive; `in~` ignores case).',
  like: 'Wildcard match (`*`, `?`), case-sensitive; `like~` ignores case.',
  regex: 'Regular-expression match (Lucene syntax), case-sensitive; `regex~` ignores case.',
};

export const keywordItems: Provider = (_q, ctx) => {
  if (ctx.kind !== 'code' || !ctx.expected) return [];
  const out = ctx.expected.keywords.map((k) => item('keyword', k, k === 'where' ? 0 : 1, KEYWORD_DOCS[k] ? { documentation: KEYWORD_DOCS[k] } : {}));
  if (ctx.expected.descriptions.has(EXPECT.option)) out.push(item('keyword', 'runs', 0, { detail: 'stage option', documentation: '`with runs=N`: the stage must match N times in a row.', insertText: 'runs=' }));
  return out;
};
