/**
 * The shape rules Elasticsearch's parser enforces on top of the grammar: stage counts, join-key counts,
 * missing-event stages, `until`, and pipe names and arguments. Each rule reports one diagnostic at the place to fix.
 */
import type { Expr, Pipe, SampleQuery, SequenceQuery, Span, Stage } from '../ast/nodes.js';
import { pipeLimit } from '../ast/pipe-limit.js';
import { syntaxDiagnostic } from '../diagnostics/catalog.js';
import { closestMatches } from '../text/edit-distance.js';
import { report } from './build-context.js';

/** Pipes Elasticsearch runs. */
export const ES_PIPES = ['head', 'tail'] as const;
/** The original EQL pipes, which Elasticsearch parses but refuses; eqlkit runs them as extensions. */
export const LEGACY_PIPES = ['count', 'filter', 'sort', 'unique', 'unique_count'] as const;

function spanOfKeys(keys: readonly Expr[], fallback: Span): Span {
  return keys.length ? { start: keys[0].span.start, end: keys[keys.length - 1].span.end } : fallback;
}

function checkKeyCounts(stages: readonly Stage[]): void {
  const expected = stages[0]?.by.length ?? 0;
  for (const s of stages.slice(1)) {
    if (s.by.length !== expected) report(syntaxDiagnostic('join-key-count', spanOfKeys(s.by, s.span), { expected, found: s.by.length }));
  }
}

export function checkSequence(seq: SequenceQuery): void {
  const count = seq.stages.reduce((n, s) => n + (s.runs?.count ?? 1), 0);
  if (count < 2) report(syntaxDiagnostic('sequence-too-short', seq.span, { count }));
  checkKeyCounts(seq.until ? [...seq.stages, seq.until] : seq.stages);
  const firstMissing = seq.stages.find((s) => s.missing);
  if (firstMissing && !seq.maxspan) report(syntaxDiagnostic('missing-needs-maxspan', firstMissing.span, {}));
  if (seq.stages.length && seq.stages.every((s) => s.missing)) report(syntaxDiagnostic('missing-needs-positive', seq.span, {}));
  if (seq.until?.missing) report(syntaxDiagnostic('until-missing', seq.until.span, {}));
  if (seq.until?.runs) report(syntaxDiagnostic('until-runs', seq.until.runs.span, {}));
}

export function checkSample(sample: SampleQuery): void {
  checkKeyCounts(sample.stages);
  for (const s of sample.stages) if (s.missing) report(syntaxDiagnostic('sample-missing', s.span, {}));
}

export function checkPipe(pipe: Pipe): void {
  if ((ES_PIPES as readonly string[]).includes(pipe.name)) {
    const arg = pipe.args[0];
    const valid = pipeLimit(pipe) !== undefined;
    if (!valid) {
      const found = pipe.args.length === 0 ? 'nothing' : pipe.args.length > 1 ? `${pipe.args.length} arguments` : 'a value that is not a non-negative integer';
      report(syntaxDiagnostic('pipe-argument', pipe.args.length === 1 ? arg.span : pipe.args.length ? pipe.span : pipe.nameSpan, { name: pipe.name, found }));
    }
    return;
  }
  if ((LEGACY_PIPES as readonly string[]).includes(pipe.name)) return;
  const [suggestion] = closestMatches(pipe.name, [...ES_PIPES, ...LEGACY_PIPES], 1);
  report(
    syntaxDiagnostic('unknown-pipe', pipe.nameSpan, { name: pipe.name, suggestion }, suggestion ? [{ message: `use \`${suggestion}\``, edits: [{ span: pipe.nameSpan, text: suggestion }] }] : []),
  );
}
