import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BufferPool, lineChunks } from './line-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function blocks(text: string, blockSize: number, maxLine?: number) {
  const p = join(dir, 'f.ndjson');
  writeFileSync(p, text);
  const out: string[] = [];
  for await (const c of lineChunks(p, new BufferPool(blockSize), maxLine)) {
    out.push(c.tooLong ? '<too long>' : Buffer.from(c.buffer, 0, c.length).toString() + (c.final ? '<final>' : ''));
  }
  return out;
}

describe('lineChunks', () => {
  it('cuts blocks after their last newline and carries the rest', async () => {
    expect(await blocks('aaa\nbbb\ncc', 6)).toEqual(['aaa\n', 'bbb\n', 'cc<final>']);
  });

  it('grows a block for a line longer than a block', async () => {
    expect(await blocks('a\n' + 'x'.repeat(20) + '\nb\n', 8)).toEqual(['a\n', 'x'.repeat(20) + '\nb\n']);
  });

  it('drops a line longer than maxLine and stands a tooLong block in its place', async () => {
    expect(await blocks('a\n' + 'x'.repeat(100) + '\nb\n', 8, 32)).toEqual(['a\n', '<too long>', 'b\n']);
    expect(await blocks('a\n' + 'x'.repeat(100), 8, 32)).toEqual(['a\n', '<too long>']);
  });
});
