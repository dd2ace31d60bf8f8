/**
 * Generates a recursive-descent PEG parser from an Ohm grammar object, so that grammar/eql.ohm stays the only
 * description of the syntax while parsing avoids Ohm's per-expression costs (memo tables, bindings, wrappers).
 *
 * Input: the compiled Ohm grammar (`grammar.rules[name].body` pexprs, built-in rules included).
 * Output: an ES module exporting `createParser(Node)`, whose `match(text)` returns the same CST as Ohm's
 * `grammar.match(text)` (same nodes, `ctorName`s and spans) built from `Node`s, or null where Ohm fails.
 *
 * Invariants, each mirroring Ohm:
 * - PEG semantics: ordered choice, greedy iteration, `~`/`&` look-aheads that consume nothing (`&` keeps its
 *   bindings). Parameterised rules (`ListOf<Expression, ",">`) are specialised per argument list.
 * - In a syntactic rule, spaces (the grammar's `space` rule, comments included) are skipped before each
 *   terminal, range and application, and around the start rule; never inside a lexical rule.
 * - A node starts after the spaces skipped before it; an iteration spans its first to its last match.
 * - No memo table: every rule is re-run when a choice backtracks over it. That is linear for this grammar
 *   because no two alternatives re-parse the same nested expression (each is told apart within a token or
 *   two; generate.test.ts measures it on nested inputs); left recursion, which would need the memo table, is
 *   rejected here (left-recursion.ts). Only space skipping is cached, for one position.
 * - Laziness: a lexical rule applied from a syntactic one is recognised without building anything and
 *   becomes a node whose children are parsed again only if an action asks for them; the same holds for an
 *   iteration inside such a rule. Lexical rules do not skip spaces, so this gives exactly Ohm's children.
 * - Shortcuts that cannot change the outcome (emit-choice.ts): first-character guards on alternatives,
 *   one test for runs of one-character alternatives, a switch on the first character of keyword lists.
 *
 * Worked example: `JoinKeys = byKw NonemptyListOf<Expression, ",">` becomes
 *
 *     function b_JoinKeys() {                       // builds a syntactic rule: a node, or null
 *       const start = pos;
 *       let v0, v1;                                 // one variable per CST child
 *       if (pos !== skipTo) skip();                 // spaces before a token, unless just skipped
 *       const s0 = pos;
 *       if (!m_byKw()) return null;                 // recognise the lexical rule…
 *       v0 = new Node("byKw", input, s0, pos, E_byKw);   // …whose children E_byKw builds on demand
 *       if (pos !== skipTo) skip();
 *       if ((v1 = b_NonemptyListOf$40()) === null) return null;
 *       return new Node("JoinKeys", input, start, pos, [v0, v1]);
 *     }
 *
 * where `b_NonemptyListOf$40` is `elem (sep elem)*` with `Expression` and `","` substituted, building two
 * `_iter` nodes (the separators and the items, column by column) like Ohm does; `m_` functions only
 * recognise, `e_`/`E_` and `x`/`X` build the children of lazy tokens and of lazy iterations inside them.
 */
import type { Grammar } from 'ohm-js';
import { FunctionWriter, type Ctx, type FunctionTable } from './emit-expr.js';
import { emitExpansion } from './emit-expansion.js';
import { arity, isSyntactic, keyOf, nullable, ruleOf, substitute, type Expr } from './ir.js';
import { assertNoLeftRecursion } from './left-recursion.js';
import { declarations, epilogue, prelude } from './module-template.js';

export interface GeneratedParser {
  /** The ES module (plain JavaScript). */
  readonly module: string;
  /** Its TypeScript declarations. */
  readonly declarations: string;
  /** Just the `function createParser(Node) {…}` declaration, to load with `new Function` (tests). */
  readonly factory: string;
}

interface Target {
  readonly ruleName: string;
  readonly syntactic: boolean;
  readonly body: Expr;
  readonly display: string;
  /** The identifier part of its functions' names: the rule name, plus `$n` for a specialisation. */
  readonly id: string;
}

type Apply = Expr & { kind: 'apply' };

const slotsFor = (n: number): string[] => Array.from({ length: n }, (_, i) => `v${i}`);

class ParserEmitter implements FunctionTable {
  readonly targets = new Map<string, Target>();
  /** Function name → code, in the order first asked for (so the output is deterministic). */
  readonly functions = new Map<string, string>();
  private readonly todo: (() => void)[] = [];
  private iterations = 0;
  readonly constants = new Map<string, string>();
  private readonly nullables = new Map<string, boolean>();

  constructor(private readonly grammar: Grammar) {}

  target(apply: Apply): Target {
    const key = keyOf(apply);
    let t = this.targets.get(key);
    if (!t) {
      const rule = ruleOf(this.grammar, apply.rule);
      if (rule.formals.length !== apply.args.length) throw new Error(`codegen: ${key} has ${apply.args.length} arguments, expected ${rule.formals.length}`);
      if (apply.rule === 'applySyntactic') throw new Error('codegen: applySyntactic is not supported');
      const id = apply.args.length ? `${apply.rule}$${this.targets.size}` : apply.rule;
      t = { ruleName: apply.rule, syntactic: isSyntactic(apply.rule), body: substitute(rule.body, apply.args), display: apply.args.length ? key : `${apply.rule} = ${rule.display}`, id };
      this.targets.set(key, t);
    }
    return t;
  }

