import { readRuleExport } from './from-export.js';
import { readDetectionRuleToml } from './from-toml.js';
import type { QueryFile } from './rule-query.js';

export type QueryFileKind = 'eql' | 'toml' | 'ndjson';

/** The kind of a query file from its name: `.toml`, `.ndjson`/`.jsonl`, anything else is one EQL query. */
export function queryFileKind(file: string): QueryFileKind {
  if (/\.toml$/i.test(file)) return 'toml';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  return 'eql';
}

/** Reads the queries of a file's text. Never throws. */
export function readQueryFile(text: string, file: string, kind: QueryFileKind = queryFileKind(file)): QueryFile {
  switch (kind) {
    case 'toml':
      return readDetectionRuleToml(text, file);
    case 'ndjson':
      return readRuleExport(text, file);
    case 'eql': {
      const body = text.replace(/^\uFEFF/, '');
      return { queries: [{ query: body, origin: { file, offset: text.length - body.length } }], problems: [], skipped: 0 };
    }
  }
}
