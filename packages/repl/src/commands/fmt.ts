import { format, parse, terminalSafe } from '@eqlkit/core';
import { renderDiagnostic } from '../render/diagnostic.js';
import { queryArg } from './query-arg.js';
import type { MetaCommand } from './types.js';

export const fmtCommand: MetaCommand = {
  name: 'fmt',
  args: '[QUERY]',
  summary: 'print the query in the standard layout (the last query when none is given)',
  async run(args, ctx) {
    const source = queryArg(args, ctx, 'fmt');
    if (!source) return 'error';
    const parsed = parse(source.text, { comments: true });
    if (!parsed.ast) {
      for (const d of parsed.diagnostics) ctx.out.error(renderDiagnostic(source, d, ctx.style));
      return 'error';
    }
    const text = format(parsed.ast, { comments: parsed.comments, width: Math.min(100, ctx.width) }).trimEnd();
    ctx.out.print(text.split('\n').map(terminalSafe).join('\n'));
    return 'ok';
  },
};
