/**
 * `.stages QUERY`: runs a sequence or sample and shows how many events matched each stage, to see why it did or
 * did not fire. When every stage matched something but no sequence completed, the stages are tried in growing
 * prefixes to find the first one that no partial sequence reaches (join keys, order or maxspan do not line up).
 */
import { terminalSafe, truncateToWidth, type SequenceQuery } from '@eqlkit/core';
import { plural, resultCount, seconds } from '../render/report.js';
import type { QueryReport } from '../session/session.js';
import { runQueryArg } from './query-arg.js';
import type { CommandContext, MetaCommand } from './types.js';

type Done = Extract<QueryReport, { kind: 'done' }>;

export const stagesCommand: MetaCommand = {
  name: 'stages',
  args: '[QUERY]',
  summary: 'per-stage match counts of a sequence or sample: why it did or did not fire (the last query when none is given)',
  async run(args, ctx) {
    const report = await runQueryArg(args, ctx, 'stages');
    if (typeof report === 'string') return report;
    const source = report.source;
    const q = report.compiled.ast.query;
    const counts = report.stages.filter((c) => c.role !== 'until').map((c) => c.matched);
    if (q.kind === 'event') {
      ctx.out.print(`an event query has one stage: ${plural(counts[0] ?? 0, 'event')} matched its condition (${resultCount(report.result)} after the pipes)`);
      return 'ok';
    }
    const labelWidth = Math.max(20, ctx.width - 24);
    const squeeze = (s: string) => terminalSafe(s.replace(/\s+/g, ' ').trim());
    q.stages.forEach((stage, i) => {
      const n = counts[i] ?? 0;
      const text = truncateToWidth(squeeze(source.text.slice(stage.span.start, stage.span.end)), labelWidth);
      const count = n === 0 ? ctx.style.red(plural(n, 'event').padStart(12)) : plural(n, 'event').padStart(12);
      ctx.out.print(`${ctx.style.bold(`stage ${i + 1}`)}${stage.missing ? ' (missing)' : ''}  ${count}  ${ctx.style.dim(text)}`);
    });
    const until = report.stages.find((c) => c.role === 'until')?.matched;
    if (q.kind === 'sequence' && q.until && until !== undefined) ctx.out.print(`${ctx.style.bold('until')}    ${plural(until, 'event').padStart(12)}  ${ctx.style.dim(truncateToWidth(squeeze(source.text.slice(q.until.span.start, q.until.span.end)), labelWidth))}`);
    ctx.out.print(`${ctx.style.bold(resultCount(report.result))} in ${seconds(report.tookMs)}`);
    const results = report.result.kind === 'counts' ? report.result.rows.length : report.result.kind === 'events' ? report.result.hits.length : report.result.sequences.length;
    if (results > 0) return 'ok';
    const empty = q.stages.findIndex((s, i) => !s.missing && (counts[i] ?? 0) === 0);
    if (empty >= 0) {
      ctx.out.print(`stage ${empty + 1} matched no event, so no ${q.kind} can complete: its condition is the one to look at`);
      return 'ok';
    }
    if (q.kind === 'sequence') await explainJoin(q, source.text, report, ctx);
    else ctx.out.print('every stage matched events, but no join key value is shared by all of them');
    return 'ok';
  },
};

/** Runs growing prefixes of the sequence to find the first stage that no partial sequence reaches. */
async function explainJoin(q: SequenceQuery, text: string, report: Done, ctx: CommandContext): Promise<void> {
  const head = text.slice(q.span.start, q.stages[0].span.start);
  const within = q.maxspan ? ' within the maxspan' : '';
  const last = q.stages.length;
  let partials = 0;
  for (let k = 2; k < last; k++) {
    if (q.stages.slice(0, k).some((s) => s.missing)) break;
    const prefix = `${head}${q.stages
      .slice(0, k)
      .map((s) => text.slice(s.span.start, s.span.end))
      .join('\n')}`;
    const r = await ctx.session.run({ ...report.source, text: prefix }, { ...ctx, remember: false });
    if (r.kind !== 'done' || r.result.kind !== 'sequences') return;
    partials = r.result.sequences.length;
    ctx.out.print(`stages 1–${k} alone: ${plural(partials, 'sequence')}`);
    if (partials === 0) {
      ctx.out.print(`no event of stage ${k} follows a partial sequence of stages 1–${k - 1} with the same join keys${within}: compare their join key values and timestamps`);
      return;
    }
  }
  const until = q.until ? ', or `until` ended the partial sequences first' : '';
  if (partials > 0) ctx.out.print(`no event of stage ${last} follows one of those partial sequences with the same join keys${within}${until}: compare their join key values and timestamps`);
  else ctx.out.print(`every stage matched events, but not in order with equal join keys${within}${until}`);
}
