/**
 * The formatter: AST (+ comments) → canonical EQL text.
 *
 * Guarantees: the output parses to the same AST (ignoring spans); formatting the output again gives the same
 * text; every comment is kept, printed before the first token that followed it. Layout: a query that fits in
 * the width stays on one line; otherwise `and`/`or` chains break one operand per line, long lists fill lines,
 * sequences and samples put one stage per line, and each pipe starts a line.
 * Example: `sequence by h [a where true][b where x:("p","q")]|head 1` becomes
 *   sequence by h
 *     [a where true]
 *     [b where x : ("p", "q")]
 *   | head 1
 */
import type { Expr, FieldRef, Literal, Pipe, Query, Span, Stage, Statement } from '../ast/nodes.js';
import type { Comment } from '../grammar/comments.js';
import { encodeDoubleQuoted } from '../grammar/strings.js';
import { concat, type Doc, fill, group, hardline, indent, join, line, print, softline } from './doc.js';

export interface FormatOptions {
  /** The comments of the parsed text (`parse(text, { comments: true }).comments`). */
  readonly comments?: readonly Comment[];
  /** The line width to fit in (default 100). */
  readonly width?: number;
}

/** Formats a statement. Never throws. */
export function format(ast: Statement, options: FormatOptions = {}): string {
  const printer = new Printer(options.comments ?? []);
  const doc = printer.statement(ast);
  return print(concat(doc, printer.rest()), options.width ?? 100) + '\n';
}

const PREC: Record<string, number> = { or: 1, and: 2, not: 3, compare: 4, add: 5, mul: 6, unary: 7, predicate: 8, primary: 9 };

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'logical':
      return PREC[e.op];
    case 'not':
      return PREC.not;
    case 'compare':
      return PREC.compare;
    case 'arith':
      return e.op === '+' || e.op === '-' ? PREC.add : PREC.mul;
    case 'unary':
      return PREC.unary;
    case 'in':
    case 'match':
      return PREC.predicate;
    default:
      return PREC.primary;
  }
}

class Printer {
  private next = 0;

  constructor(private readonly comments: readonly Comment[]) {}

  /**
   * The comments before `span` that were not printed yet. Call it before building the node's children, so that
   * comments are taken in source order.
   */
  private leading(span: Span): Doc {
    const parts: Doc[] = [];
    while (this.next < this.comments.length && this.comments[this.next].span.start < span.start) {
      const c = this.comments[this.next++];
      if (c.ownLine) parts.push(hardline);
      parts.push(c.text, c.kind === 'line' || c.ownLine ? hardline : ' ');
    }
    return concat(...parts);
  }

  /**
   * Comments that end a line (not on a line of their own) before `before`: printed after what precedes them,
   * not before what follows. Returns the docs and whether they end with a forced line break.
   */
  private trailing(before: number): { docs: Doc[]; breaks: boolean } {
    const docs: Doc[] = [];
    let breaks = false;
    while (this.next < this.comments.length) {
      const c = this.comments[this.next];
      if (c.ownLine || c.span.start >= before) break;
      this.next++;
      docs.push(' ', c.text);
      breaks = c.kind === 'line';
      if (breaks) docs.push(hardline);
    }
    return { docs, breaks };
  }

  /** A line break before `next`, after the comments that end the current line. */
  private breakBefore(next: Span): Doc {
    return concat(...this.trailing(next.start).docs, hardline);
  }

  /** Comments after the last token. */
  rest(): Doc {
    const parts: Doc[] = [];
    while (this.next < this.comments.length) {
      const c = this.comments[this.next++];
      parts.push(c.ownLine ? hardline : ' ', c.text);
    }
    return concat(...parts);
  }

  statement(s: Statement): Doc {
    const lead = this.leading(s.span);
    const query = this.query(s.query);
    const pipes = s.pipes.map((p) => concat(this.breakBefore(p.span), this.pipe(p)));
    return concat(lead, query, ...pipes);
  }

  private pipe(p: Pipe): Doc {
    const lead = this.leading(p.span);
    const args = p.args.map((a) => this.expr(a, 0));
    return concat(lead, group(concat('| ', p.name, args.length ? concat(' ', join(', ', args)) : '')));
  }

  private query(q: Query): Doc {
    const lead = this.leading(q.span);
    switch (q.kind) {
      case 'event': {
        const category = this.category(q);
        return concat(lead, group(concat(category, ' where ', indent(this.expr(q.condition, 0)))));
      }
      case 'sequence': {
        const head: Doc[] = ['sequence'];
        if (q.by.length) head.push(' by ', this.keys(q.by));
        if (q.maxspan) head.push(this.leading(q.maxspan.span), ` with maxspan=${q.maxspan.value}${q.maxspan.unit}`);
        const stages = q.stages.map((s) => concat(this.breakBefore(s.span), this.stage(s)));
        const until = q.until ? concat(this.breakBefore(q.until.span), 'until ', this.stage(q.until)) : '';
        return concat(lead, ...head, indent(concat(...stages)), until);
      }
      case 'sample': {
        const head: Doc[] = ['sample'];
        if (q.by.length) head.push(' by ', this.keys(q.by));
        const stages = q.stages.map((s) => concat(this.breakBefore(s.span), this.stage(s)));
        return concat(lead, ...head, indent(concat(...stages)));
      }
    }
  }

