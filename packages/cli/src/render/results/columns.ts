import { walk, type Statement, type Hit, getFieldValues, formatIsoMillis } from '@eqlkit/core';

/** The columns of table and CSV output: when, what, where from, and the fields the query itself looks at. */
export interface Column {
  readonly title: string;
  value(hit: Hit): string;
}

function text(values: unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return shown.length === 1 ? shown[0] : shown.length ? `[${shown.join(', ')}]` : '';
}

/** Up to `max` field columns, in the order the query first mentions them. */
export function columnsFor(ast: Statement, opts: { categoryField: string; max?: number }): Column[] {
  const fields: string[] = [];
  walk(ast, (n) => {
    if (n.kind === 'field' && !fields.includes(n.name) && n.name !== opts.categoryField) fields.push(n.name);
  });
  return [
    { title: 'timestamp', value: (h) => (h.ts === undefined ? '' : formatIsoMillis(h.ts)) },
    { title: opts.categoryField, value: (h) => text(getFieldValues(h.event, opts.categoryField)) },
    { title: 'source', value: (h) => `${h.index}:${h.line}` },
    ...fields.slice(0, opts.max ?? 6).map((f) => ({ title: f, value: (h: Hit) => text(getFieldValues(h.event, f)) })),
  ];
}
