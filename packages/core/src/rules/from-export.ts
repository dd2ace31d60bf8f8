import type { InputProblem, QueryFile, RuleQuery } from './rule-query.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strList = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/**
 * Reads a Kibana rule export (`.ndjson`): one rule object per line with `query`, `language`, `index`, `rule_id`,
 * `name`. Lines whose language is not EQL are skipped and counted; the export's summary line
 * (`{"exported_count": …}`) is ignored. Never throws; bad lines are reported with their line numbers.
 */
export function readRuleExport(text: string, file: string): QueryFile {
  const queries: RuleQuery[] = [];
  const problems: InputProblem[] = [];
  let skipped = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const l = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!l.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(l);
    } catch (e) {
      problems.push({ file, line, message: `invalid JSON (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      problems.push({ file, line, message: 'not a rule object' });
      return;
    }
    const r = obj as Record<string, unknown>;
    if ('exported_count' in r && !('query' in r)) return;
    const query = str(r['query']);
    const language = str(r['language']);
    const type = str(r['type']);
    if (language !== undefined ? language !== 'eql' : type !== undefined && type !== 'eql') {
      skipped++;
      return;
    }
    if (query === undefined) {
      problems.push({ file, line, message: 'the rule has no `query` string' });
      return;
    }
    queries.push({
      query,
      origin: { file, line },
      ruleId: str(r['rule_id']),
      name: str(r['name']),
      index: strList(r['index']),
      integration: strList(r['integration']),
      timestampOverride: str(r['timestamp_override']),
      eventCategoryOverride: str(r['event_category_override']),
      tiebreakerField: str(r['tiebreaker_field']),
    });
  });
  return { queries, problems, skipped };
}
