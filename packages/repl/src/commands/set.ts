import { applySetting, SETTINGS, SettingError } from '../session/settings.js';
import { lastWord, splitArgs } from './args.js';
import type { MetaCommand } from './types.js';

export const setCommand: MetaCommand = {
  name: 'set',
  args: 'NAME VALUE',
  summary: 'change a setting (without arguments: list them)',
  details: Object.entries(SETTINGS).map(([name, s]) => `${name} ${s.value}: ${s.description}`),
  complete(arg, { session }) {
    const words = splitArgs(arg);
    const { word } = lastWord(arg);
    const naming = words.length === 0 || (words.length === 1 && word !== '');
    if (naming) return Object.keys(SETTINGS).filter((n) => n.startsWith(word));
    const spec = SETTINGS[words[0]];
    if (words[0] === 'fields') return (session.learnedFields() ?? []).filter((f) => f.startsWith(word.replace(/^.*,/, ''))).map((f) => word.replace(/[^,]*$/, '') + f);
    return (spec?.values ?? []).filter((v) => v.startsWith(word));
  },
  async run(args, ctx) {
    const trimmed = args.trim();
    const s = ctx.session.settings;
    if (!trimmed) {
      const width = Math.max(...Object.keys(SETTINGS).map((n) => n.length));
      for (const [name, spec] of Object.entries(SETTINGS)) ctx.out.print(`${name.padEnd(width)}  ${spec.show(s)}`);
      return 'ok';
    }
    const m = /^(\S+)\s*(.*)$/s.exec(trimmed)!;
    try {
      applySetting(s, m[1], m[2]);
    } catch (e) {
      if (e instanceof SettingError) {
        ctx.out.error(e.message);
        return 'error';
      }
      throw e;
    }
    const name = SETTINGS[m[1]] ? m[1] : m[1].replace(/_/g, '-');
    ctx.out.print(`${name}: ${SETTINGS[name].show(s)}`);
    return 'ok';
  },
};
