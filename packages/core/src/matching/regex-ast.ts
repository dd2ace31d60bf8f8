/**
 * The parsed form of a Lucene regular expression (Elasticsearch `regexp` syntax with the `ALL` flags, which is what
 * EQL's `regex`/`regex~` use). Spans are half-open UTF-16 offsets into the pattern.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** `\d \D \s \S \w \W`: Lucene defines them as `[0-9]`, `[ \t\n\r]` and `[a-zA-Z_0-9]` and their negations. */
export type PredefinedClass = 'd' | 'D' | 's' | 'S' | 'w' | 'W';

export type ClassItem =
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'predefined'; readonly name: PredefinedClass };

export type RegexNode = Span &
  (
    | { readonly kind: 'union'; readonly alternatives: readonly RegexNode[] }
    | { readonly kind: 'intersection'; readonly operands: readonly RegexNode[] }
    | { readonly kind: 'concat'; readonly parts: readonly RegexNode[] }
    /** `?` is {0,1}, `*` is {0,}, `+` is {1,}; `max` null means unbounded. `min > max` matches nothing. */
    | { readonly kind: 'repeat'; readonly operand: RegexNode; readonly min: number; readonly max: number | null }
    | { readonly kind: 'complement'; readonly operand: RegexNode }
    /** Characters that match themselves (case-folded under `regex~`); '' is the empty string. */
    | { readonly kind: 'literal'; readonly text: string }
    /** `[...]`, `[^...]`, or a predefined class on its own. Ranges never fold case; single characters do. */
    | { readonly kind: 'class'; readonly negated: boolean; readonly items: readonly ClassItem[] }
    | { readonly kind: 'anyChar' }
    | { readonly kind: 'anyString' }
    | { readonly kind: 'emptyLanguage' }
    /** `<min-max>`: decimal numbers in the range; `digits > 0` fixes the length (zero-padded). */
    | { readonly kind: 'interval'; readonly min: number; readonly max: number; readonly digits: number }
  );

export type RegexNodeOf<K extends RegexNode['kind']> = Extract<RegexNode, { kind: K }>;