  private category(q: Extract<Query, { kind: 'event' }>): Doc {
    const c = q.category;
    return concat(this.leading(c.span), c.name === null ? 'any' : c.quoted ? encodeDoubleQuoted(c.name) : c.name);
  }

  private stage(s: Stage): Doc {
    const lead = this.leading(s.span);
    const parts: Doc[] = [s.missing ? '![' : '[', this.query(s.query), ']'];
    if (s.by.length) parts.push(' by ', this.keys(s.by));
    if (s.runs) parts.push(this.leading(s.runs.span), ` with runs=${s.runs.count}`);
    return concat(lead, group(concat(...parts)));
  }

  private keys(keys: readonly Expr[]): Doc {
    return join(', ', keys.map((k) => this.expr(k, 0)));
  }

  /** Prints `e`, in parentheses when its precedence is below `min`. */
  private expr(e: Expr, min: number): Doc {
    const lead = this.leading(e.span);
    const doc = this.exprBody(e);
    return concat(lead, precedence(e) < min ? group(concat('(', indent(doc), ')')) : doc);
  }

  private exprBody(e: Expr): Doc {
    switch (e.kind) {
      case 'logical': {
        // Flatten a left-leaning chain of the same operator: one operand per line when it breaks.
        const operands: Expr[] = [];
        let cur: Expr = e;
        while (cur.kind === 'logical' && cur.op === e.op) {
          operands.unshift(cur.right);
          cur = cur.left;
        }
        operands.unshift(cur);
        const p = PREC[e.op];
        const parts: Doc[] = [this.expr(operands[0], p)];
        for (const o of operands.slice(1)) parts.push(` ${e.op}`, ...this.trailing(o.span.start).docs, line, this.expr(o, p + 1));
        return group(concat(...parts));
      }
      case 'not':
        return concat('not ', this.expr(e.operand, PREC.not));
      case 'compare':
        return group(concat(this.expr(e.left, PREC.add), ` ${e.op} `, this.expr(e.right, PREC.add)));
      case 'arith': {
        const p = precedence(e);
        return concat(this.expr(e.left, p), ` ${e.op} `, this.expr(e.right, p + 1));
      }
      case 'unary':
        return concat(e.op, e.operand.kind === 'unary' ? ' ' : '', this.expr(e.operand, PREC.unary));
      case 'in': {
        const op = `${e.negated ? 'not ' : ''}${e.caseInsensitive ? 'in~' : 'in'}`;
        return concat(this.expr(e.operand, PREC.primary), ` ${op} `, this.list(e.values, e.span.end));
      }
      case 'match': {
        const operand = this.expr(e.operand, PREC.primary);
        return concat(operand, ` ${e.operator} `, e.patterns.length === 1 ? this.expr(e.patterns[0], 0) : this.list(e.patterns, e.span.end));
      }
      case 'call':
        return group(concat(e.name, e.caseInsensitive ? '~' : '', '(', indent(concat(softline, join(concat(',', line), e.args.map((a) => this.expr(a, 0))))), softline, ')'));
      case 'field':
        return fieldText(e);
      default:
        return literalText(e);
    }
  }

  /**
   * A parenthesized list that fills lines. A comment after an item's comma stays with that item, and a list with
   * such comments puts one item per line.
   */
  private list(items: readonly Expr[], end: number): Doc {
    const entries = items.map((item, i) => {
      const last = i === items.length - 1;
      const doc = this.expr(item, 0);
      const after = this.trailing(last ? end : items[i + 1].span.start);
      return { doc: concat(doc, last ? '' : ',', ...after.docs), commented: after.docs.length > 0, breaks: after.breaks };
    });
    const onePerLine = entries.some((e) => e.commented);
    const parts: Doc[] = [];
    entries.forEach((e, i) => {
      if (i) parts.push(entries[i - 1].breaks ? '' : onePerLine ? hardline : line);
      parts.push(e.doc);
    });
    return group(concat('(', indent(concat(softline, fill(parts))), softline, ')'));
  }
}

/** A field reference as written canonically: `?a.b`, `` a.`b-c` ``, `a[0]`. */
export function fieldText(f: FieldRef): string {
  let out = f.optional ? '?' : '';
  f.segments.forEach((s, i) => {
    if (s.kind === 'index') out += `[${s.index}]`;
    else out += (i ? '.' : '') + (s.quoted ? '`' + s.name.replace(/`/g, '``') + '`' : s.name);
  });
  return out;
}

/** A literal as EQL text that parses back to the same value. */
export function literalText(l: Literal): string {
  switch (l.kind) {
    case 'string':
      return l.raw ? `"""${l.value}"""` : encodeDoubleQuoted(l.value);
    case 'number':
      return l.text;
    case 'boolean':
      return String(l.value);
    case 'null':
      return 'null';
  }
}
