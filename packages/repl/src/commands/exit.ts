import type { MetaCommand } from './types.js';

export const exitCommand: MetaCommand = {
  name: 'exit',
  args: '',
  summary: 'leave the REPL (Ctrl-D does too)',
  async run(_args, ctx) {
    ctx.exit();
    return 'ok';
  },
};
