// Builds the .vsix exactly as `npm run package` does, unpacks it into an empty folder, and starts the bundled
// server from there alone (no repository, no node_modules around it): the initialize handshake over stdio, then a
// document whose misspelt field can only be reported if the bundled schemas were found.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionDir } from './textmate.js';

const MAX_BYTES = 20 * 1024 * 1024;

/** Extracts a zip file (a .vsix) into `into`; returns the names of its entries. */
function unzip(file: string, into: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error(`cannot open ${file}`));
      const names: string[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(names));
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        const target = join(into, entry.fileName);
        if (!target.startsWith(into + '/')) return reject(new Error(`unsafe path in the .vsix: ${entry.fileName}`));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        mkdirSync(dirname(target), { recursive: true });
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
          pipeline(stream, createWriteStream(target)).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  });
}

describe('the packaged .vsix', () => {
  let vsix: string;
  let unpacked: string;
  let files: string[];
  let server: ChildProcess | undefined;
  let connection: MessageConnection | undefined;
  let stderr = '';

  beforeAll(async () => {
    const run = (script: string, ...args: string[]) => execFileSync(process.execPath, [join(extensionDir, 'scripts', script), ...args], { cwd: extensionDir, stdio: 'pipe', timeout: 180_000 });
    // `npm test` has just run the root build (which bundles the server): only the extension's own build is left.
    run('build.mjs', '--no-root-build');
    run('package.mjs');
    const built = readdirSync(extensionDir).filter((f) => f.endsWith('.vsix'));
    expect(built).toHaveLength(1);
    vsix = join(extensionDir, built[0]);
    unpacked = mkdtempSync(join(tmpdir(), 'eqlkit-vsix-'));
    files = await unzip(vsix, unpacked);
  }, 240_000);

  afterAll(() => {
    connection?.dispose();
    if (server?.exitCode === null) server.kill('SIGKILL');
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  });

  it('is one self-contained package under 20 MB: bundles, schemas, grammars, no sources or node_modules', () => {
    expect(statSync(vsix).size).toBeLessThan(MAX_BYTES);
    for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/schemas/index-map.json',
      'extension/dist/schemas/ecs-flat.json', 'extension/syntaxes/eql.tmLanguage.json', 'extension/syntaxes/eql-in-toml.injection.tmLanguage.json',
      'extension/language-configuration.json']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.includes('node_modules/') || f.endsWith('.ts') || f.includes('/src/') || f.endsWith('.map'))).toEqual([]);
  });

  it('holds every file its manifest names: the entry point, grammars and language configurations', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'extension/package.json'), 'utf8')) as {
      main: string;
      contributes: { grammars: { path: string }[]; languages: { configuration?: string }[] };
    };
    const named = [manifest.main, ...manifest.contributes.grammars.map((g) => g.path), ...manifest.contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : []))];
    expect(named.length).toBeGreaterThan(4);
    for (const path of named) expect(files, path).toContain(join('extension', path));
  });

  it('starts its bundled server from the unpacked package alone and answers over stdio', async () => {
    const serverJs = join(unpacked, 'extension/dist/server.js');
    server = spawn(process.execPath, [serverJs, '--stdio'], { cwd: unpacked, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    server.stderr?.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    const exited = new Promise<number | null>((resolve) => server?.once('exit', (code) => resolve(code)));
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const diagnostics = new Promise<{ uri: string; diagnostics: { code?: string; message: string }[] }>((resolve) => {
      connection?.onNotification('textDocument/publishDiagnostics', (params) => resolve(params as never));
    });
    connection.listen();

    const init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as { capabilities: Record<string, unknown> };
    expect(init.capabilities).toHaveProperty('textDocumentSync');
    expect(init.capabilities).toHaveProperty('completionProvider');
    await connection.sendNotification('initialized', {});

    const uri = `file://${unpacked}/check.eql`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'eql', version: 1, text: 'process where process.nmae == "cmd.exe"\n' } });
    const published = await Promise.race([diagnostics, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics within 20 s; server stderr:\n${stderr}`)), 20_000))]);
    expect(published.uri).toBe(uri);
    expect(published.diagnostics.map((d) => d.code), stderr).toContain('eql/unknown-field');

    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000))]);
    expect(code, stderr).toBe(0);
  }, 60_000);
});
