import { describe, expect, it } from 'vitest';
import { continuesPrevious, isComplete, openState, wantsMore } from './continuation.js';
import { syntaxErrorOffsets } from './syntax.js';

describe('continuation', () => {
  it('waits while a bracket, string, backtick name or block comment is open', () => {
    expect(isComplete('process where true')).toBe(true);
    expect(isComplete('sequence [process where true')).toBe(false);
    expect(isComplete('process where x in ("a",')).toBe(false);
    expect(isComplete('process where x == "a')).toBe(false);
    expect(isComplete('process where x == """a\nb')).toBe(false);
    expect(isComplete('process where x == """a\nb"""')).toBe(true);
    expect(isComplete('process where `a')).toBe(false);
    expect(isComplete('process where true /* note /* nested */')).toBe(false);
    expect(isComplete('process where true // a ( comment')).toBe(true);
    expect(isComplete('process where x == "a ( \\" ["')).toBe(true);
    expect(openState('sequence [a where (b').brackets).toBe('[(');
  });

  it('a stray closing bracket does not make the input wait', () => {
    expect(isComplete('process where x)')).toBe(true);
  });

  it('meta-command lines are complete whatever they hold', () => {
    expect(isComplete('.check process where (')).toBe(true);
  });

  it('an input the parser stops at the end of wants more; a wrong one does not', () => {
    const more = (t: string) => wantsMore(t, syntaxErrorOffsets);
    expect(more('sequence by host.id')).toBe(true);
    expect(more('sequence by host.id [process where true]')).toBe(true);
    expect(more('sequence by host.id [process where true] [file where true]')).toBe(false);
    expect(more('process where')).toBe(true);
    expect(more('process where x === 1')).toBe(false);
    expect(more('')).toBe(false);
  });

  it('a line starting with what no query starts with continues the one before', () => {
    for (const l of ['| head 1', '  [process where true]', '![file where true]', 'by host.id', '  and x == 1', 'until [x where y]']) expect(continuesPrevious(l)).toBe(true);
    for (const l of ['process where true', '.stats', '', 'sequence [a where b] [c where d]']) expect(continuesPrevious(l)).toBe(false);
  });
});
