// Functions from the one function table, with snippet arguments (`length(${1:source})`), and their `~` variants.
import { FUNCTIONS } from '../../functions/definitions.js';
import { signatureText, type FunctionDef } from '../../functions/types.js';
import type { CompletionItem } from '../api.js';
import { functionMarkdown } from '../function-docs.js';
import { EXPECT } from '../grammar-expectations.js';
import { item, type Provider } from './item.js';

/** `name(${1:a}, ${2:b})`: required parameters as placeholders; optional and repeated ones are left to the author. */
function snippet(def: FunctionDef, name: string): string {
  const required = def.params.filter((p) => !p.optional);
  const args = required.map((p, i) => `\${${i + 1}:${p.name.replace(/[$}\\]/g, '')}}`);
  return `${name}(${args.join(', ')})${args.length ? '' : '$0'}`;
}

function functionItem(def: FunctionDef, caseInsensitive: boolean): CompletionItem {
  const name = caseInsensitive ? `${def.name}~` : def.name;
  return item('function', name, caseInsensitive ? 1 : 0, {
    detail: `${signatureText(def, caseInsensitive)} → ${def.returns}`,
    documentation: functionMarkdown(def, caseInsensitive),
    insertText: snippet(def, name),
    snippet: true,
  });
}

export const functionItems: Provider = (_q, ctx) => {
  if (ctx.kind !== 'code' || ctx.fieldPrefix !== undefined || ctx.optionalField || !ctx.expected?.descriptions.has(EXPECT.function)) return [];
  return FUNCTIONS.flatMap((def) => (def.caseInsensitive ? [functionItem(def, false), functionItem(def, true)] : [functionItem(def, false)]));
};
