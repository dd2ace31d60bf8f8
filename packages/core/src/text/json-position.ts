// Where JSON.parse failed, as a 1-based line and column (for errors that point into a user's file). Pure.

/** 1-based line and column of a JSON.parse error; the end of the text when the engine gives no position. */
export function jsonErrorPosition(message: string, text: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  const offset = pos ? Math.min(Number(pos[1]), text.length) : text.length;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
