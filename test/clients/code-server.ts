/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Runs code-server (VS Code in the browser) with the extension installed, in throw-away HOME/XDG folders, and
// drives it with Debian's Chromium through puppeteer-core. Everything it starts is killed by `stop()`.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const run = promisify(execFile);

export interface CodeServerSession {
  readonly page: Page;
  readonly workspace: string;
  readonly root: string;
  /** The last lines code-server, its extension host and the browser console logged (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

export interface Options {
  readonly codeServer: string;
  readonly chromium: string;
  readonly vsix: string;
  /** Files to put in the workspace folder: name → content. */
  readonly files: Record<string, string>;
  readonly settings?: Record<string, unknown>;
}

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--window-size=1400,900'];

export async function startCodeServer(o: Options): Promise<CodeServerSession> {
  const root = mkdtempSync(join(tmpdir(), 'eqlkit-code-server-'));
  const dirs = { home: 'home', config: 'config', data: 'data', cache: 'cache', userData: 'user-data', extensions: 'extensions', workspace: 'workspace', chrome: 'chrome' };
  for (const d of Object.values(dirs)) mkdirSync(join(root, d), { recursive: true });
  const at = (d: keyof typeof dirs) => join(root, dirs[d]);
  const env = { ...process.env, HOME: at('home'), XDG_CONFIG_HOME: at('config'), XDG_DATA_HOME: at('data'), XDG_CACHE_HOME: at('cache'), XDG_RUNTIME_DIR: at('cache') };
  const common = ['--user-data-dir', at('userData'), '--extensions-dir', at('extensions')];

  for (const [name, text] of Object.entries(o.files)) {
    mkdirSync(join(at('workspace'), name, '..'), { recursive: true });
    writeFileSync(join(at('workspace'), name), text);
  }
  mkdirSync(join(at('userData'), 'User'), { recursive: true });
  writeFileSync(join(at('userData'), 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    // Suggestions appear only when asked (or after `.`), so the test sees exactly the list it asked for.
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.wordBasedSuggestions': 'off',
    ...o.settings,
  }, null, 2));

  const install = await run(o.codeServer, [...common, '--install-extension', o.vsix], { env, timeout: 120_000 }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`code-server --install-extension failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  });
  if (!/successfully installed/i.test(install.stdout + install.stderr)) throw new Error(`code-server did not install ${o.vsix}:\n${install.stdout}${install.stderr}`);

  const port = await freePort();
  const log: string[] = [];
  const keep = (prefix: string) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log.push(`${prefix}${line}`);
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  // Its own process group, so that stop() ends the extension host and the language server with it.
  const server: ChildProcess = spawn(o.codeServer, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', at('workspace')], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', keep('code-server: '));
  server.stderr?.on('data', keep('code-server: '));
  let browser: Browser | undefined;

  const logs = () => {
    const exthost: string[] = [];
    const logsDir = join(at('userData'), 'logs');
    for (const f of walk(logsDir)) if (/exthost|EQL|eql/i.test(f)) exthost.push(`--- ${f.slice(logsDir.length + 1)}\n${readFileSync(f, 'utf8').split('\n').slice(-60).join('\n')}`);
    return [...log.slice(-80), ...exthost].join('\n');
  };
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (server.pid !== undefined && server.exitCode === null) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
      await new Promise((resolve) => { const t = setTimeout(resolve, 5000); server.once('exit', () => { clearTimeout(t); resolve(undefined); }); });
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
    browser = await puppeteer.launch({
      executablePath: o.chromium,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${at('chrome')}`],
      defaultViewport: { width: 1400, height: 900 },
      timeout: 60_000,
    });
    const page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error') log.push(`browser: ${m.text()}`); });
    page.on('pageerror', (e) => log.push(`browser page error: ${String(e)}`));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(at('workspace'))}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 90_000 });
    await page.waitForSelector('#status\\.problems', { timeout: 90_000 });
    return { page, workspace: at('workspace'), root, logs, stop };
  } catch (e) {
    const detail = logs();
    await stop();
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${detail}`);
  }
}

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.log')) yield path;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited (status ${server.exitCode}) before serving ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Presses a key with modifiers held (`['Control', 'Shift'], 'KeyM'`). */
export async function chord(page: Page, modifiers: readonly ('Control' | 'Shift' | 'Alt')[], key: Parameters<Page['keyboard']['press']>[0]): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await chord(page, ['Control', 'Shift'], 'KeyP');
  await page.waitForSelector('.quick-input-widget input', { visible: true, timeout: 10_000 });
  await page.keyboard.type(title);
  await page.waitForFunction((t: string) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.getAttribute('aria-label') ?? '').includes(t)), { timeout: 10_000 }, title);
  await page.keyboard.press('Enter');
}

/** Opens a workspace file through Quick Open and waits until its editor tab is active. */
export async function openFile(page: Page, name: string): Promise<void> {
  await chord(page, ['Control'], 'KeyP');
  await page.waitForSelector('.quick-input-widget input', { visible: true, timeout: 10_000 });
  await page.keyboard.type(name);
  await page.waitForFunction((n: string) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.getAttribute('aria-label') ?? '').includes(n)), { timeout: 15_000 }, name);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n: string) => document.querySelector('.tab.active')?.getAttribute('aria-label')?.startsWith(n) ?? false, { timeout: 15_000 }, name);
}

/** Puts the cursor on a 1-based line and column with "Go to Line/Column". */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await chord(page, ['Control'], 'KeyG');
  await page.waitForSelector('.quick-input-widget input', { visible: true, timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((l: number, c: number) => document.querySelector('#status\\.editor\\.selection')?.textContent?.includes(`Ln ${l}, Col ${c}`) ?? false, { timeout: 10_000 }, line, column);
}
