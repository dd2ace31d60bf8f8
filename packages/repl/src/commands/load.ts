/**
 * `.load FILE|GLOB…`: event files join the loaded data; a query file `.eql` runs its query; a detection rule
 * `.toml` runs its query with the rule's own indexes and field settings.
 */
import { LineIndex, readDetectionRuleToml, terminalSafe } from '@eqlkit/core';
import { formatInputError, readTextFile } from '@eqlkit/core/io';
import { measureInputs } from '../session/inputs.js';
import { plural } from '../render/report.js';
import { lastWord, splitArgs } from './args.js';
import { completePath } from './paths.js';
import type { CommandContext, CommandStatus, MetaCommand } from './types.js';

const QUERY_FILE = /\.(eql|toml)$/i;
const mib = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`);

export const loadCommand: MetaCommand = {
  name: 'load',
  args: 'FILE|GLOB…',
  summary: 'load event files (NDJSON or JSON arrays, .gz too), or run a query file (.eql) or detection rule (.toml)',
  details: ['Event files join the loaded data: every query runs over all of it (see .files).', 'A rule .toml runs with its own index (which schemas check it) and its timestamp, tiebreaker and category settings.'],
  complete: (arg, { cwd }) => completePath(lastWord(arg).word, cwd, (name) => /\.(ndjson|jsonl|json|gz|eql|toml)$/i.test(name)),
  async run(args, ctx) {
    const specs = splitArgs(args);
    if (specs.length === 0) {
      ctx.out.error('usage: .load FILE|GLOB…');
      return 'error';
    }
    let status: CommandStatus = 'ok';
    const data = specs.filter((s) => !QUERY_FILE.test(s));
    if (data.length) status = await loadData(data, ctx);
    for (const file of specs.filter((s) => QUERY_FILE.test(s))) if ((await runQueryFile(file, ctx)) === 'error') status = 'error';
    return status;
  },
};

async function loadData(specs: string[], ctx: CommandContext): Promise<CommandStatus> {
  const measured = await measureInputs(specs, ctx.cwd);
  for (const p of measured.problems) ctx.out.error(terminalSafe(`${p.file}: ${p.message}`));
  const good = specs.filter((s) => !measured.problems.some((p) => p.spec === s));
  if (good.length === 0) return 'error';
  ctx.session.addData(good);
  const problems: string[] = [];
  await ctx.session.learnData((e) => problems.push(formatInputError(e)));
  for (const p of problems.slice(0, 5)) ctx.out.error(terminalSafe(p));
  const files = measured.files.filter((f) => good.includes(f.spec));
  const fields = ctx.session.learnedFields()?.length ?? 0;
  ctx.out.print(`loaded ${plural(files.length, 'file')} (${mib(files.reduce((a, f) => a + f.size, 0))}); ${plural(ctx.session.data.length, 'input')} in all, ${plural(fields, 'field')} known (see .fields)`);
  return measured.problems.length ? 'error' : 'ok';
}

async function runQueryFile(file: string, ctx: CommandContext): Promise<CommandStatus> {
  const read = readTextFile(file);
  if ('problem' in read) {
    ctx.out.error(terminalSafe(`${read.problem.file}: ${read.problem.message}`));
    return 'error';
  }
  if (/\.eql$/i.test(file)) {
    const report = await ctx.session.run({ text: read.text, label: file, line: 1 }, ctx);
    ctx.out.report(report);
    return report.kind === 'done' || report.kind === 'cancelled' ? 'ok' : 'error';
  }
  const doc = readDetectionRuleToml(read.text, file);
  const problem = doc.problems[0];
  if (problem) {
    ctx.out.error(terminalSafe(`${file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`));
    return 'error';
  }
  const rule = doc.queries[0];
  if (!rule) {
    ctx.out.error(`${file}: the rule's language is not EQL`);
    return 'error';
  }
  const line = rule.origin.offset !== undefined ? new LineIndex(read.text).positionAt(rule.origin.offset).line + 1 : 1;
  ctx.out.print(ctx.style.dim(`rule ${terminalSafe(rule.name ?? rule.ruleId ?? file)}${rule.index?.length ? ` (index ${terminalSafe(rule.index.join(', '))})` : ''}`));
  const report = await ctx.session.run({ text: rule.query, label: file, line, rule }, ctx);
  ctx.out.report(report);
  return report.kind === 'done' || report.kind === 'cancelled' ? 'ok' : 'error';
}
