import { parse as parseToml, TomlError } from 'smol-toml';
import type { QueryFile, RuleQuery } from './rule-query.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strList = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/**
 * Reads an Elastic detection-rules `.toml` file: the `[rule]` table's `query`, `index`, `rule_id`, `name`,
 * `language`, the timestamp/category/tiebreaker overrides, and `[metadata] integration`. Never throws.
 */
export function readDetectionRuleToml(text: string, file: string): QueryFile {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) return { queries: [], skipped: 0, problems: [{ file, line: e.line, column: e.column, message: `invalid TOML (${firstLine(e.message)})` }] };
    return { queries: [], skipped: 0, problems: [{ file, message: `invalid TOML (${String(e)})` }] };
  }
  const rule = doc['rule'];
  if (typeof rule !== 'object' || rule === null) return { queries: [], skipped: 0, notARule: true, problems: [{ file, message: 'no [rule] table: not a detection-rule file' }] };
  const r = rule as Record<string, unknown>;
  const query = str(r['query']);
  if (query === undefined) return { queries: [], skipped: 0, problems: [{ file, message: 'the [rule] table has no `query` string' }] };
  const language = str(r['language']);
  if (language !== undefined && language !== 'eql') return { queries: [], skipped: 1, problems: [] };
  const meta = (typeof doc['metadata'] === 'object' && doc['metadata'] !== null ? doc['metadata'] : {}) as Record<string, unknown>;
  const trimmed = query.replace(/^[\r\n]+/, '').replace(/\s+$/, '');
  const found = locateVerbatim(text, trimmed);
  const q: RuleQuery = {
    query: trimmed,
    origin: { file, ...(found !== undefined ? { offset: found } : {}) },
    ruleId: str(r['rule_id']),
    name: str(r['name']),
    index: strList(r['index']),
    integration: strList(meta['integration']) ?? (str(meta['integration']) ? [str(meta['integration'])!] : undefined),
    timestampOverride: str(r['timestamp_override']),
    eventCategoryOverride: str(r['event_category_override']),
    tiebreakerField: str(r['tiebreaker_field']),
  };
  return { queries: [q], skipped: 0, problems: [] };
}

/** The offset of `query` in the file when it is stored verbatim after `query =` (e.g. in a `'''` string). */
function locateVerbatim(text: string, query: string): number | undefined {
  const key = /^\s*query\s*=\s*/m.exec(text);
  const from = key ? key.index : 0;
  const at = text.indexOf(query, from);
  return at >= 0 && query.length > 0 ? at : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/^Invalid TOML document: /, '');
}
