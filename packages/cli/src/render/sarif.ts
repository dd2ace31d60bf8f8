/**
 * SARIF 2.1.0 for code-scanning tools: one run, one rule per diagnostic code seen (id = the code, with its help
 * text), one result per diagnostic with the physical location in the file and, where the query is stored
 * verbatim in the file, the suggested fixes as replacements. Columns are UTF-16 code units, as in `locate`.
 */
import { relative, isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCatalog, checkCodeHelp, type Diagnostic, type RuleQuery, type Severity } from '@eqlkit/core';
import type { FileFailure } from '../inputs.js';
import { locate, locatedInFile } from './locate.js';

export interface SarifInput {
  readonly q: RuleQuery;
  readonly fileText: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const SYNTAX_HELP = 'The query is not valid Elasticsearch EQL syntax, or uses a form Elasticsearch rejects.';
const FILE_HELP: Readonly<Record<FileFailure['code'], string>> = {
  'eql/unreadable-file': 'The file could not be read (missing, a folder, no permission, or a pattern that matches nothing): its rules were not checked.',
  'eql/invalid-rule-file': 'The file could not be read as rules (broken TOML, no query, a malformed export line): its rules were not checked.',
};

/**
 * The SARIF log (a plain object to JSON.stringify). `cwd` makes artifact URIs relative. Files that could not be
 * read as rules (`failures`) are results at the file too, and tool execution notifications of an unsuccessful run.
 * Never throws.
 */
export function sarifLog(inputs: readonly SarifInput[], options: { cwd: string; version: string; failures?: readonly FileFailure[] }): Record<string, unknown> {
  const ruleIds: string[] = [];
  const ruleIndexOf = (code: string) => {
    const i = ruleIds.indexOf(code);
    return i < 0 ? ruleIds.push(code) - 1 : i;
  };
  const results = inputs.flatMap(({ q, fileText, diagnostics }) => diagnostics.map((d) => result(q, fileText, d, ruleIndexOf(d.code), options.cwd)));
  const failures = options.failures ?? [];
  const failureLocation = (f: FileFailure) => ({
    physicalLocation: {
      artifactLocation: { uri: artifactUri(f.file, options.cwd) },
      ...(f.line !== undefined ? { region: { startLine: f.line, ...(f.column !== undefined ? { startColumn: f.column } : {}) } } : {}),
    },
  });
  for (const f of failures) results.push({ ruleId: f.code, ruleIndex: ruleIndexOf(f.code), level: 'error', message: { text: f.message }, locations: [failureLocation(f)] });
  const notifications = failures.map((f) => ({ level: 'error', message: { text: `${f.file}: ${f.message}` }, locations: [failureLocation(f)], descriptor: { id: f.code } }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'eqlkit', semanticVersion: options.version, version: options.version, rules: ruleIds.map(rule) } },
        invocations: [{ executionSuccessful: failures.length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function rule(code: string): Record<string, unknown> {
  const key = code.replace(/^eql\//, '');
  const help = checkCodeHelp(code) ?? FILE_HELP[code as FileFailure['code']] ?? SYNTAX_HELP;
  const severity: Severity = Object.hasOwn(checkCatalog, key) ? checkCatalog[key as keyof typeof checkCatalog].severity : 'error';
  return {
    id: code,
    name: key.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: help },
    help: { text: help },
    defaultConfiguration: { level: level(severity) },
  };
}

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function result(q: RuleQuery, fileText: string | undefined, d: Diagnostic, ruleIndex: number, cwd: string): Record<string, unknown> {
  const uri = artifactUri(q.origin.file, cwd);
  const inFile = locatedInFile(q, fileText);
  const loc = locate(q, fileText, d.span);
  const region = inFile
    ? { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn }
    : q.origin.line !== undefined
      ? { startLine: q.origin.line }
      : undefined;
  // Outside the file's own coordinates (a line of an export), say where in the query the problem is.
  const where = inFile ? '' : ` (query line ${loc.line}, column ${loc.column})`;
  const out: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex,
    level: level(d.severity),
    message: { text: d.message + where },
    locations: [{ physicalLocation: { artifactLocation: { uri }, ...(region ? { region } : {}) } }],
  };
  if (q.ruleId) out['properties'] = { ruleId: q.ruleId };
  if (inFile && d.suggestions?.length) {
    out['fixes'] = d.suggestions
      .filter((s) => s.edits.length > 0)
      .map((s) => ({
        description: { text: s.message },
        artifactChanges: [
          {
            artifactLocation: { uri },
            replacements: s.edits.map((e) => {
              const r = locate(q, fileText, e.span);
              return { deletedRegion: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn }, insertedContent: { text: e.text } };
            }),
          },
        ],
      }));
  }
  return out;
}

/** A relative URI (forward slashes) for files under `cwd`, a file: URI otherwise; `stdin` for `-`. */
export function artifactUri(file: string, cwd: string): string {
  if (file === '-') return 'stdin';
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).map(encodeURIComponent).join('/');
  return pathToFileURL(abs).href;
}
