import { describe, expect, it } from 'vitest';
import { toLspSignatureHelp } from './hover.js';

describe('toLspSignatureHelp', () => {
  it('gives parameters as offsets into the label, so `a` of `add(a, b)` is not the `a` of `add`', () => {
    const help = toLspSignatureHelp({
      label: 'add(a, b)',
      parameters: [
        { label: 'a', labelSpan: { start: 4, end: 5 } },
        { label: 'b', labelSpan: { start: 7, end: 8 } },
      ],
      activeParameter: 1,
    })!;
    expect(help.signatures[0].parameters?.map((p) => p.label)).toEqual([
      [4, 5],
      [7, 8],
    ]);
    expect(help.activeParameter).toBe(1);
    expect(toLspSignatureHelp({ label: 'f(x)', parameters: [{ label: 'x' }], activeParameter: 0 })!.signatures[0].parameters?.[0].label).toBe('x');
  });
});
