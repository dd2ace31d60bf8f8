import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EvalInputError, hasErrors, isStackOverflow, tooLargeDiagnostic, parse, readDetectionRuleToml, runChecks, type ProjectConfig, type RuleQuery, type SchemaLayer, type Statement } from '@eqlkit/core';
import { executeQuery, formatInputError, loadSchemaFile, readTextFile, SchemaFileError } from '@eqlkit/core/io';
import { UsageError, type CliIo, type Command, type CommandContext } from '../command.js';
import { cliProjectConfig, CONFIG_OPTION } from '../project-config.js';
import { readAll } from '../inputs.js';
import { renderDiagnostic } from '../render/diagnostic.js';
import { columnsFor } from '../render/results/columns.js';
import { FORMATS, openResultOutput, type Format } from '../render/results/output.js';
import { styleFor } from '../render/style.js';
import { formatStats } from '../render/stats.js';
import { plural } from '../render/summary.js';

const FILE_PROBLEMS = new Set(['not-found', 'is-directory', 'unreadable', 'no-match', 'read-error', 'not-text']);

export const queryCommand: Command = {
  name: 'query',
  summary: 'run a query or detection rule over event files, with the results Elasticsearch would return',
  usage: '[options] (QUERY | -q FILE) [DATA...]',
  details: [
    'DATA: NDJSON or JSON-array files (optionally .gz), globs, or - for standard input (the default when input is piped).',
    'With -q, FILE is a .eql query or an Elastic detection-rule .toml (its timestamp_override, event_category_override',
    'and tiebreaker_field apply unless given as options).',
    'Extensions beyond Elasticsearch (field-to-field comparisons; the pipes filter, unique, unique_count, count, sort)',
    'run with a warning; --strict makes them errors, and stops at the first bad input record.',
    'Records that cannot be used (not valid JSON, not an object, cut off, nested over 1,000 levels, a key twice in one',
    'object, an unparseable timestamp) are reported as file:line on standard error and skipped; reading goes on.',
    'Exit status: 0 when the query ran, with or without matches, also when bad records were reported and skipped;',
    '1 for an error in the query (also one nested or chained too deeply); 2 for usage errors, input files that cannot',
    'be read at all, input not sorted by timestamp beyond what is sorted in memory (see --sort), or (with --strict)',
    'the first bad record.',
  ].join('\n'),
  options: {
    'query-file': { type: 'string', short: 'q', value: 'FILE', description: 'read the query from a .eql or detection-rule .toml file' },
    ...CONFIG_OPTION,
    format: { type: 'string', value: 'FORMAT', description: 'table | ndjson | es | csv (default: table on a terminal, ndjson otherwise)' },
    size: { type: 'string', value: 'N', description: 'return at most N results (default: all)' },
    'result-position': { type: 'string', value: 'head|tail', description: 'with --size, keep the first or the last results (default tail, as Elasticsearch)' },
    'timestamp-field': { type: 'string', value: 'FIELD', description: 'the event time field (default @timestamp)' },
    'tiebreaker-field': { type: 'string', value: 'FIELD', description: 'orders events with equal timestamps' },
    'event-category-field': { type: 'string', value: 'FIELD', description: 'the field `<category> where` tests (default event.category)' },
    'max-samples-per-key': { type: 'string', value: 'N', description: 'samples per join key (default 1)' },
    mapping: { type: 'string', multiple: true, value: 'FILE', description: 'an Elasticsearch index mapping (GET index/_mapping, {"mappings":…} or {"properties":…}); repeatable' },
    schema: { type: 'string', multiple: true, value: 'FILE', description: 'a flat {"field.path": "type"} map; repeatable' },
    sort: { type: 'boolean', description: 'sort the matching events in memory whatever the input size (for large unsorted input)' },
    stats: { type: 'boolean', description: 'print events read and skipped, matches per stage, time, events/s and peak memory' },
    strict: { type: 'boolean', description: 'extensions are errors, and the first bad input record stops the run' },
    threads: { type: 'string', value: 'N', description: 'worker threads that parse and filter NDJSON files (default: one per core for inputs of 32 MiB or more; 1: none)' },
  },
  run,
};

export function positiveInt(values: CommandContext['values'], name: string, min = 0): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs a whole number${min ? ` of at least ${min}` : ''}, not \`${String(v)}\``);
  return n;
}

/**
 * The query to run: inline text, or a .eql / detection-rule .toml file, or `-q -` for standard input (read as a
 * stream: the query may arrive slowly through a pipe).
 */
