import { terminalSafe } from '@eqlkit/core';
import { measureInputs } from '../session/inputs.js';
import { plural } from '../render/report.js';
import type { MetaCommand } from './types.js';

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`);

export const filesCommand: MetaCommand = {
  name: 'files',
  args: '',
  summary: 'list the loaded event files with their sizes',
  async run(_args, ctx) {
    const specs = ctx.session.data;
    if (specs.length === 0) {
      ctx.out.print('no event data loaded (use .load FILE|GLOB)');
      return 'ok';
    }
    const { files, problems } = await measureInputs(specs, ctx.cwd);
    const width = Math.max(...files.map((f) => size(f.size).length), 1);
    for (const f of files) ctx.out.print(`${size(f.size).padStart(width)}  ${terminalSafe(f.name)}${f.name !== f.spec ? ctx.style.dim(`  (${terminalSafe(f.spec)})`) : ''}`);
    for (const p of problems) ctx.out.error(terminalSafe(`${p.file}: ${p.message}`));
    ctx.out.print(ctx.style.dim(`${plural(files.length, 'file')}, ${size(files.reduce((a, f) => a + f.size, 0))}`));
    return problems.length ? 'error' : 'ok';
  },
};
