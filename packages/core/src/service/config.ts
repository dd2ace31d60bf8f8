// The project configuration file, `.eqlkit.json`: what every face (CLI, REPL, language server) applies to
// queries of the project — default indexes for `.eql` files and rules without an `index`, schema and mapping
// files, sample events for dry runs, and the timestamp/tiebreaker/category fields. Pure: parsing and
// validation with located problems; finding and reading the file (and resolving its relative paths against its
// folder) is io/config.ts. Editor settings and command-line flags override it.
import { closestMatches } from '../text/edit-distance.js';
import { jsonErrorPosition } from '../text/json-position.js';
import { LineIndex } from '../text/line-index.js';

/** The file name looked for in a document's folder and each folder above it. */
export const PROJECT_CONFIG_FILE = '.eqlkit.json';

export interface ProjectConfig {
  /** Index patterns for `.eql` files and for rules without their own `index` (schema selection). */
  readonly indexes?: readonly string[];
  /** Field-type files (`{"field": "type"}` or an ECS-style fields file), relative to the configuration file. */
  readonly schemaFiles?: readonly string[];
  /** Elasticsearch mappings (`GET index/_mapping` output), relative to the configuration file. */
  readonly mappingFiles?: readonly string[];
  /** Sample event files or globs for dry runs and value completion, relative to the configuration file. */
  readonly sampleEvents?: readonly string[];
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
}

export interface ConfigProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ParsedConfig {
  /** What could be read (a bad entry is left out; the rest still applies). */
  readonly config: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
}

const LISTS = ['indexes', 'schemaFiles', 'mappingFiles', 'sampleEvents'] as const;
const FIELDS = ['timestampField', 'tiebreakerField', 'eventCategoryField'] as const;
const KNOWN = new Set<string>([...LISTS, ...FIELDS, '$schema']);

/** Parses the text of a configuration file. Never throws. */
export function parseProjectConfig(text: string): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    const { line, column } = jsonErrorPosition(e instanceof Error ? e.message : String(e), source);
    return { config: {}, problems: [{ severity: 'error', message: `not valid JSON (${firstLine(e)})`, line, column }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: {}, problems: [{ severity: 'error', message: 'the configuration must be a JSON object, e.g. {"indexes": ["logs-endpoint.events.*"]}', line: 1, column: 1 }] };
  }
  const lines = new LineIndex(source);
  const at = (key: string) => {
    const m = new RegExp(`"${key.replace(/[$]/g, '\\$&')}"\\s*:`).exec(source);
    const p = lines.positionAt(m ? m.index : 0);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const obj = raw as Record<string, unknown>;
  const config: { -readonly [K in keyof ProjectConfig]: ProjectConfig[K] } = {};
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (!KNOWN.has(key)) {
      const near = closestMatches(key, [...KNOWN].filter((k) => k !== '$schema'), 1);
      problems.push({ severity: 'warning', message: `unknown setting \`${key}\`${near.length ? ` (did you mean \`${near[0]}\`?)` : ''}; it is ignored`, ...at(key) });
    } else if ((LISTS as readonly string[]).includes(key)) {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x.trim() !== '')) {
        problems.push({ severity: 'error', message: `\`${key}\` must be a list of non-empty strings`, ...at(key) });
        continue;
      }
      config[key as (typeof LISTS)[number]] = list.map((x: string) => x.trim());
    } else if ((FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({ severity: 'error', message: `\`${key}\` must be a field name (a non-empty string)`, ...at(key) });
        continue;
      }
      config[key as (typeof FIELDS)[number]] = value.trim();
    }
  }
  return { config, problems };
}

/** `file:line:col: severity: message`, as every face prints a configuration problem. */
export function formatConfigProblem(file: string, p: ConfigProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
