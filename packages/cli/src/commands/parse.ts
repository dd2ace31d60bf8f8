import { parse, hasErrors } from '@eqlkit/core';
import type { Command } from '../command.js';
import { failureJson, loadQueries } from '../inputs.js';
import { renderDiagnostic } from '../render/diagnostic.js';
import { diagnosticJson } from '../render/diagnostic-json.js';
import { styleFor } from '../render/style.js';
import { summaryLine } from '../render/summary.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse queries and report syntax errors as Elasticsearch would (and more precisely)',
  usage: '[--json] <file|folder|glob|->...',
  details: [
    'Inputs: .eql files (one query), Elastic detection-rule .toml files (the [rule] query), and Kibana rule',
    'exports .ndjson/.jsonl (one rule per line; rules in other languages are skipped and counted). A folder',
    'stands for the .eql and .toml files below it (TOML files without a [rule] table are passed over).',
    'Positions are in the file for .eql and .toml files, and within the query for exports.',
    'Exit status: 0 when every query parses, 1 when some query has errors, 2 for usage or input errors.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'print one JSON object per query: {source, rule_id?, ok, diagnostics, ast?}' },
  },
  async run({ positionals, values, io }) {
    const loaded = await loadQueries(positionals, io, 'parse');
    const style = styleFor(io.stdout);
    let withErrors = 0;
    for (const { q, fileText } of loaded.queries) {
      const result = parse(q.query);
      const failed = hasErrors(result.diagnostics) || !result.ast;
      if (failed) withErrors++;
      if (values['json']) {
        const obj = {
          source: q.origin.file,
          ...(q.ruleId ? { rule_id: q.ruleId } : {}),
          ...(q.origin.line !== undefined ? { line: q.origin.line } : {}),
          ok: !failed,
          diagnostics: result.diagnostics.map((d) => diagnosticJson(q, fileText, d)),
          ...(result.ast ? { ast: result.ast } : {}),
        };
        io.stdout.write(JSON.stringify(obj) + '\n');
      } else {
        for (const d of result.diagnostics) io.stdout.write(renderDiagnostic(q, fileText, d, style) + '\n\n');
      }
    }
    if (values['json']) for (const f of loaded.failures) io.stdout.write(JSON.stringify(failureJson(f)) + '\n');
    const summary = summaryLine(loaded.queries.length, withErrors, loaded.skipped, '', loaded.failedFiles);
    (values['json'] ? io.stderr : io.stdout).write(summary + '\n');
    return loaded.inputErrors ? 2 : withErrors ? 1 : 0;
  },
};
