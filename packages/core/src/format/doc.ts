/**
 * A small pretty-printing algebra (after Wadler's "prettier printer"): a document is text with break
 * opportunities; a group prints flat when it fits in the remaining width and broken otherwise.
 *
 * - `line`: a space when flat, a newline when broken; `softline`: nothing when flat;
 * - `hardline`: always a newline, and it breaks every enclosing group;
 * - `fill`: items separated by lines, breaking only where the next item does not fit (for long lists).
 */
export type Doc = string | Concat | Group | Indent | Line | Fill;

interface Concat {
  readonly t: 'concat';
  readonly parts: readonly Doc[];
}
interface Group {
  readonly t: 'group';
  readonly doc: Doc;
}
interface Indent {
  readonly t: 'indent';
  readonly doc: Doc;
}
interface Line {
  readonly t: 'line';
  readonly soft: boolean;
  readonly hard: boolean;
}
interface Fill {
  readonly t: 'fill';
  /** Alternating content and separators: [item, sep, item, sep, item]. */
  readonly parts: readonly Doc[];
}

export const concat = (...parts: Doc[]): Doc => ({ t: 'concat', parts });
export const group = (doc: Doc): Doc => ({ t: 'group', doc });
export const indent = (doc: Doc): Doc => ({ t: 'indent', doc });
export const line: Doc = { t: 'line', soft: false, hard: false };
export const softline: Doc = { t: 'line', soft: true, hard: false };
export const hardline: Doc = { t: 'line', soft: false, hard: true };
export const fill = (parts: Doc[]): Doc => ({ t: 'fill', parts });

/** Joins docs with a separator doc. */
export function join(sep: Doc, docs: readonly Doc[]): Doc {
  const parts: Doc[] = [];
  docs.forEach((d, i) => {
    if (i) parts.push(sep);
    parts.push(d);
  });
  return concat(...parts);
}

const hardCache = new WeakMap<object, boolean>();

/** Whether a doc contains a hard line (then its groups cannot print flat). */
function hasHardline(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  const cached = hardCache.get(doc);
  if (cached !== undefined) return cached;
  let result: boolean;
  switch (doc.t) {
    case 'line':
      result = doc.hard;
      break;
    case 'concat':
    case 'fill':
      result = doc.parts.some(hasHardline);
      break;
    default:
      result = hasHardline(doc.doc);
  }
  hardCache.set(doc, result);
  return result;
}

type Mode = 'flat' | 'break';
/** The printer's internal continuation of a fill: [separator, item, separator, item, …] still to print. */
interface FillRest {
  readonly t: 'fillrest';
  readonly parts: readonly Doc[];
}
type Cmd = [indent: number, mode: Mode, doc: Doc | FillRest];

/** Whether `next` (then `rest`, up to the first line break) fits in `width` columns. */
function fits(next: Cmd, rest: Cmd[], width: number): boolean {
  const stack: Cmd[] = [next];
  let restIdx = rest.length;
  let remaining = width;
  while (remaining >= 0) {
    let cmd = stack.pop();
    if (!cmd) {
      if (restIdx === 0) return true;
      cmd = rest[--restIdx];
    }
    const [ind, mode, doc] = cmd;
    if (typeof doc === 'string') {
      remaining -= doc.length;
      continue;
    }
    switch (doc.t) {
      case 'concat':
      case 'fill':
      case 'fillrest':
        for (let i = doc.parts.length - 1; i >= 0; i--) stack.push([ind, mode, doc.parts[i]]);
        break;
      case 'group':
        if (hasHardline(doc.doc)) return false;
        stack.push([ind, mode, doc.doc]);
        break;
      case 'indent':
        stack.push([ind + 2, mode, doc.doc]);
        break;
      case 'line':
        if (mode === 'break' || doc.hard) return true;
        remaining -= doc.soft ? 0 : 1;
        break;
    }
  }
  return false;
}

/** Prints a doc within `width` columns. Trailing spaces are never printed. */
export function print(doc: Doc, width = 100): string {
  const lines: string[] = [];
  let current = '';
  let column = 0;
  const stack: Cmd[] = [[0, 'break', doc]];
  const newline = (ind: number) => {
    // Never print an empty line: consecutive breaks (e.g. around a comment) collapse into one.
    if (current.trim() === '') {
      current = ' '.repeat(ind);
      column = ind;
      return;
    }
    lines.push(current.trimEnd());
    current = ' '.repeat(ind);
    column = ind;
  };
  while (stack.length) {
    const [ind, mode, d] = stack.pop()!;
    if (typeof d === 'string') {
      current += d;
      column += d.length;
      continue;
    }
    switch (d.t) {
      case 'concat':
        for (let i = d.parts.length - 1; i >= 0; i--) stack.push([ind, mode, d.parts[i]]);
        break;
      case 'indent':
        stack.push([ind + 2, mode, d.doc]);
        break;
      case 'group': {
        const flat = !hasHardline(d.doc) && fits([ind, 'flat', d.doc], stack, width - column);
        stack.push([ind, flat ? 'flat' : 'break', d.doc]);
        break;
      }
      case 'line':
        if (mode === 'flat' && !d.hard) {
          if (!d.soft) {
            current += ' ';
            column++;
          }
        } else newline(ind);
        break;
      case 'fill': {
        // Print the first item now; each separator is decided when reached, from the real column.
        const [first, ...rest] = d.parts;
        if (first === undefined) break;
        if (rest.length) stack.push([ind, mode, { t: 'fillrest', parts: rest }]);
        stack.push([ind, fits([ind, 'flat', first], [], width - column) ? 'flat' : 'break', first]);
        break;
      }
      case 'fillrest': {
        const [sep, next, ...rest] = d.parts;
        const nextFits = fits([ind, 'flat', concat(sep, next)], [], width - column);
        if (rest.length) stack.push([ind, mode, { t: 'fillrest', parts: rest }]);
        stack.push([ind, fits([ind, 'flat', next], [], width - column) || nextFits ? 'flat' : 'break', next]);
        stack.push([ind, nextFits ? 'flat' : 'break', sep]);
        break;
      }
    }
  }
  lines.push(current.trimEnd());
  return lines.join('\n');
}
