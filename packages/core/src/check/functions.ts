// Function calls, checked against the one function table (functions/): the name exists in Elasticsearch, the
// `~` variant exists, the number of arguments fits, each argument has the parameter's type, literal-only
// parameters get literals, and `cidrMatch` blocks are valid.
import type { Expr, FunctionCall } from '../ast/nodes.js';
import type { Suggestion } from '../diagnostics/diagnostic.js';
import { FUNCTIONS } from '../functions/definitions.js';
import { lookupFunction, NON_ES_FUNCTIONS, similarFunctions } from '../functions/registry.js';
import { arity, signatureText, type ArgType, type FunctionDef, type Param } from '../functions/types.js';
import type { CheckContext } from './context.js';
import { isFoldable } from './extensions.js';
import { checkCidrLiteral } from './literals.js';
import type { Visit } from './operators.js';
import { describeType, isNumeric, isOpen, isStringLike, type ValueType } from './value-types.js';

const WITH_VARIANT = FUNCTIONS.filter((f) => f.caseInsensitive).map((f) => `\`${f.name}~\``);

export function checkCall(call: FunctionCall, ctx: CheckContext, visit: Visit): ValueType {
  const types = call.args.map(visit);
  const def = lookupFunction(call.name);
  if (!def) {
    reportUnknown(call, ctx);
    return 'unknown';
  }
  if (call.caseInsensitive && !def.caseInsensitive) {
    ctx.report('no-case-insensitive-variant', call.nameSpan, { name: def.name, variants: listText(WITH_VARIANT) }, [
      { message: `call \`${call.name}\` (case-sensitive)`, edits: [{ span: call.nameSpan, text: call.name }] },
    ]);
  }
  const [min, max] = arity(def);
  if (call.args.length < min || call.args.length > max) {
    ctx.report('function-arity', call.span, { name: def.name, signature: signatureText(def, call.caseInsensitive), expected: expectedCount(min, max), found: call.args.length });
  }
  call.args.forEach((arg, i) => {
    const param = paramAt(def, i);
    if (param) checkArgument(call, def, param, arg, types[i], ctx);
  });
  return returnType(def, types);
}

function paramAt(def: FunctionDef, i: number): Param | undefined {
  if (i < def.params.length) return def.params[i];
  const last = def.params[def.params.length - 1];
  return last?.variadic ? last : undefined;
}

function checkArgument(call: FunctionCall, def: FunctionDef, param: Param, arg: Expr, t: ValueType, ctx: CheckContext): void {
  if (param.literal && !isFoldable(arg, ctx)) {
    ctx.report('literal-argument', arg.span, { name: def.name, param: param.name });
    return;
  }
  if (!accepts(param.type, t)) {
    const text = ctx.textOf(arg);
    const wrap: Suggestion[] =
      param.type === 'string' && text !== undefined && t !== 'string' ? [{ message: `convert it with \`string(${text})\``, edits: [{ span: arg.span, text: `string(${text})` }] }] : [];
    ctx.report('argument-type', arg.span, { name: def.name, param: param.name, expected: expectedType(param.type), what: `\`${ctx.short(arg)}\``, found: describeType(t) }, wrap);
    return;
  }
  if (def.name === 'cidrMatch' && param.variadic && arg.kind === 'string') checkCidrLiteral(arg, ctx);
}

function accepts(param: ArgType, t: ValueType): boolean {
  if (isOpen(t) || param === 'any') return true;
  switch (param) {
    case 'string':
      return isStringLike(t);
    case 'number':
      return isNumeric(t);
    case 'integer':
      return t === 'integer' || t === 'number';
    case 'boolean':
      return t === 'boolean';
    case 'ip':
      return t === 'ip';
  }
}

function expectedType(param: ArgType): string {
  switch (param) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'a boolean';
    case 'ip':
      return 'an IP address (a field mapped as `ip`)';
    case 'any':
      return 'a value';
  }
}

/** The arithmetic functions follow the operators: integer with integer stays integer. */
function returnType(def: FunctionDef, args: readonly ValueType[]): ValueType {
  if (def.returns !== 'number') return def.returns;
  if (def.params.length === 2 && def.params.every((p) => p.type === 'number')) {
    if (args.some((t) => t === 'float')) return 'float';
    if (args.length === 2 && args.every((t) => t === 'integer')) return 'integer';
  }
  return 'number';
}

function reportUnknown(call: FunctionCall, ctx: CheckContext): void {
  const hint = Object.hasOwn(NON_ES_FUNCTIONS, call.name.toLowerCase()) ? NON_ES_FUNCTIONS[call.name.toLowerCase()] : undefined;
  const candidates = hint ? [] : similarFunctions(call.name);
  const suggestions: Suggestion[] = candidates.map((c) => {
    const tilde = call.caseInsensitive && lookupFunction(c)?.caseInsensitive ? '~' : '';
    return { message: `did you mean \`${c}${tilde}\`?`, edits: [{ span: call.nameSpan, text: c + tilde }] };
  });
  ctx.report('unknown-function', call.nameSpan, { name: call.name + (call.caseInsensitive ? '~' : ''), hint, suggestion: candidates[0] }, suggestions);
}

function expectedCount(min: number, max: number): string {
  const n = (k: number) => `${k} argument${k === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${n(min)}`;
  if (min === max) return `exactly ${n(min)}`;
  return `${min} to ${max} arguments`;
}

function listText(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
