/** Splitting a meta-command's argument text into words: whitespace separates, "double" or 'single' quotes group. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return out;
}

/** The word being typed at the end of `text` (for completion), and where it starts. */
export function lastWord(text: string): { word: string; start: number } {
  const m = /(\S*)$/.exec(text)!;
  return { word: m[1], start: text.length - m[1].length };
}
