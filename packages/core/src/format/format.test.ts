import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { format } from './format.js';

const fmt = (q: string, width?: number) => {
  const r = parse(q, { comments: true });
  if (!r.ast) throw new Error(JSON.stringify(r.diagnostics));
  return format(r.ast, { comments: r.comments, width });
};

describe('format', () => {
  it.each([
    ['process   where  a==1 and  b : ("x","y")', 'process where a == 1 and b : ("x", "y")\n'],
    ['a where x : ("only")', 'a where x : "only"\n'],
    ['a where not (x and y) or z', 'a where not (x and y) or z\n'],
    ['a where x and (y or z)', 'a where x and (y or z)\n'],
    ['a where x or (y or z)', 'a where x or (y or z)\n'],
    ['a where (a + b) * c == a - (b - c)', 'a where (a + b) * c == a - (b - c)\n'],
    ['a where (-x) in (1) and -(x in (1))', 'a where (-x) in (1) and -x in (1)\n'],
    ['a where (x == 1) == true', 'a where (x == 1) == true\n'],
    ["a where x == 'q'", 'a where x == "q"\n'],
    ['a where x == "\\u{41}\\t"', 'a where x == "A\\t"\n'],
    ['a where x regex """a\\d"""', 'a where x regex """a\\d"""\n'],
    ['a where `my field`.`x``y` == 1.0', 'a where `my field`.`x``y` == 1.0\n'],
    ['a where f~ ( x , 1 )', 'a where f~(x, 1)\n'],
    ['"my-cat" where true', '"my-cat" where true\n'],
    ['sequence by h with maxspan=1m [a where true] by x [b where true] by y until [c where true] by z | head 3', 'sequence by h with maxspan=1m\n  [a where true] by x\n  [b where true] by y\nuntil [c where true] by z\n| head 3\n'],
    ['sequence with maxspan=1s [a where true] ![b where true] with runs=2', 'sequence with maxspan=1s\n  [a where true]\n  ![b where true] with runs=2\n'],
    ['sample by h [a where true] [b where true]', 'sample by h\n  [a where true]\n  [b where true]\n'],
  ])('%s', (input, output) => {
    expect(fmt(input)).toBe(output);
  });

  it('breaks long conditions one operand per line and fills long lists', () => {
    const q = `process where host.os.type == "windows" and event.action == "start" and process.name : ("a.exe", "b.exe", "c.exe", "d.exe", "e.exe")`;
    expect(fmt(q, 60)).toBe(
      ['process where host.os.type == "windows" and', '  event.action == "start" and', '  process.name : (', '    "a.exe", "b.exe", "c.exe", "d.exe", "e.exe"', '  )', ''].join('\n'),
    );
  });

  it('keeps comments where they were', () => {
    const q = ['// about the rule', 'sequence by h // keyed by host', '  [a where true]', '  /* then */', '  [b where x : ("p", // first', '  "q")]', '| head 1 // keep one'].join('\n');
    expect(fmt(q)).toBe(
      ['// about the rule', 'sequence by h // keyed by host', '  [a where true]', '  /* then */', '  [b where x : (', '      "p", // first', '      "q"', '    )]', '| head 1 // keep one', ''].join('\n'),
    );
  });

  it('is idempotent on its own output', () => {
    const q = 'sequence by a [x where b in ("1","2") and not c : "d"] [y where e == 1 /* c */] | tail 2';
    const once = fmt(q);
    expect(fmt(once)).toBe(once);
  });
});
