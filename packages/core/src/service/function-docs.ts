/**
 * A function's documentation as Markdown, from the one function table (functions/definitions.ts): shared by
 * hover and signature help, so both say the same thing.
 */
import { signatureText, type FunctionDef, type Param } from '../functions/types.js';

/** What `~` does for this function: whether it has a case-insensitive variant and which one was called. */
export function caseBehaviour(def: FunctionDef, caseInsensitive: boolean): string | undefined {
  if (!def.caseInsensitive) return caseInsensitive ? `\`${def.name}\` has no case-insensitive variant: \`~\` is an error here.` : undefined;
  return caseInsensitive
    ? `Case-insensitive (\`${def.name}~\`): letters are compared ignoring case.`
    : `Case-sensitive; \`${def.name}~(…)\` compares ignoring case.`;
}

/** One parameter, for signature help: its type, whether it is optional, repeats or must be a literal, and its doc. */
export function parameterDoc(p: Param): string {
  const traits = [p.type === 'any' ? 'any type' : p.type, p.optional ? 'optional' : '', p.variadic ? 'repeatable' : '', p.literal ? 'a literal' : ''].filter(Boolean);
  return `\`${p.name}\` (${traits.join(', ')}): ${p.doc}`;
}

/** The body of a function's documentation: summary, case behaviour, notes, examples (no signature line). */
export function functionDoc(def: FunctionDef, caseInsensitive: boolean): string {
  const parts: string[] = [def.summary];
  const cases = caseBehaviour(def, caseInsensitive);
  if (cases) parts.push(cases);
  if (def.notes?.length) parts.push(def.notes.map((n) => `- ${n}`).join('\n'));
  if (def.examples.length) parts.push(['Examples:', ...def.examples.map((e) => `- \`${e.call}\` → ${e.result}`)].join('\n'));
  return parts.join('\n\n');
}

/** The full Markdown for hover: signature (with its return type), documentation, parameters. */
export function functionMarkdown(def: FunctionDef, caseInsensitive: boolean): string {
  const signature = '```eql\n' + `${signatureText(def, caseInsensitive)} → ${def.returns}` + '\n```';
  const params = def.params.map((p) => `- ${parameterDoc(p)}`).join('\n');
  return [signature, functionDoc(def, caseInsensitive), params ? `Parameters:\n${params}` : ''].filter(Boolean).join('\n\n');
}