async function loadQuery(values: CommandContext['values'], positionals: string[], stdin: CliIo['stdin']): Promise<{ rule: RuleQuery; fileText?: string; data: string[] }> {
  const file = values['query-file'] as string | undefined;
  if (file === undefined) {
    const [text, ...data] = positionals;
    if (text === undefined) throw new UsageError('no query: give it as the first argument, or use -q FILE');
    return { rule: { query: text, origin: { file: '<query>', offset: 0 } }, fileText: text, data };
  }
  if (file === '-' && positionals.includes('-')) throw new UsageError('standard input cannot hold both the query (-q -) and the events (-)');
  if (file === '-' && positionals.length === 0) throw new UsageError('with the query on standard input (-q -), give the event data as files or globs');
  const read = file === '-' ? { text: await readAll(stdin) } : readTextFile(file);
  if ('problem' in read) throw new UsageError(`${read.problem.file}: ${read.problem.message}`);
  if (/\.toml$/i.test(file)) {
    const doc = readDetectionRuleToml(read.text, file);
    const problem = doc.problems[0];
    if (problem) throw new UsageError(`${file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
    if (!doc.queries[0]) throw new UsageError(`${file}: the rule's language is not EQL`);
    return { rule: doc.queries[0], fileText: read.text, data: positionals };
  }
  return { rule: { query: read.text, origin: { file, offset: 0 } }, fileText: read.text, data: positionals };
}

export function loadLayers(values: CommandContext['values'], config: ProjectConfig): SchemaLayer[] {
  const own = [...((values['mapping'] as string[] | undefined) ?? []), ...((values['schema'] as string[] | undefined) ?? [])];
  // Flags override the project configuration's mapping and schema files.
  const files = own.length ? own : [...(config.mappingFiles ?? []), ...(config.schemaFiles ?? [])];
  return files.map((f) => {
    try {
      return loadSchemaFile(f).layer;
    } catch (e) {
      if (e instanceof SchemaFileError) throw new UsageError(e.message);
      throw e;
    }
  });
}

async function run({ positionals, values, io }: CommandContext): Promise<number> {
  const format = (values['format'] as string | undefined) ?? (io.stdout.isTTY ? 'table' : 'ndjson');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not \`${format}\``);
  const position = values['result-position'] as string | undefined;
  if (position !== undefined && position !== 'head' && position !== 'tail') throw new UsageError('--result-position must be head or tail');
  const size = positiveInt(values, 'size');
  const maxSamplesPerKey = positiveInt(values, 'max-samples-per-key', 1);
  const threads = positiveInt(values, 'threads', 1);
  const { rule, fileText, data } = await loadQuery(values, positionals, io.stdin);
  const config = cliProjectConfig(values, typeof values['query-file'] === 'string' ? [values['query-file']] : [], io, 'query');
  if (data.length === 0) {
    if ((io.stdin as { isTTY?: boolean }).isTTY) throw new UsageError('no event data: give files or globs, or pipe events into standard input');
    data.push('-');
  }
  const layers = loadLayers(values, config);
  const strict = values['strict'] === true;
  const timestampField = (values['timestamp-field'] as string | undefined) ?? rule.timestampOverride ?? config.timestampField;
  const eventCategoryField = (values['event-category-field'] as string | undefined) ?? rule.eventCategoryOverride ?? config.eventCategoryField;
  const tiebreakerField = (values['tiebreaker-field'] as string | undefined) ?? rule.tiebreakerField ?? config.tiebreakerField;
  const errStyle = styleFor(io.stderr as { isTTY?: boolean });
  const warnings: string[] = [];
  const output = openResultOutput(format as Format, {
    out: io.stdout,
    columns: () => columnsFor(parsedForColumns(rule.query), { categoryField: eventCategoryField ?? 'event.category' }),
    style: styleFor(io.stdout),
    width: terminalWidth(io.stdout),
  });
  // Whole files that could not be read make the run an input error (exit 2); bad records are skipped and counted.
  let unreadable = 0;
  let badRecords = 0;
  let outcome;
  try {
    outcome = await executeQuery(rule.query, data, {
      timestampField,
      eventCategoryField,
      tiebreakerField,
      size,
      resultPosition: position as 'head' | 'tail' | undefined,
      maxSamplesPerKey,
      layers,
      strict,
      sortInMemory: values['sort'] === true,
      threads,
      workerScript: queryWorkerScript(),
      stdin: io.stdin,
      onInputError: (e) => {
        if (FILE_PROBLEMS.has(e.kind)) unreadable++;
        else badRecords++;
        io.stderr.write(`${formatInputError(e)}\n`);
      },
      onWarning: (w) => warnings.push(w.message),
      // Event results stream where the format allows: sorted input then runs in constant memory.
      ...(output.onEvent ? { onEvent: output.onEvent } : {}),
      check: runChecks({ strict, source: rule.query, eventCategoryField, timestampField, tiebreakerField }),
    });
  } catch (e) {
    if (e instanceof EvalInputError) {
      io.stderr.write(`eql query: ${e.message}\n`);
      return 2;
    }
    // Compiling or evaluating a query chained too deeply: the same plain answer the checker gives.
    if (isStackOverflow(e)) {
      io.stderr.write(renderDiagnostic(rule, fileText, tooLargeDiagnostic(), errStyle) + '\n');
      return 1;
    }
    throw e;
  }
  for (const d of outcome.diagnostics) if (d.severity === 'error' || d.severity === 'warning') io.stderr.write(renderDiagnostic(rule, fileText, d, errStyle) + '\n\n');
  if (!outcome.ok) return hasErrors(outcome.diagnostics) ? 1 : 2;
  for (const w of warnings) io.stderr.write(`eql query: warning: ${w}\n`);
  await output.finish(outcome.result, outcome.tookMs);
  if (values['stats']) io.stderr.write(formatStats(outcome.stats, outcome.tookMs, outcome.workers) + '\n');
  const read = outcome.stats.records;
  if (badRecords) io.stderr.write(`eql query: ${plural(badRecords, 'bad record')} skipped (see above); ${plural(read, 'record')} read\n`);
  else if (read === 0 && !unreadable) io.stderr.write(`eql query: warning: the input holds no events (${data.map((d) => (d === '-' ? 'standard input' : d)).join(', ')})\n`);
  return unreadable || (strict && badRecords) ? 2 : 0;
}

/** The bundled worker entry beside the command (absent when running from sources: then no worker threads). */
function queryWorkerScript(): URL | undefined {
  const url = new URL('./query-worker.cjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** The statement for choosing output columns (the query already parsed cleanly when results arrive). */
function parsedForColumns(text: string): Statement {
  return parse(text).ast!;
}

/** The table's width: the terminal's, or $COLUMNS when the output is not a terminal (`--format table | less`). */
function terminalWidth(out: CliIo['stdout']): number | undefined {
  const n = out.isTTY ? out.columns : Number(process.env['COLUMNS']);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}
