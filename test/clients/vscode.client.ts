/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Real VS Code: code-server with the packaged extension (.vsix) installed, driven in Debian's Chromium. Opens the
// example rule with a misspelt field and checks what an author sees: the Problems panel, the status bar's problem
// count, field completion after `process.`, and a dry run's tables. Run by test/clients/vscode.sh (which installs
// code-server and Chromium and builds the .vsix), not by `npm test`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chord, goTo, openFile, runCommand, startCodeServer, type CodeServerSession } from './code-server.js';
import { exampleEvents, exampleRule, MISTAKE, positionOf, repoRoot, writeFixtures, type CheckDiagnostic, type Fixture } from './fixtures.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test through test/clients/vscode.sh`);
  if (!existsSync(value)) throw new Error(`${name}=${value} does not exist`);
  return value;
}

function builtVsix(): string {
  const dir = join(repoRoot, 'extension');
  const found = readdirSync(dir).filter((f) => f.endsWith('.vsix'));
  if (found.length !== 1) throw new Error(`expected one .vsix in extension/ (run \`npm run package\` there), found ${found.length}: ${found.join(', ')}`);
  return join(dir, found[0]);
}

/** The numbers the status bar's problems item shows: errors, warnings (and infos when there are any). */
async function statusBarCounts(page: Page): Promise<number[]> {
  const text = await page.$eval('#status\\.problems', (e) => e.textContent ?? '');
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

function countsOf(expected: readonly CheckDiagnostic[]): [number, number] {
  return [expected.filter((d) => d.severity === 'error').length, expected.filter((d) => d.severity === 'warning').length];
}

/** The rows of the Problems panel, as their accessible labels (message, position and source). */
async function problemRows(page: Page): Promise<string[]> {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
}

/**
 * Browser-side: the dry-run report's lines as the editor beside the rule shows them, top to bottom (Monaco renders
 * spaces as no-break spaces). A string, so that it reaches the page as written.
 */
const REPORT_LINES = `(() => {
  const group = [...document.querySelectorAll('.editor-group-container')].find((g) => (g.querySelector('.tab.active')?.getAttribute('aria-label') ?? '').includes('(dry run)'));
  if (!group) return [];
  const lines = [...group.querySelectorAll('.view-line')].map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent ?? '').replace(/\\u00a0/g, ' ') }));
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
})()`;

async function suggestionLabels(page: Page): Promise<string[]> {
  return page.$$eval('.suggest-widget .monaco-list-row', (rows) => rows.map((r) => r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? ''));
}

describe('VS Code (code-server 4.100) with the packaged extension', () => {
  let session: CodeServerSession | undefined;
  let toml: Fixture;
  let page: Page;
  let fixtureDir: string | undefined;

  beforeAll(async () => {
    const codeServer = required('EQLKIT_CODE_SERVER');
    const chromium = required('EQLKIT_CHROMIUM');
    const vsix = builtVsix();
    fixtureDir = mkdtempSync(join(tmpdir(), 'eqlkit-fixtures-'));
    const fixtures = writeFixtures(fixtureDir);
    toml = fixtures.toml;
    session = await startCodeServer({
      codeServer,
      chromium,
      vsix,
      files: {
        'rules/rule.toml': fixtures.toml.text,
        'rules/rule.eql': fixtures.eql.text,
        'rules/msiexec-remote-file-execution.toml': readFileSync(exampleRule, 'utf8'),
        'events/msiexec-events.ndjson': readFileSync(exampleEvents, 'utf8'),
      },
      settings: { 'eql.sampleEvents': ['events/*.ndjson'] },
    });
    page = session.page;
  }, 300_000);

  afterAll(async () => {
    await session?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  const withLogs = async (body: () => Promise<void>) => {
    try {
      await body();
    } catch (e) {
      // A picture of the failure, kept outside the temporary folders that stop() removes.
      const shot = join(tmpdir(), `eqlkit-vscode-failure-${Date.now()}.png`);
      const saved = await page?.screenshot({ path: shot as `${string}.png` }).then(() => `\nscreenshot: ${shot}`, () => '');
      throw new Error(`${e instanceof Error ? e.stack ?? e.message : String(e)}${saved ?? ''}\n--- logs ---\n${session?.logs() ?? ''}`);
    }
  };

  it('shows the misspelt field in the Problems panel and counts it in the status bar', () => withLogs(async () => {
    await openFile(page, 'rule.toml');
    const [errors, warnings] = countsOf(toml.expected);
    expect(errors + warnings).toBeGreaterThan(0);
    await page.waitForFunction((e: number, w: number) => {
      const numbers = [...(document.querySelector('#status\\.problems')?.textContent ?? '').matchAll(/\d+/g)].map((m) => Number(m[0]));
      return numbers[0] === e && numbers[1] === w;
    }, { timeout: 60_000 }, errors, warnings).catch(async () => {
      throw new Error(`status bar shows ${JSON.stringify(await statusBarCounts(page))} problems, expected ${errors} errors and ${warnings} warnings`);
    });

    await chord(page, ['Control', 'Shift'], 'KeyM');
    await page.waitForSelector('.markers-panel .monaco-list-row', { visible: true, timeout: 15_000 });
    await page.waitForFunction((n: number) => document.querySelectorAll('.markers-panel .monaco-list-row').length >= n + 1, { timeout: 15_000 }, toml.expected.length);
    const rows = await problemRows(page);
    for (const d of toml.expected) {
      // VS Code's label: "<severity>: <message> at line L and character C. generated by <source>".
      const row = rows.find((r) => r.includes(d.message) && r.includes(`at line ${d.line} and character ${d.column}`));
      expect(row, `Problems panel rows:\n${rows.join('\n')}\nmissing: ${d.line}:${d.column} ${d.message}`).toBeDefined();
      expect(row).toMatch(new RegExp(`^${d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Info'}:`));
    }
    expect(rows.join('\n')).toContain(MISTAKE.wrong);
  }), 120_000);

  it('completes the fields under `process.parent.` where the misspelt field is', () => withLogs(async () => {
    await openFile(page, 'rule.toml');
    const typo = toml.expected.find((d) => d.message.includes(MISTAKE.wrong));
    if (!typo) throw new Error(`eql check reported no ${MISTAKE.wrong}`);
    // Just after `process.parent.`, before the misspelt segment: what an author asks for to fix it.
    const prefix = MISTAKE.wrong.slice(0, MISTAKE.wrong.lastIndexOf('.') + 1);
    await chord(page, ['Control'], 'Digit1');
    await goTo(page, typo.line, typo.column + prefix.length);
    await chord(page, ['Control'], 'Space');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { visible: true, timeout: 30_000 }).catch(async () => {
      throw new Error(`no suggestions after ${prefix}: ${await page.$eval('.suggest-widget', (w) => w.textContent ?? '').catch(() => 'no widget')}`);
    });
    // The widget renders only its visible rows: the first fields of `process.parent`, ECS first.
    const first = await suggestionLabels(page);
    expect(first.length, `suggestions after ${prefix}`).toBeGreaterThan(3);
    expect(first, 'only fields follow a dot').not.toContain('sequence');
    expect(first.every((l) => /^[A-Za-z_@`][\w`-]*$/.test(l)), `next path segments: ${first.join(', ')}`).toBe(true);
    const screenshot = process.env.EQLKIT_SCREENSHOT;
    if (screenshot) {
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot as `${string}.png` });
    }
    // Typing narrows them down to `name`, a field (its kind's icon), not a word.
    await page.keyboard.type('na');
    await page.waitForFunction(() => [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row')].some((r) => r.querySelector('.label-name')?.textContent === 'name' && r.querySelector('.codicon-symbol-field') !== null), { timeout: 15_000 }).catch(async () => {
      throw new Error(`no field \`name\` among the suggestions after ${prefix}na: ${(await suggestionLabels(page)).join(', ')} (after ${prefix}: ${first.join(', ')})`);
    });
    await page.keyboard.press('Escape');
    // Leave the document as it was.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
  }), 120_000);

  it('dry-runs the example rule on the sample events and shows the alerts', () => withLogs(async () => {
    await openFile(page, 'msiexec-remote-file-execution.toml');
    await runCommand(page, 'EQL: Dry Run on Sample Events');
    await page.waitForFunction(`${REPORT_LINES}.some((l) => l.startsWith('EQL dry run:'))`, { timeout: 90_000 });
    const text = ((await page.evaluate(REPORT_LINES)) as string[]).join('\n');
    const expected = JSON.parse(readFileSync(join(repoRoot, 'examples/msiexec-expected-alerts.json'), 'utf8')) as { alerts: unknown[] };
    expect(text).toContain(`${expected.alerts.length} alert${expected.alerts.length === 1 ? '' : 's'} (sequence`);
    // Each stage's count of matched events, with the stage's text.
    expect(text).toMatch(/^ +1 +\d+ +\[process where host\.os\.type == "windows"/m);
    expect(text).toMatch(/^ +3 +\d+ +\[process where/m);
    // The server's code lens above the query now tells the result.
    const rule = readFileSync(exampleRule, 'utf8');
    await chord(page, ['Control'], 'Digit1');
    await goTo(page, positionOf(rule, "query = '''").line + 2, 1);
    const alerts = `${expected.alerts.length} alert${expected.alerts.length === 1 ? '' : 's'}`;
    await page.waitForFunction((a: string) => [...document.querySelectorAll('.codelens-decoration')].some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(a)), { timeout: 30_000 }, alerts);
  }), 150_000);
});
