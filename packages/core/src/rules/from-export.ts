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

/**
 * The rule line of a Kibana export with only its `query` text replaced: every other byte (numbers such as `21.0`,
 * large integers, escapes, key order) stays as it was. Undefined when the line has no top-level `query` string.
 * With duplicate `query` keys the last one is replaced, the one a JSON reader keeps.
 */
export function replaceExportQuery(line: string, query: string): string | undefined {
  const span = topLevelStringMember(line, 'query');
  return span && line.slice(0, span.start) + JSON.stringify(query) + line.slice(span.end);
}

/** The source span of the last top-level member `key` of the JSON object in `text` whose value is a string. */
function topLevelStringMember(text: string, key: string): { start: number; end: number } | undefined {
  let depth = 0;
  let found: { start: number; end: number } | undefined;
  /** At depth 1: the key just read (a string before `:`), and whether the next value belongs to it. */
  let lastKey: string | undefined;
  let expectKey = false;
  let valueOf: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const end = i + 1;
      if (depth === 1) {
        if (expectKey) {
          lastKey = decodeString(text.slice(start, end));
          expectKey = false;
        } else if (valueOf === key) found = { start, end };
        valueOf = undefined;
      }
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) expectKey = true;
      valueOf = undefined;
    } else if (c === '}' || c === ']') {
      depth--;
      valueOf = undefined;
    } else if (depth === 1 && c === ':') {
      valueOf = lastKey;
    } else if (depth === 1 && c === ',') {
      expectKey = true;
      valueOf = undefined;
    }
  }
  return found;
}

function decodeString(token: string): string | undefined {
  try {
    return JSON.parse(token) as string;
  } catch {
    return undefined;
  }
}
