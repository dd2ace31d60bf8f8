import { parse as parseToml, TomlError } from 'smol-toml';
import { readTomlRule } from '../service/toml-rule.js';
import type { QueryFile, QueryOrigin, RuleQuery } from './rule-query.js';

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
  const q: RuleQuery = {
    query: trimmed,
    origin: { file, ...locateInFile(text, query, trimmed) },
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

/**
 * Where the (trimmed) query lies in the file, through the language service's exact TOML string map: `offset` for a
 * `'''` string (stored verbatim), else the file offset of every query offset.
 */
function locateInFile(text: string, query: string, trimmed: string): Pick<QueryOrigin, 'offset' | 'fileOffsets'> {
  const decoded = readTomlRule(text).query;
  if (!decoded || decoded.value !== query || trimmed.length === 0) return {};
  const lead = query.length - query.replace(/^[\r\n]+/, '').length;
  const starts = decoded.starts;
  let verbatim = true;
  for (let i = 0; i < trimmed.length && verbatim; i++) verbatim = decoded.ends[lead + i] - starts[lead + i] === 1 && starts[lead + i] === starts[lead] + i;
  // `offset` also tells `eql fmt` it may rewrite the query in place: only a multi-line literal string takes any text.
  if (verbatim && decoded.form === "'''") return { offset: starts[lead] };
  const fileOffsets: number[] = [];
  for (let i = 0; i <= trimmed.length; i++) fileOffsets.push(i < trimmed.length ? starts[lead + i] : decoded.ends[lead + i - 1]);
  return { fileOffsets };
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/^Invalid TOML document: /, '');
}
