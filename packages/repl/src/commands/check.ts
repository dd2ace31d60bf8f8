import { renderDiagnostic } from '../render/diagnostic.js';
import { plural } from '../render/report.js';
import { queryArg } from './query-arg.js';
import type { MetaCommand } from './types.js';

export const checkCommand: MetaCommand = {
  name: 'check',
  args: '[QUERY]',
  summary: 'type-check a query against the current schema without running it: errors, warnings and fixes',
  async run(args, ctx) {
    const source = queryArg(args, ctx, 'check');
    if (!source) return 'error';
    const diagnostics = ctx.session.analysis(source.rule).diagnostics(source.text).filter((d) => d.severity !== 'hint');
    for (const d of diagnostics) (d.severity === 'error' ? ctx.out.error : ctx.out.print)(renderDiagnostic(source, d, ctx.style));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    ctx.out.print(errors || diagnostics.length ? ctx.style.dim(`${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`) : ctx.style.green('no problems'));
    return errors ? 'error' : 'ok';
  },
};
