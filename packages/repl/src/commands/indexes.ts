import { terminalSafe } from '@eqlkit/core';
import { lastWord } from './args.js';
import type { MetaCommand } from './types.js';

const COMMON = ['logs-endpoint.events.*', 'logs-endpoint.events.process-*', 'logs-endpoint.events.network-*', 'logs-endpoint.events.file-*', 'logs-windows.*', 'winlogbeat-*', 'logs-system.*', 'auditbeat-*', 'filebeat-*', 'packetbeat-*', 'endgame-*', 'default'];

export const indexesCommand: MetaCommand = {
  name: 'indexes',
  args: '[PATTERN…|default]',
  summary: 'which index patterns\' schemas check the queries (without arguments: show them)',
  details: [
    'default: no patterns; the schema is then the loaded data\'s fields (and any --schema/--mapping files), or ECS + Elastic Defend when there are none.',
    'A rule .toml loaded with .load is checked against its own index.',
  ],
  complete: (arg) => COMMON.filter((p) => p.startsWith(lastWord(arg).word)),
  async run(args, ctx) {
    const words = args.split(/[\s,]+/).filter(Boolean);
    if (words.length) ctx.session.setIndexes(words.length === 1 && words[0] === 'default' ? [] : words);
    const list = ctx.session.indexes;
    ctx.out.print(list.length ? `indexes: ${terminalSafe(list.join(', '))}` : 'indexes: default');
    const notes = ctx.session.schemaNotes();
    ctx.out.print(ctx.style.dim(`checked against: ${terminalSafe(notes.layers.join(', ') || '(no schema)')}`));
    for (const n of notes.notes) ctx.out.print(ctx.style.dim(terminalSafe(n)));
    return 'ok';
  },
};
