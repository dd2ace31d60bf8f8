/**
 * The first stage: EQL text → a typed AST and diagnostics.
 *
 * `parse` never throws, whatever the input. When the grammar accepts the text, `ast` is present, even if some
 * diagnostics are errors (for forms Elasticsearch rejects but whose meaning is clear, such as `=` for `==`), so
 * that editors can still offer help; callers must not run a query whose diagnostics contain an error.
 * `join` and lineage (`descendant of`) have no AST. Diagnostic spans always lie inside the text.
 */
import type { Statement } from './ast/nodes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/diagnostic.js';
import { syntaxDiagnostic } from './diagnostics/catalog.js';
import { withContext, type BuildContext } from './grammar/build-context.js';
import { commentsBetween, ohmTokens, type Comment } from './grammar/comments.js';
import { cstComments } from './grammar/fast/cst-tokens.js';
import { matchFast } from './grammar/fast/fast-parser.js';
import { astSemantics } from './grammar/semantics.js';
import { eqlGrammar } from './grammar/load.js';
import { explainSyntaxError } from './grammar/syntax-errors.js';
import { expressionDepthDiagnostic, isStackOverflow, tooLargeDiagnostic } from './grammar/depth-limit.js';

export interface ParseResult {
  readonly ast: Statement | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** The query's comments, when asked for (the formatter and editors need them; evaluation does not). */
  readonly comments: readonly Comment[];
}

export interface ParseOptions {
  /** Also collect the comments (costs an extra walk over the parse tree). */
  readonly comments?: boolean;
}

/** Parses one EQL query. Never throws. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  // Too deep to parse safely: say so plainly, as Elasticsearch does, before any recursion.
  const tooDeep = expressionDepthDiagnostic(text);
  if (tooDeep) return { ast: undefined, diagnostics: [tooDeep], comments: [] };
  try {
    const fast = parseFast(text, options);
    if (fast) return fast;
  } catch (e) {
    if (isStackOverflow(e)) return tooLarge();
    // Whatever else went wrong, the Ohm path gives the answer (and reports a builder bug the same way).
  }
  return parseWithOhm(text, options);
}

/** The answer for a query too large for the recursive stages (a point span: never a megabyte underlined). */
function tooLarge(): ParseResult {
  return { ast: undefined, diagnostics: [tooLargeDiagnostic()], comments: [] };
}

/**
 * The fast path: the parser generated from the grammar, then the AST builder. `undefined` when the text does not
 * match, so that Ohm explains the error; throws if the builder does. Internal: exported for the differential tests.
 */
export function parseFast(text: string, options: ParseOptions = {}): ParseResult | undefined {
  const root = matchFast(text);
  if (!root) return undefined;
  return build(text, () => root.ast(), options.comments ? () => cstComments(text, root) : undefined);
}

/**
 * Ohm alone: the reference the fast path is tested against, and the one that explains syntax errors.
 * Internal: exported for the differential tests and the benchmark.
 */
export function parseWithOhm(text: string, options: ParseOptions = {}): ParseResult {
  try {
    const match = eqlGrammar.match(text);
    if (match.failed()) return { ast: undefined, diagnostics: [clampToText(explainSyntaxError(text, match), text)], comments: [] };
    return build(text, () => astSemantics()(match)['ast'](), options.comments ? () => commentsBetween(text, ohmTokens(match)) : undefined);
  } catch (e) {
    if (isStackOverflow(e)) return tooLarge();
    // A bug in the builder must not take the caller down: report it as a diagnostic on the whole text.
    const message = `internal error while parsing: ${e instanceof Error ? e.message : String(e)}`;
    return { ast: undefined, diagnostics: [syntaxDiagnostic('syntax', { start: 0, end: text.length }, { message })], comments: [] };
  }
}

/** Runs the AST builder on a successful match. */
function build(text: string, ast: () => unknown, comments: (() => Comment[]) | undefined): ParseResult {
  const ctx: BuildContext = { text, diagnostics: [], unrepresentable: false };
  const statement = withContext(ctx, ast) as Statement;
  return {
    ast: ctx.unrepresentable ? undefined : statement,
    diagnostics: sortDiagnostics(ctx.diagnostics.map((d) => clampToText(d, text))),
    comments: comments ? comments() : [],
  };
}

function clampToText(d: Diagnostic, text: string): Diagnostic {
  const start = Math.max(0, Math.min(d.span.start, text.length));
  const end = Math.max(start, Math.min(d.span.end, text.length));
  return start === d.span.start && end === d.span.end ? d : { ...d, span: { start, end } };
}
