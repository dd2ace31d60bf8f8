/** Where the parser reports syntax errors (start offsets), for deciding whether an input wants more lines. */
import { parse } from '@eqlkit/core';

export function syntaxErrorOffsets(text: string): number[] {
  return parse(text).diagnostics.filter((d) => d.severity === 'error').map((d) => d.span.start);
}
