import { caseVariants } from './case-variants.js';
import {
  type CodePointSet,
  complementSet,
  setFromCodePoints,
  setFromRanges,
  unionSets,
} from './code-point-set.js';
import type { ClassItem, PredefinedClass, RegexNodeOf } from './regex-ast.js';

/**
 * The code points one character position of a Lucene regex accepts. Under `regex~` a literal character accepts
 * all its case variants, but a range keeps its bounds: Lucene folds single characters only, so `[a-c]` still
 * rejects `B` while `[abc]` accepts it (apache/lucene#14378). Negation applies after folding, so `[^a]`
 * rejects both `a` and `A`.
 */

const PREDEFINED: Record<Lowercase<PredefinedClass>, CodePointSet> = {
  d: setFromRanges([0x30, 0x39]),
  s: setFromCodePoints([0x20, 0x09, 0x0a, 0x0d]), // Lucene's \s is only these four, unlike Java or JS
  w: setFromRanges([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]),
};

export function predefinedSet(name: PredefinedClass): CodePointSet {
  const lower = name.toLowerCase() as Lowercase<PredefinedClass>;
  return name === lower ? PREDEFINED[lower] : complementSet(PREDEFINED[lower]);
}

export function literalCharSet(cp: number, caseInsensitive: boolean): CodePointSet {
  return caseInsensitive ? setFromCodePoints(caseVariants(cp)) : [cp, cp];
}

function itemSet(item: ClassItem, caseInsensitive: boolean): CodePointSet {
  switch (item.kind) {
    case 'char':
      return literalCharSet(item.cp, caseInsensitive);
    case 'range':
      return [item.from, item.to];
    case 'predefined':
      return predefinedSet(item.name);
  }
}

export function classSet(node: RegexNodeOf<'class'>, caseInsensitive: boolean): CodePointSet {
  const set = unionSets(node.items.map((item) => itemSet(item, caseInsensitive)));
  return node.negated ? complementSet(set) : set;
}
