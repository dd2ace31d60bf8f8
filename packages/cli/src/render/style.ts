/** Terminal styling: ANSI colours when writing to a terminal (and NO_COLOR is unset), plain text otherwise. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s, green: (s) => s };
const ansi: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), green: wrap(32, 39) };

export function styleFor(stream: { isTTY?: boolean }): Style {
  return stream.isTTY && !process.env['NO_COLOR'] ? ansi : plain;
}
