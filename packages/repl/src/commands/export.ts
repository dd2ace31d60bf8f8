/** `.export FILE`: the last results as NDJSON (`.ndjson`, `.jsonl`, `.json`) or CSV (`.csv`), written atomically. */
import { terminalSafe } from '@eqlkit/core';
import { writeFileAtomic } from '@eqlkit/core/io';
import { csvText, ndjsonLines, plural, resultCount } from '../render/report.js';
import { lastWord, splitArgs } from './args.js';
import { completePath } from './paths.js';
import type { MetaCommand } from './types.js';

export const exportCommand: MetaCommand = {
  name: 'export',
  args: 'FILE.ndjson|FILE.csv',
  summary: 'write the last results to a file: NDJSON or CSV, by the file\'s extension',
  complete: (arg, { cwd }) => completePath(lastWord(arg).word, cwd, (n) => /\.(ndjson|jsonl|json|csv)$/i.test(n)),
  async run(args, ctx) {
    const [file, ...extra] = splitArgs(args);
    if (!file || extra.length) {
      ctx.out.error('usage: .export FILE.ndjson|FILE.csv');
      return 'error';
    }
    const last = ctx.session.last;
    if (!last) {
      ctx.out.error('nothing to export yet: run a query first');
      return 'error';
    }
    let text: string;
    if (/\.csv$/i.test(file)) text = csvText(last.result, last, { settings: ctx.session.settings });
    else if (/\.(ndjson|jsonl|json)$/i.test(file)) {
      const lines = ndjsonLines(last.result);
      text = lines.length ? lines.join('\n') + '\n' : '';
    } else {
      ctx.out.error(`${terminalSafe(file)}: the extension says the format: .ndjson (or .jsonl, .json) or .csv`);
      return 'error';
    }
    const written = writeFileAtomic(file, text);
    if (!written.ok) {
      ctx.out.error(`${terminalSafe(file)}: ${written.message}`);
      return 'error';
    }
    ctx.out.print(`wrote ${resultCount(last.result)} to ${terminalSafe(file)} (${plural(Buffer.byteLength(text), 'byte')})`);
    return 'ok';
  },
};
