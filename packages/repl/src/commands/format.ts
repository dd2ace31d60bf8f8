import { FORMATS, SETTINGS } from '../session/settings.js';
import type { MetaCommand } from './types.js';

export const formatCommand: MetaCommand = {
  name: 'format',
  args: FORMATS.join('|'),
  summary: 'show results as a table, NDJSON (one JSON per line), an _eql/search response body, or CSV',
  complete: (arg) => FORMATS.filter((f) => f.startsWith(arg.trim())),
  async run(args, ctx) {
    const value = args.trim();
    if (!value) {
      ctx.out.print(`format: ${ctx.session.settings.format}`);
      return 'ok';
    }
    try {
      SETTINGS['format'].set(ctx.session.settings, value);
    } catch (e) {
      ctx.out.error((e as Error).message);
      return 'error';
    }
    ctx.out.print(`format: ${ctx.session.settings.format}`);
    return 'ok';
  },
};
