// An independent LSP client: Neovim (Debian's 0.7, `vim.lsp.start_client`) run headless against `eql lsp --stdio`.
// For the example rule with a misspelt field, as a `.toml` rule and as a bare `.eql` query, Neovim writes the
// diagnostics it received and the completion list after `process.` to a report that this test checks against
// `eql check`. Run by test/clients/neovim.sh (which installs Neovim), not by `npm test`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eqlCommand, MISTAKE, positionOf, repoRoot, writeFixtures, type Fixture } from './fixtures.js';

const run = promisify(execFile);
const script = join(repoRoot, 'test/clients/neovim/lsp-report.lua');
const LSP_ERROR = 1;
const LSP_WARNING = 2;
const LSP_FIELD = 5;

interface Report {
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; severity?: number; code?: string | number }[] | null;
  completion: { label: string; kind?: number; detail?: string }[] | null;
  errors: string[];
}

function neovim(): string {
  const nvim = process.env.EQLKIT_NVIM ?? '/usr/bin/nvim';
  if (!existsSync(nvim)) throw new Error(`Neovim not found at ${nvim}: run this test through test/clients/neovim.sh`);
  return nvim;
}

/** Runs Neovim on one document and returns its report. */
async function report(dir: string, fixture: Fixture, at: { line: number; character: number }): Promise<Report> {
  const out = join(dir, `report-${Date.now()}.json`);
  const env = {
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    EQLKIT_NVIM_CMD: JSON.stringify([process.execPath, eqlCommand, 'lsp', '--stdio']),
    EQLKIT_NVIM_FILE: fixture.path,
    EQLKIT_NVIM_LINE: String(at.line),
    EQLKIT_NVIM_CHAR: String(at.character),
    EQLKIT_NVIM_REPORT: out,
    EQLKIT_NVIM_TIMEOUT: '30000',
  };
  try {
    await run(neovim(), ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], { env, timeout: 90_000 });
  } catch (e) {
    const { stdout, stderr, message } = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Neovim failed: ${message}\n${stdout ?? ''}${stderr ?? ''}`);
  }
  if (!existsSync(out)) throw new Error('Neovim wrote no report');
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

describe('Neovim as an LSP client of `eql lsp --stdio`', () => {
  let dir: string;
  let fixtures: { toml: Fixture; eql: Fixture };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eqlkit-neovim-'));
    fixtures = writeFixtures(join(dir, 'rules'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const kind of ['toml', 'eql'] as const) {
    it(`receives eql check's diagnostics and field completions for the example rule as .${kind}`, async () => {
      const fixture = fixtures[kind];
      // Just after the `process.` of `process.name` in the second stage.
      const anchor = positionOf(fixture.text, 'process.name', '[network where');
      const at = { line: anchor.line, character: anchor.character + 'process.'.length };
      const r = await report(dir, fixture, at);
      expect(r.errors).toEqual([]);

      expect(r.diagnostics, 'diagnostics').not.toBeNull();
      const got = r.diagnostics ?? [];
      expect(got).toHaveLength(fixture.expected.length);
      for (const d of fixture.expected) {
        const match = got.find((g) => g.message === d.message);
        expect(match, `no diagnostic "${d.message}" among ${JSON.stringify(got, null, 1)}`).toBeDefined();
        expect(match?.range).toEqual({ start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } });
        expect(match?.severity).toBe(d.severity === 'error' ? LSP_ERROR : d.severity === 'warning' ? LSP_WARNING : 3);
        expect(String(match?.code)).toBe(d.code);
      }
      expect(got.some((g) => g.message.includes(MISTAKE.wrong))).toBe(true);

      const items = r.completion ?? [];
      const labels = items.map((i) => i.label);
      const name = items.find((i) => i.label === 'name' || i.label === 'process.name');
      expect(name, `completion after process.: ${labels.join(', ')}`).toBeDefined();
      expect(name?.kind).toBe(LSP_FIELD);
      expect(labels.some((l) => l === 'parent' || l === 'process.parent' || l.startsWith('parent.') || l.startsWith('process.parent.'))).toBe(true);
      expect(labels, 'only fields follow a dot').not.toContain('sequence');
    });
  }
});
