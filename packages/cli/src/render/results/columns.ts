import { walk, type Statement, type Hit, getFieldValues, formatIsoMillis, displayValues } from '@eqlkit/core';

/** The columns of table and CSV output: when, what, where from, and the fields the query itself looks at. */
export interface Column {
  readonly title: string;
  /** The cell's text (not yet escaped for a terminal: the table and CSV writers do that). */
  value(hit: Hit): string;
  /** Room the table keeps beyond the widest value of its first rows, for values that grow (line numbers). */
  readonly slack?: number;
}

/** Up to `max` field columns, in the order the query first mentions them. */
export function columnsFor(ast: Statement, opts: { categoryField: string; max?: number }): Column[] {
  const fields: string[] = [];
  walk(ast, (n) => {
    if (n.kind === 'field' && !fields.includes(n.name) && n.name !== opts.categoryField) fields.push(n.name);
  });
  return [
    { title: 'timestamp', value: (h) => (h.ts === undefined ? '' : formatIsoMillis(h.ts)) },
    { title: opts.categoryField, value: (h) => displayValues(getFieldValues(h.event, opts.categoryField)) },
    { title: 'source', value: (h) => `${h.index}:${h.line}`, slack: 4 },
    ...fields.slice(0, opts.max ?? 6).map((f) => ({ title: f, value: (h: Hit) => displayValues(getFieldValues(h.event, f)) })),
  ];
}