  body(apply: Apply): { key: string; body: Expr; syntactic: boolean } {
    const t = this.target(apply);
    return { key: keyOf(apply), body: t.body, syntactic: t.syntactic };
  }

  /** Whether a target can match the empty string (a cycle counts as not: that is left recursion, rejected later). */
  nullable(apply: Apply): boolean {
    const key = keyOf(apply);
    let known = this.nullables.get(key);
    if (known === undefined) {
      this.nullables.set(key, false);
      known = nullable(this.target(apply).body, (a) => this.nullable(a));
      this.nullables.set(key, known);
    }
    return known;
  }

  fn(kind: 'b' | 'm' | 'E' | 'root', apply: Apply): string {
    const t = this.target(apply);
    const name = `${kind}_${t.id}`;
    if (!this.functions.has(name)) {
      this.functions.set(name, '');
      this.todo.push(() => this.functions.set(name, this.ruleFunction(kind, name, t)));
    }
    return name;
  }

  constant(code: string): string {
    let name = this.constants.get(code);
    if (!name) this.constants.set(code, (name = `K${this.constants.size}`));
    return name;
  }

  iteration(iter: Expr & { kind: 'iter' }, ctx: Ctx): readonly string[] {
    const n = this.iterations++;
    const name = `x${n}`;
    const columns = slotsFor(arity(iter.expr));
    const wrappers = columns.map((_, i) => `X${n}_${i}`);
    this.functions.set(name, '');
    this.todo.push(() => {
      const w = new FunctionWriter(this);
      w.put(1, `let ${columns.join(', ')};`);
      w.iterNodes(iter, ctx, columns, 'throw mismatch();', 1);
      w.put(1, `return [${columns.join(', ')}][column].children;`);
      const wrapperCode = wrappers.map((x, i) => `function ${x}(src, start) {\n  return expand(${name}, src, start, ${i});\n}\n`).join('');
      this.functions.set(name, `// the children of an iteration in a lexical rule\nfunction ${name}(column) {\n${w.lines.join('\n')}\n}\n${wrapperCode}`);
    });
    return wrappers;
  }

  /** Emits everything asked for, including what the emitted code asks for in turn. */
  drain(): void {
    for (let job = this.todo.shift(); job; job = this.todo.shift()) job();
  }

  private ruleFunction(kind: 'b' | 'm' | 'E' | 'root', name: string, t: Target): string {
    const w = new FunctionWriter(this);
    const slots = slotsFor(arity(t.body));
    const declare = () => slots.length && w.put(1, `let ${slots.join(', ')};`);
    const doc = `// ${t.display.replace(/\n/g, ' ')}`;
    if (kind === 'm') {
      w.expr(t.body, { build: false, syntactic: t.syntactic, lazyIters: false }, [], 'return false;', 1);
      w.put(1, 'return true;');
      return `${doc}\nfunction ${name}() {\n${w.lines.join('\n')}\n}\n`;
    }
    if (kind === 'b' || kind === 'root') {
      w.put(1, 'const start = pos;');
      declare();
      w.expr(t.body, { build: true, syntactic: t.syntactic, lazyIters: false }, slots, 'return null;', 1);
      // Ohm's root node runs to the end of the input, over any trailing spaces and comments.
      w.put(1, `return new Node(${JSON.stringify(t.ruleName)}, input, start, ${kind === 'root' ? 'input.length' : 'pos'}, [${slots.join(', ')}]);`);
      return `${doc}\nfunction ${name}() {\n${w.lines.join('\n')}\n}\n`;
    }
    // `E`: the children of a lexical node, parsed again from its start (its end is known).
    declare();
    emitExpansion(w, t.body, slots);
    w.put(1, `return [${slots.join(', ')}];`);
    return `${doc}\nfunction e_${t.id}(end) {\n${w.lines.join('\n')}\n}\nfunction ${name}(src, start, end) {\n  return expand(e_${t.id}, src, start, end);\n}\n`;
  }
}

/** Generates the parser for `grammar`, starting at its default start rule. */
export function generateParser(grammar: Grammar, startRule = (grammar as unknown as { defaultStartRule: string }).defaultStartRule): GeneratedParser {
  if (!isSyntactic(startRule)) throw new Error('codegen: the start rule must be syntactic');
  const emitter = new ParserEmitter(grammar);
  const start = emitter.fn('root', { kind: 'apply', rule: startRule, args: [] });
  const spaces = emitter.fn('m', { kind: 'apply', rule: 'spaces', args: [] });
  emitter.drain();
  assertNoLeftRecursion(new Map([...emitter.targets].map(([key, t]) => [key, t.body])));
  const indent = (code: string) => code.replace(/^(?=.)/gm, '  ');
  const constants = [...emitter.constants].map(([code, name]) => `  const ${name} = ${code};\n`).join('');
  const functions = constants + [...emitter.functions.values()].map(indent).join('\n');
  const factory = `${prelude(spaces, start)}\n${functions}${epilogue}`;
  const header = `// AUTOGENERATED by packages/core/src/grammar/codegen/generate.ts from the Ohm grammar ${grammar.name}; do not edit.\n// Regenerate with \`node scripts/build.mjs\`.\n`;
  return { module: `${header}export ${factory}`, declarations, factory };
}
