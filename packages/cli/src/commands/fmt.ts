import { format, hasErrors, isStackOverflow, parse, replaceExportQuery, tooLargeDiagnostic, type Diagnostic, type FormatOptions, type RuleQuery, type Statement } from '@eqlkit/core';
import { writeFileAtomic } from '@eqlkit/core/io';
import { UsageError, type Command } from '../command.js';
import { loadQueries, type LoadedQuery } from '../inputs.js';
import { renderDiagnostic } from '../render/diagnostic.js';
import { styleFor, type Style } from '../render/style.js';
import { plural } from '../render/summary.js';

export const fmtCommand: Command = {
  name: 'fmt',
  summary: 'format queries canonically (one stage per line, long lists wrapped, comments kept)',
  usage: '[--check | --write] <file|folder|glob|->...',
  details: [
    'Without --check or --write, prints each formatted file to standard output. In a detection-rule .toml file',
    'only the query changes; in a Kibana export (.ndjson) only the `query` of each EQL rule changes.',
    'With --write a file is replaced only once its new text is fully written (a temporary file beside it, then a',
    'rename), keeping its permissions and line endings; a file that cannot be written is reported and left as it was.',
    'Exit status: 0 ok, 1 when a query does not parse (or, with --check, a file is not formatted), 2 for usage',
    'errors, input files that cannot be read, or files that cannot be written.',
  ].join('\n'),
  options: {
    check: { type: 'boolean', description: 'only report the files that are not formatted (exit 1 if any)' },
    write: { type: 'boolean', description: 'rewrite the files in place' },
    width: { type: 'string', value: 'N', description: 'the line width to fit in (default 100)' },
  },
  async run({ positionals, values, io }) {
    if (values['check'] && values['write']) throw new UsageError('--check and --write cannot be combined');
    if (values['write'] && positionals.includes('-')) throw new UsageError('--write cannot rewrite standard input');
    const width = values['width'] === undefined ? 100 : Number(values['width']);
    if (!Number.isInteger(width) || width < 20) throw new UsageError('--width needs a whole number of at least 20');
    const loaded = await loadQueries(positionals, io, 'fmt');
    const style = styleFor(io.stderr as { isTTY?: boolean });
    let failed = 0;
    let unformatted = 0;
    let unwritten = 0;
    for (const file of loaded.files) {
      const queries = loaded.queries.filter((lq) => lq.q.origin.file === file.path);
      const result = formatFile(file.text, file.kind, queries, width, (lq, msg) => {
        io.stderr.write(msg(style) + '\n');
        void lq;
      });
      if (result.errors) {
        failed++;
        continue;
      }
      if (values['check']) {
        if (result.text !== file.text) {
          unformatted++;
          io.stdout.write(`${file.path}: not formatted\n`);
        }
      } else if (values['write']) {
        if (result.text !== file.text) {
          const written = writeFileAtomic(file.path, result.text);
          if (!written.ok) {
            unwritten++;
            io.stderr.write(`eql fmt: ${file.path}: ${written.message}\n`);
          }
        }
      } else io.stdout.write(result.text);
    }
    if (values['check'] && !unformatted && !failed) io.stdout.write(`${plural(loaded.files.length, 'file')} formatted\n`);
    return loaded.inputErrors || unwritten ? 2 : failed || unformatted ? 1 : 0;
  },
};

type Report = (lq: LoadedQuery, message: (style: Style) => string) => void;

/** Formats every query of a file and puts it back in place; returns the new file text. */
function formatFile(text: string, kind: string, queries: LoadedQuery[], width: number, report: Report): { text: string; errors: number } {
  let errors = 0;
  const formatted = new Map<RuleQuery, string>();
  for (const lq of queries) {
    const parsed = parse(lq.q.query, { comments: true });
    if (!parsed.ast || hasErrors(parsed.diagnostics)) {
      errors++;
      for (const d of parsed.diagnostics) report(lq, (style) => renderDiagnostic(lq.q, lq.fileText, d, style));
      continue;
    }
    const out = formatOrTooLarge(parsed.ast, { comments: parsed.comments, width });
    if (typeof out !== 'string') {
      errors++;
      report(lq, (style) => renderDiagnostic(lq.q, lq.fileText, out, style));
      continue;
    }
    formatted.set(lq.q, out);
  }
  if (errors) return { text, errors };
  // Formatted text uses \n; a file whose lines end in \r\n keeps them.
  const eol = lineEnding(text);
  const withEol = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));
  if (kind === 'eql') {
    const q = queries[0]?.q;
    return { text: q ? text.slice(0, q.origin.offset ?? 0) + withEol(formatted.get(q)!) : text, errors };
  }
  if (kind === 'toml') {
    const lq = queries[0];
    if (!lq) return { text, errors };
    const out = withEol(formatted.get(lq.q)!.trimEnd());
    if (lq.q.origin.offset === undefined || out.includes("'''")) {
      report(lq, () => `${lq.q.origin.file}: cannot rewrite this query in place: store it in a '''…''' string without ''' inside`);
      return { text, errors: 1 };
    }
    const at = lq.q.origin.offset;
    return { text: text.slice(0, at) + out + text.slice(at + lq.q.query.length), errors };
  }
  // A Kibana export: in the lines whose query changes, only the query's JSON string changes (numbers such as
  // `21.0`, large integers and escapes elsewhere in the line stay byte for byte).
  const lines = text.split('\n');
  for (const lq of queries) {
    const i = (lq.q.origin.line ?? 0) - 1;
    const out = formatted.get(lq.q)!.trimEnd();
    if (out === lq.q.query || i < 0) continue;
    const replaced = replaceExportQuery(lines[i], out);
    if (replaced === undefined) {
      report(lq, () => `${lq.q.origin.file}:${i + 1}: cannot find this rule's query in the line to rewrite it`);
      return { text, errors: errors + 1 };
    }
    lines[i] = replaced;
  }
  return { text: lines.join('\n'), errors };
}

/** The file's line ending, from its first line break (\n when it has none). */
function lineEnding(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** The formatted query, or the plain diagnostic for a query chained too deeply to print (the printer recurses). */
function formatOrTooLarge(ast: Statement, options: FormatOptions): string | Diagnostic {
  try {
    return format(ast, options);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return tooLargeDiagnostic(ast.span.start);
  }
}
