import { checkText, hasErrors, SchemaChooser, type Diagnostic } from '@eqlkit/core';
import { loadBundledSchemas } from '@eqlkit/core/io';
import { UsageError, type Command } from '../command.js';
import { loadUserLayers } from '../check-schemas.js';
import { cliProjectConfig, CONFIG_OPTION } from '../project-config.js';
import { failureJson, loadQueries } from '../inputs.js';
import { renderDiagnostic } from '../render/diagnostic.js';
import { diagnosticJson } from '../render/diagnostic-json.js';
import { sarifLog, type SarifInput } from '../render/sarif.js';
import { styleFor } from '../render/style.js';
import { plural, summaryLine } from '../render/summary.js';

const VERSION = '0.1.0';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

export const checkCommand: Command = {
  name: 'check',
  summary: 'type-check queries against the fields of the indexes they search, with fixes',
  usage: '[--json | --sarif] [--index PATTERN]... [--schema FILE]... [--mapping FILE]... [--events FILE]... [--strict] <file|folder|glob|->...',
  details: [
    'Inputs: .eql files, Elastic detection-rule .toml files and Kibana rule exports (.ndjson/.jsonl); a folder',
    'stands for the .eql and .toml files below it.',
    'Schema: each rule is checked against the bundled field schemas of its own `index` (and `integration`)',
    'list, or of the --index patterns when given; --schema (flat {"field": "type"} maps), --mapping',
    '(Elasticsearch mappings) and --events (types inferred from sample events) are layered on top. With no',
    'index at all, those files alone are the schema; with nothing, ECS + Elastic Defend fields (unknown fields',
    'are then warnings).',
    'Extensions that Elasticsearch rejects (field-to-field comparisons, legacy pipes) are warnings; --strict',
    'makes them errors, so that --strict rejects exactly what Elasticsearch rejects.',
    'Exit status: 0 when no query has errors, 1 when some query has errors, 2 for usage or input errors.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'print one JSON object per query: {source, rule_id?, ok, diagnostics}' },
    sarif: { type: 'boolean', description: 'print a SARIF 2.1.0 log for code-scanning tools' },
    index: { type: 'string', multiple: true, value: 'PATTERN', description: 'check against these index patterns instead of each rule\'s own' },
    schema: { type: 'string', multiple: true, value: 'FILE', description: 'add a field map {"field": "type", …}' },
    mapping: { type: 'string', multiple: true, value: 'FILE', description: 'add an Elasticsearch mapping (GET index/_mapping output)' },
    events: { type: 'string', multiple: true, value: 'FILE', description: 'add the field types of sample events (NDJSON or a JSON array)' },
    strict: { type: 'boolean', description: 'reject exactly what Elasticsearch rejects (its extensions become errors)' },
    ...CONFIG_OPTION,
  },
  async run({ positionals, values, io }) {
    if (values['json'] && values['sarif']) throw new UsageError('--json and --sarif cannot be combined');
    const config = cliProjectConfig(values, positionals, io, 'check');
    const loaded = await loadQueries(positionals, io, 'check');
    // Flags override the project configuration: --schema/--mapping replace its schema and mapping files.
    const ownFiles = list(values['schema']).length + list(values['mapping']).length > 0;
    const user = await loadUserLayers({
      index: list(values['index']),
      schemaFiles: ownFiles ? list(values['schema']) : [...(config.schemaFiles ?? [])],
      mappingFiles: ownFiles ? list(values['mapping']) : [...(config.mappingFiles ?? [])],
      eventFiles: list(values['events']),
    });
    for (const p of user.problems) io.stderr.write(`eql check: ${p}\n`);
    if (user.problems.length) return 2;
    for (const n of user.notes) io.stderr.write(`eql check: note: ${n}\n`);
    const chooser = new SchemaChooser(loadBundledSchemas, list(values['index']), user.layers);
    const style = styleFor(io.stdout);
    const sarif: SarifInput[] = [];
    let withErrors = 0;
    let warnings = 0;
    for (const { q, fileText } of loaded.queries) {
      // A query without its own index list (a .eql file, a rule without `index`) takes the configured one.
      const schemas = chooser.for(q.index?.length ? q : { ...q, index: config.indexes ?? [] });
      const diagnostics: readonly Diagnostic[] = checkText(q.query, {
        schema: schemas.schema,
        targets: schemas.targets,
        patterns: schemas.patterns,
        datasetSchema: schemas.datasetSchema,
        eventCategoryField: q.eventCategoryOverride ?? config.eventCategoryField,
        timestampField: q.timestampOverride ?? config.timestampField,
        tiebreakerField: q.tiebreakerField ?? config.tiebreakerField,
        strict: values['strict'] === true,
      }).diagnostics;
      const failed = hasErrors(diagnostics);
      if (failed) withErrors++;
      warnings += diagnostics.filter((d) => d.severity === 'warning').length;
      if (values['sarif']) sarif.push({ q, fileText, diagnostics });
      else if (values['json']) {
        const obj = {
          source: q.origin.file,
          ...(q.ruleId ? { rule_id: q.ruleId } : {}),
          ...(q.origin.line !== undefined ? { line: q.origin.line } : {}),
          ok: !failed,
          diagnostics: diagnostics.map((d) => diagnosticJson(q, fileText, d)),
        };
        io.stdout.write(JSON.stringify(obj) + '\n');
      } else {
        for (const d of diagnostics) io.stdout.write(renderDiagnostic(q, fileText, d, style) + '\n\n');
      }
    }
    // Files that could not be read as rules are reported too: a report that leaves them out reads as all clean.
    if (values['json']) for (const f of loaded.failures) io.stdout.write(JSON.stringify(failureJson(f)) + '\n');
    if (values['sarif']) io.stdout.write(JSON.stringify(sarifLog(sarif, { cwd: process.cwd(), version: VERSION, failures: loaded.failures }), null, 2) + '\n');
    const summary = summaryLine(loaded.queries.length, withErrors, loaded.skipped, `, ${plural(warnings, 'warning')}`, loaded.failedFiles);
    (values['json'] || values['sarif'] ? io.stderr : io.stdout).write(summary + '\n');
    return loaded.inputErrors ? 2 : withErrors ? 1 : 0;
  },
};
