/**
 * Signature help inside a function call, also on broken text (`length(`, `between(process.name, "a"`): the
 * call around the cursor and the active parameter are found by a lexical scan, counting commas at the call's
 * own nesting level (not inside nested calls, parentheses, brackets or strings).
 */
import { lookupFunction } from '../functions/registry.js';
import { signatureText, type FunctionDef } from '../functions/types.js';
import type { SignatureHelp } from './api.js';
import { functionDoc, parameterDoc } from './function-docs.js';
import { lex, OpenBrackets, type LexToken } from './lexer.js';
import type { QueryFacts } from './query-facts.js';

interface Frame {
  /** The function name token before `(`, when this parenthesis opens a call. */
  readonly call?: LexToken;
  commas: number;
}

/** The help for the call around `offset` (a query offset), or undefined outside a call of a known function. Never throws. */
export function signatureHelp(facts: Pick<QueryFacts, 'text'>, offset: number): SignatureHelp | undefined {
  try {
    const call = enclosingCall(facts.text, offset);
    if (!call) return undefined;
    const name = call.name.text.endsWith('~') ? call.name.text.slice(0, -1) : call.name.text;
    const def = lookupFunction(name);
    return def ? helpFor(def, call.name.text.endsWith('~'), call.argument) : undefined;
  } catch {
    return undefined;
  }
}

/** The innermost function call whose argument list contains `offset`, and the 0-based argument there. */
export function enclosingCall(text: string, offset: number): { name: LexToken; argument: number } | undefined {
  const stack = new OpenBrackets<Frame>();
  let top: Frame | undefined;
  let prev: LexToken | undefined;
  for (const t of lex(text, 0, offset)) {
    if (t.span.end > offset) break; // a token the cursor is inside (a string) changes no nesting
    if (t.kind === 'punctuation') {
      if (t.text === '(' || t.text === '[' || t.text === '![') {
        top = { call: t.text === '(' && prev?.kind === 'word' ? prev : undefined, commas: 0 };
        stack.push(t.text === '(' ? '(' : '[', top);
      } else if (t.text === ')' || t.text === ']') {
        stack.popTo(t.text === ')' ? '(' : '[');
        top = stack.size ? stack.fromTop().next().value![1] : undefined;
      } else if (t.text === ',' && top) top.commas++;
      else if (t.text === '|') {
        stack.clear(); // a pipe is never inside a call
        top = undefined;
      }
    }
    if (t.kind !== 'comment') prev = t;
  }
  for (const [kind, f] of stack.fromTop()) {
    if (kind === '[') return undefined;
    if (f.call) return { name: f.call, argument: f.commas };
  }
  return undefined;
}

function helpFor(def: FunctionDef, caseInsensitive: boolean, argument: number): SignatureHelp {
  const label = signatureText(def, caseInsensitive);
  let from = label.indexOf('(') + 1;
  const parameters = def.params.map((p) => {
    const start = label.indexOf(p.name, from);
    from = start + p.name.length;
    return { label: p.name, documentation: parameterDoc(p), labelSpan: { start, end: from } };
  });
  const last = def.params.length - 1;
  const variadic = def.params[last]?.variadic === true;
  const activeParameter = variadic ? Math.min(argument, last) : argument;
  return { label, documentation: functionDoc(def, caseInsensitive), parameters, activeParameter };
}
