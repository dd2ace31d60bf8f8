/**
 * `eql repl`: the interactive REPL (packages/repl), with the data and field options of `eql query`. The REPL is an
 * ES module bundle of its own (Ink and yoga-layout use top-level await, which a CommonJS bundle cannot hold), loaded
 * on demand so the other commands never pay for it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError, type Command, type CommandContext } from '../command.js';
import { loadLayers, positiveInt, queryCommand } from './query.js';
import { cliProjectConfig, CONFIG_OPTION } from '../project-config.js';

/** The options of `eql query` that say what the data is and how to read it. */
const SHARED = ['format', 'size', 'result-position', 'timestamp-field', 'tiebreaker-field', 'event-category-field', 'max-samples-per-key', 'mapping', 'schema', 'strict', 'threads'] as const;

export const replCommand: Command = {
  name: 'repl',
  summary: 'explore event files interactively: live errors, completion, history, result tables, per-stage counts',
  usage: '[options] [DATA...]',
  details: [
    'DATA: NDJSON or JSON-array files (optionally .gz) or globs; more can be loaded with .load. Type .help inside.',
    'When standard input is not a terminal, each line is a query or a meta-command (piped mode): results go to',
    'standard output (default format: table), errors with their location to standard error.',
    'Exit status: 0 when everything ran, 1 when a query or command had errors, 2 for usage or unreadable input.',
    'History is kept in $XDG_STATE_HOME/eqlkit/repl_history (default ~/.local/state/eqlkit/repl_history).',
  ].join('\n'),
  options: {
    ...Object.fromEntries(SHARED.map((name) => [name, queryCommand.options[name]])),
    ...CONFIG_OPTION,
    format: { type: 'string', value: 'FORMAT', description: 'table | ndjson | es | csv (default table; .format changes it)' },
    index: { type: 'string', multiple: true, value: 'PATTERN', description: 'check queries against the schemas of these index patterns (default: the loaded data\'s fields); repeatable' },
  },
  run,
};

const FORMATS = ['table', 'ndjson', 'es', 'csv'];

async function run({ positionals, values, io }: CommandContext): Promise<number> {
  const format = (values['format'] as string | undefined) ?? 'table';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not \`${format}\``);
  const position = values['result-position'] as string | undefined;
  if (position !== undefined && position !== 'head' && position !== 'tail') throw new UsageError('--result-position must be head or tail');
  // The project configuration (.eqlkit.json above the first data file, or --config): flags override it, and a
  // rule's own settings override its field settings.
  const config = cliProjectConfig(values, positionals, io, 'repl');
  // Ink renders only a final frame when the environment says CI (is-in-ci, read once when Ink loads). A person at a
  // terminal — stdin and stdout both TTYs — is interactive whatever CI says (a CI job's debug shell, a test in tmux).
  if ((io.stdin as { isTTY?: boolean }).isTTY && (io.stdout as { isTTY?: boolean }).isTTY) {
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
  }
  const repl = await loadRepl();
  return repl.startRepl({
    data: positionals,
    layers: loadLayers(values, config),
    indexes: (values['index'] as string[] | undefined) ?? config.indexes ?? [],
    fieldDefaults: { timestampField: config.timestampField, tiebreakerField: config.tiebreakerField, eventCategoryField: config.eventCategoryField },
    settings: {
      format: format as 'table',
      size: positiveInt(values, 'size', 0),
      ...(position ? { resultPosition: position as 'head' | 'tail' } : {}),
      maxSamplesPerKey: positiveInt(values, 'max-samples-per-key', 1) ?? 1,
      timestampField: values['timestamp-field'] as string | undefined,
      tiebreakerField: values['tiebreaker-field'] as string | undefined,
      eventCategoryField: values['event-category-field'] as string | undefined,
      strict: values['strict'] === true,
    },
    threads: positiveInt(values, 'threads', 1),
    workerScript: queryWorkerScript(),
    cwd: process.cwd(),
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
  });
}

type ReplModule = typeof import('@eqlkit/repl');

/** The bundled REPL beside the command's bundle, or its sources when running unbundled (tests). */
async function loadRepl(): Promise<ReplModule> {
  const bundled = new URL('../../repl/dist/repl.mjs', import.meta.url);
  if (bundled.protocol === 'file:' && /\/cli\/dist\/[^/]*$/.test(import.meta.url) && existsSync(fileURLToPath(bundled))) {
    // The bin shim runs the bundle through vm.Script, where import() needs a loader: the shim lends its own.
    const importer = (globalThis as Record<symbol, unknown>)[Symbol.for('eqlkit.import')] as ((u: string) => Promise<unknown>) | undefined;
    return (await (importer ? importer(pathToFileURL(fileURLToPath(bundled)).href) : import(bundled.href))) as ReplModule;
  }
  return import('@eqlkit/repl');
}

/** The bundled worker entry beside the command (absent when running from sources). */
function queryWorkerScript(): URL | undefined {
  const url = new URL('./query-worker.cjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}
