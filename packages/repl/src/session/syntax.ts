/**
 * Where the parser reports syntax errors (start offsets), for deciding whether an input wants more lines. A sequence
 * with one stage so far counts as stopping at its end: its next stage is still to be typed.
 */
import { parse } from '@eqlkit/core';

export function syntaxErrorOffsets(text: string): number[] {
  return parse(text).diagnostics.filter((d) => d.severity === 'error').map((d) => (d.code.endsWith('sequence-too-short') ? d.span.end : d.span.start));
}
