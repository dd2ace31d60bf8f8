import { foldCase } from './case-fold.js';
import type { RegexNode } from './regex-ast.js';

/**
 * Substrings every value matching a parsed regex must contain, for cheap pre-filtering; found conservatively
 * (an empty list promises nothing). Under `regex~` they are folded with `foldCase`: a literal character matches
 * only its case variants, which all fold to the same character, so the folded value contains the folded literal.
 */
export function requiredLiterals(node: RegexNode, caseInsensitive: boolean): string[] {
  const info = analyse(node, caseInsensitive);
  const found = info.exact !== null ? [info.exact] : info.required;
  const unique = [...new Set(found.filter((s) => s !== ''))];
  // A fragment inside a longer one adds nothing.
  return unique.filter((s) => !unique.some((t) => t !== s && t.includes(s)));
}

interface Info {
  /** Every match equals this string (null: unknown or several). */
  readonly exact: string | null;
  /** Every match contains each of these. */
  readonly required: readonly string[];
}

const NOTHING_KNOWN: Info = { exact: null, required: [] };
const MAX_EXACT = 256;

function analyse(node: RegexNode, ci: boolean): Info {
  switch (node.kind) {
    case 'literal':
      return exactly(ci ? foldCase(node.text) : node.text);
    case 'class': {
      const [item] = node.items;
      if (node.negated || node.items.length !== 1) return NOTHING_KNOWN;
      if (item.kind === 'char') return exactly(String.fromCodePoint(item.cp), ci);
      // A one-character range does not fold case; its character is only known when nothing folds.
      if (item.kind === 'range' && item.from === item.to && !ci) return exactly(String.fromCodePoint(item.from));
      return NOTHING_KNOWN;
    }
    case 'concat': {
      const required: string[] = [];
      let run = '';
      let allExact = true;
      for (const part of node.parts) {
        const info = analyse(part, ci);
        if (info.exact !== null) {
          run += info.exact;
          continue;
        }
        allExact = false;
        required.push(run, ...info.required);
        run = '';
      }
      required.push(run);
      return allExact && run.length <= MAX_EXACT ? exactly(run) : { exact: null, required };
    }
    case 'union': {
      const infos = node.alternatives.map((a) => analyse(a, ci));
      const first = infos[0].exact;
      return first !== null && infos.every((i) => i.exact === first) ? exactly(first) : NOTHING_KNOWN;
    }
    case 'intersection': {
      const infos = node.operands.map((o) => analyse(o, ci));
      return { exact: null, required: infos.flatMap((i) => (i.exact !== null ? [i.exact] : i.required)) };
    }
    case 'repeat': {
      if (node.max === 0) return exactly('');
      if (node.min === 0 || (node.max !== null && node.min > node.max)) return NOTHING_KNOWN;
      const info = analyse(node.operand, ci);
      if (info.exact !== null && node.max === node.min && info.exact.length * node.min <= MAX_EXACT) {
        return exactly(info.exact.repeat(node.min));
      }
      return { exact: null, required: info.exact !== null ? [info.exact] : info.required };
    }
    default:
      return NOTHING_KNOWN;
  }
}

function exactly(text: string, fold = false): Info {
  return { exact: fold ? foldCase(text) : text, required: [] };
}
