import { describe, expect, it } from 'vitest';
import { replaceExportQuery } from './from-export.js';

describe('replaceExportQuery', () => {
  it('replaces only the top-level query string, byte for byte elsewhere', () => {
    const line = '{"meta":{"query":"inner"},"risk":21.0,"query" : "a\\u0020b","big":123456789012345678901}';
    expect(replaceExportQuery(line, 'x == "1"')).toBe('{"meta":{"query":"inner"},"risk":21.0,"query" : "x == \\"1\\"","big":123456789012345678901}');
  });
  it('takes the last of duplicate query keys (the one a JSON reader keeps), and keys written with escapes', () => {
    expect(replaceExportQuery('{"query":"a","q\\u0075ery":"b"}', 'c')).toBe('{"query":"a","q\\u0075ery":"c"}');
  });
  it('is undefined without a top-level query string', () => {
    expect(replaceExportQuery('{"query":5,"x":{"query":"a"}}', 'c')).toBeUndefined();
  });
});
