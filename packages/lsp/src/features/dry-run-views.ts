// What a dry run leaves in the editor: a code lens above each query ("Dry run on N sample events", then "M alerts")
// and, while the query is unchanged, an inlay hint after each stage with the events it matched.
import { InlayHintKind, type CodeLens, type InlayHint } from 'vscode-languageserver';
import type { OpenDocument } from '../documents.js';
import { positionAt, rangeOf } from '../positions.js';
import { DRY_RUN_COMMAND, type DryRunOutcome } from './dry-run.js';

const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The last run of a query, if the document still holds the query that ran. */
export function currentRun(doc: OpenDocument, runs: readonly DryRunOutcome[] | undefined, queryIndex: number): DryRunOutcome | undefined {
  const run = runs?.find((r) => r.queryIndex === queryIndex);
  return run && doc.eql.queries()[queryIndex]?.text === run.queryText ? run : undefined;
}

/** `sampleEvents`: how many events the configured samples hold (undefined: unknown yet or none configured). */
export function codeLenses(doc: OpenDocument, runs: readonly DryRunOutcome[] | undefined, sampleEvents: number | undefined): CodeLens[] {
  return doc.eql.queries().map((q, queryIndex) => {
    const run = currentRun(doc, runs, queryIndex);
    const start = positionAt(doc.text, q.span.start);
    const title = run
      ? `${plural(run.alerts, 'alert')} on ${plural(run.records, 'event')} · dry run again`
      : sampleEvents === undefined
        ? 'Dry run on sample events'
        : `Dry run on ${plural(sampleEvents, 'sample event')}`;
    return {
      range: { start, end: start },
      command: { title, command: DRY_RUN_COMMAND, arguments: [{ uri: doc.text.uri, query: queryIndex }] },
    };
  });
}

export function stageHints(doc: OpenDocument, runs: readonly DryRunOutcome[] | undefined): InlayHint[] {
  const hints: InlayHint[] = [];
  doc.eql.queries().forEach((_, queryIndex) => {
    const run = currentRun(doc, runs, queryIndex);
    if (!run) return;
    for (const s of run.stages) {
      const what = s.role === 'until' ? 'until: ' : s.role === 'stage' ? `stage ${s.index + 1}: ` : '';
      hints.push({
        position: rangeOf(doc.text, s.span).end,
        label: `${what}${plural(s.matched, 'event')} matched`,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
        tooltip: s.matched === 0 && s.role !== 'until' && !s.missing ? 'No sample event matched this stage: the rule cannot fire on these events.' : undefined,
      });
    }
  });
  return hints;
}
