// Finding and reading the project configuration file (`.eqlkit.json`, format in service/config.ts): walk up from
// a folder to the first folder holding one; read it; resolve its relative paths against its own folder.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { formatConfigProblem, parseProjectConfig, PROJECT_CONFIG_FILE, type ConfigProblem, type ProjectConfig } from '../service/config.js';
import type { SchemaLayer } from '../schema/types.js';
import { loadSchemaFile } from './schemas/load-file.js';

export interface LoadedProjectConfig {
  /** The configuration file (absolute). */
  readonly file: string;
  /** Its folder: relative paths in it were resolved against this folder. */
  readonly dir: string;
  /** The settings, with `schemaFiles`, `mappingFiles` and `sampleEvents` made absolute. */
  readonly config: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
  /** The problems as `file:line:col: severity: message` lines. */
  readonly messages: readonly string[];
}

/** The nearest `.eqlkit.json` in `dir` or a folder above it, or undefined. Never throws. */
export function findProjectConfig(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, PROJECT_CONFIG_FILE);
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // An unreadable folder: keep looking above it.
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads a configuration file. Never throws: an unreadable file is one problem. */
export function loadProjectConfig(file: string): LoadedProjectConfig {
  const abs = resolve(file);
  const dir = dirname(abs);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    const problem: ConfigProblem = { severity: 'error', message: `cannot read the configuration (${e instanceof Error ? e.message : String(e)})`, line: 1, column: 1 };
    return { file: abs, dir, config: {}, problems: [problem], messages: [formatConfigProblem(abs, problem)] };
  }
  const parsed = parseProjectConfig(text);
  const paths = (list: readonly string[] | undefined) => list?.map((p) => (isAbsolute(p) ? p : join(dir, p)));
  const c = parsed.config;
  const config: ProjectConfig = {
    ...c,
    ...(c.schemaFiles ? { schemaFiles: paths(c.schemaFiles) } : {}),
    ...(c.mappingFiles ? { mappingFiles: paths(c.mappingFiles) } : {}),
    ...(c.sampleEvents ? { sampleEvents: paths(c.sampleEvents) } : {}),
  };
  return { file: abs, dir, config, problems: parsed.problems, messages: parsed.problems.map((p) => formatConfigProblem(abs, p)) };
}

/** The configuration that applies to files in `dir` (undefined when there is none). */
export function projectConfigFor(dir: string): LoadedProjectConfig | undefined {
  const file = findProjectConfig(dir);
  return file ? loadProjectConfig(file) : undefined;
}

/** The schema layers of a configuration's mapping and schema files (as `--mapping`/`--schema` load them). Never throws. */
export function loadConfigLayers(config: ProjectConfig): { layers: SchemaLayer[]; problems: string[] } {
  const layers: SchemaLayer[] = [];
  const problems: string[] = [];
  for (const f of [...(config.schemaFiles ?? []), ...(config.mappingFiles ?? [])]) {
    try {
      layers.push(loadSchemaFile(f).layer);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { layers, problems };
}
