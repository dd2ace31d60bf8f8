/**
 * The columns a result table shows (the CLI's table and CSV, the REPL): when, what, where from, and the fields the
 * query itself looks at. Neutral about the screen: cells are raw text; a face drawing on a terminal escapes them
 * (`terminalSafe`) first.
 */
import { walk } from '../ast/walk.js';
import type { Statement } from '../ast/nodes.js';
import type { Hit } from '../eval/hit.js';
import { getFieldValues } from '../values/field-access.js';
import { formatIsoMillis } from '../values/timestamps.js';
import { displayValues } from '../text/terminal-safe.js';

export interface Column {
  readonly title: string;
  /** The cell's text (not yet escaped for a terminal). */
  value(hit: Hit): string;
  /** Room a streaming table keeps beyond the widest value of its first rows, for values that grow (line numbers). */
  readonly slack?: number;
}

/** The fields a query mentions, in the order it first mentions them (the category field left out). */
export function queryFields(ast: Statement, categoryField: string): string[] {
  const fields: string[] = [];
  walk(ast, (n) => {
    if (n.kind === 'field' && !fields.includes(n.name) && n.name !== categoryField) fields.push(n.name);
  });
  return fields;
}

/** A column showing one field's values. */
export function fieldColumn(field: string): Column {
  return { title: field, value: (h) => displayValues(getFieldValues(h.event, field)) };
}

/**
 * The timestamp, category and source columns, then the field columns: `fields` when given, else up to `max` (6) of
 * the fields the query mentions.
 */
export function columnsFor(ast: Statement, opts: { categoryField: string; max?: number; fields?: readonly string[] }): Column[] {
  const fields = opts.fields ?? queryFields(ast, opts.categoryField).slice(0, opts.max ?? 6);
  return [
    { title: 'timestamp', value: (h) => (h.ts === undefined ? '' : formatIsoMillis(h.ts)) },
    { title: opts.categoryField, value: (h) => displayValues(getFieldValues(h.event, opts.categoryField)) },
    { title: 'source', value: (h) => `${h.index}:${h.line}`, slack: 4 },
    ...fields.map(fieldColumn),
  ];
}
