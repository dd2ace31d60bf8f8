/**
 * Seeded mutations of EQL text for fuzz and differential testing: deletions, insertions of grammar-relevant pieces
 * (quotes, brackets, operators, keywords, comments, blank runs, odd code points) and swaps, so that
 * mutants reach deep into the grammar and exercise comment collection too. Used by the fuzz and differential tests.
 */
const PIECES = ['"', "'", '`', '\\', '(', ')', '[', ']', '![', ',', '.', ':', '~', '?', '*', '=', '==', '!', '<', '|', '/*', '*/', '//', '\n', ' ', 'and', 'or', 'not', 'in', 'where', 'by', 'with', 'sequence', 'until', '"""', '\\u{', '}', '0', '9', 'x', '\u00e9', '\ud83d\ude00', ' /* c */ ', '// note\n', '/* a /* nested */ b */', '\t\r\n  '];

export function mutate(text: string, rand: () => number): string {
  const pos = Math.floor(rand() * (text.length + 1));
  const kind = rand();
  if (kind < 0.35) {
    const len = 1 + Math.floor(rand() * 8);
    return text.slice(0, pos) + text.slice(pos + len);
  }
  if (kind < 0.7) return text.slice(0, pos) + PIECES[Math.floor(rand() * PIECES.length)] + text.slice(pos);
  const other = Math.floor(rand() * text.length);
  const [a, b] = pos < other ? [pos, other] : [other, pos];
  if (b >= text.length) return text;
  return text.slice(0, a) + text[b] + text.slice(a + 1, b) + text[a] + text.slice(b + 1);
}

/** `count` mutants of `seeds`, each 1 to 3 mutations away from a seed, reproducible from `rand`. */
export function mutants(seeds: readonly string[], count: number, rand: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = seeds[Math.floor(rand() * seeds.length)];
    const rounds = 1 + Math.floor(rand() * 3);
    for (let r = 0; r < rounds; r++) text = mutate(text, rand);
    out.push(text);
  }
  return out;
}
