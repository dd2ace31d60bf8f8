/**
 * The EQL language server: wires the protocol to the language service. No feature logic lives here: each handler
 * finds the document, asks the service (in document offsets, converted by positions.ts) and hands the answer to its
 * translator in features/. Works over any connection, so tests run it in process over a stream pair as well as
 * spawned (`eql lsp --stdio`, or the extension's bundled server.js).
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  InlayHintRefreshRequest,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ExecuteCommandParams,
  type Connection,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { createLanguageService, PROJECT_CONFIG_FILE, type LanguageService, type SessionProgress } from '@eqlkit/core';
import { loadBundledSchemas } from '@eqlkit/core/io';
import { DiagnosticScheduler } from './diagnostic-scheduler.js';
import { Documents, type OpenDocument } from './documents.js';
import { resolveCompletion, toLspCompletions, type CompletionClient, type CompletionData } from './features/completion.js';
import { toLspDiagnostics } from './features/diagnostics.js';
import { DRY_RUN_COMMAND, dryRun, dryRunArgs, type DryRunOutcome } from './features/dry-run.js';
import { codeLenses, stageHints } from './features/dry-run-views.js';
import { CODE_ACTION_KINDS, toLspCodeActions, toLspEdits } from './features/edits.js';
import { toLspHover, toLspSignatureHelp } from './features/hover.js';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semantic-tokens.js';
import { toLspFolding, toLspSelectionRanges, toLspSymbols } from './features/structure.js';
import { cancelled, notification, request } from './guard.js';
import { offsetAt, spanOf } from './positions.js';
import { SampleCounter } from './sample-count.js';
import { SettingsStore } from './settings.js';

export interface ServerOptions {
  /** The language service (default: one over the bundled schemas, created at `initialize`). */
  readonly service?: LanguageService;
  /** The query worker entry for dry runs over large event files (none: everything on the server's thread). */
  readonly workerScript?: URL;
}

export interface EqlServer {
  /** Stops pending work (timers, running dry runs). */
  dispose(): void;
}

/** Registers every handler on `connection`; the caller then calls `connection.listen()`. */
export function createServer(connection: Connection, options: ServerOptions = {}): EqlServer {
  const log = (m: string) => connection.console.error(m);
  const settings = new SettingsStore(connection, (uri) => scheduler.schedule(uri));
  let service = options.service;
  const languageService = (): LanguageService => (service ??= createLanguageService({ bundled: loadBundledSchemas() }));
  const documents = new Documents(languageService, settings);
  let capabilities: ClientCapabilities = {};
  const runs = new Map<string, DryRunOutcome[]>();
  const running = new Map<string, AbortController>();
  const samples = new SampleCounter();
  const told = new Set<string>();

  const open = (uri: string): OpenDocument | undefined => documents.get(uri);

  const scheduler = new DiagnosticScheduler((uri) => {
    const started = performance.now();
    const doc = open(uri);
    if (!doc) return 0;
    void connection.sendDiagnostics({ uri, version: doc.text.version, diagnostics: toLspDiagnostics(doc.text, doc.eql.diagnostics()) });
    return performance.now() - started;
  });

  /** Settings problems (an unreadable schema file) are told once each. */
  const tellProblems = (problems: readonly string[]) => {
    for (const p of problems) {
      if (told.has(p)) continue;
      told.add(p);
      void connection.window.showWarningMessage(`eql: ${p}`);
    }
  };
  const refreshSettings = async (uri: string) => {
    tellProblems((await settings.get(uri)).problems);
    scheduler.schedule(uri);
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    settings.pull = capabilities.workspace?.configuration === true;
    settings.setWorkspaceFolders([...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])]);
    languageService(); // load the schemas now, not at the first keystroke
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['.', '|', '[', '?', '"'], resolveProvider: true },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        executeCommandProvider: { commands: [DRY_RUN_COMMAND] },
      },
      serverInfo: { name: 'eql lsp' },
    };
  });

  connection.onInitialized(
    notification(log, 'initialized', () => {
      if (settings.pull && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eql' });
      }
      // Edits of a project configuration file apply at once.
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${PROJECT_CONFIG_FILE}` }] });
      }
    }),
  );

  const reconfigure = () => {
    settings.invalidate();
    for (const uri of documents.uris()) void refreshSettings(uri);
  };
  connection.onDidChangeConfiguration(
    notification(log, 'didChangeConfiguration', (params: { settings?: unknown }) => {
      const pushed = (params.settings as { eql?: unknown } | undefined)?.eql;
      if (pushed !== undefined) settings.pushed = pushed;
      reconfigure();
    }),
  );
  connection.onDidChangeWatchedFiles(
    notification(log, 'didChangeWatchedFiles', (params) => {
      if (params.changes.some((c) => c.uri.endsWith(`/${PROJECT_CONFIG_FILE}`))) reconfigure();
    }),
  );

  // Documents: the text is kept in sync by `TextDocuments`; these only schedule work.
  const texts = documents.texts;
  texts.listen(connection);
  texts.onDidOpen(notification(log, 'didOpen', (e) => refreshSettings(e.document.uri)));
  // (Also fired on open: the first diagnostics wait for the document's settings, scheduled by the open.)
  texts.onDidChangeContent(
    notification(log, 'didChange', (e) => {
      if (settings.known(e.document.uri)) scheduler.schedule(e.document.uri);
    }),
  );
  texts.onDidClose(
    notification(log, 'didClose', (e) => {
      const uri = e.document.uri;
      scheduler.forget(uri);
      running.get(uri)?.abort();
      runs.delete(uri);
      documents.forget(uri);
      settings.forget(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );

  const completionClient = (): CompletionClient => {
    const c = capabilities.textDocument?.completion;
    return {
      snippets: c?.completionItem?.snippetSupport === true,
      defaultRange: c?.completionList?.itemDefaults?.includes('editRange') === true,
      lazyDocumentation: c?.completionItem?.resolveSupport?.properties.includes('documentation') === true,
    };
  };

  connection.onCompletion(
    request(log, 'completion', (p) => {
      const d = open(p.textDocument.uri);
      if (!d) return null;
      const offset = offsetAt(d.text, p.position);
      return toLspCompletions(d.text, d.eql.completions(offset), completionClient(), offset);
    }),
  );
  connection.onCompletionResolve(
    request(log, 'completionResolve', (item) => {
      const data = item.data as CompletionData | undefined;
      const d = data && typeof data.uri === 'string' ? open(data.uri) : undefined;
      return resolveCompletion(item, d && typeof data?.offset === 'number' ? d.eql.completions(data.offset) : undefined);
    }),
  );
  connection.onHover(
    request(log, 'hover', (p) => {
      const d = open(p.textDocument.uri);
      return d ? toLspHover(d.text, d.eql.hover(offsetAt(d.text, p.position))) : null;
    }),
  );
  connection.onSignatureHelp(
    request(log, 'signatureHelp', (p) => {
      const d = open(p.textDocument.uri);
      return d ? toLspSignatureHelp(d.eql.signatureHelp(offsetAt(d.text, p.position))) : null;
    }),
  );
  connection.onDocumentFormatting(
    request(log, 'formatting', (p) => {
      const d = open(p.textDocument.uri);
      return d ? toLspEdits(d.text, d.eql.format()) : null;
    }),
  );
  connection.onDocumentRangeFormatting(
    request(log, 'rangeFormatting', (p) => {
      const d = open(p.textDocument.uri);
      return d ? toLspEdits(d.text, d.eql.format(spanOf(d.text, p.range))) : null;
    }),
  );
  connection.onCodeAction(
    request(log, 'codeAction', (p) => {
      const d = open(p.textDocument.uri);
      return d ? toLspCodeActions(d.text, d.eql.codeActions(spanOf(d.text, p.range)), p.context.only) : null;
    }),
  );
  connection.languages.semanticTokens.on(
    request(log, 'semanticTokens', (p) => {
      const d = open(p.textDocument.uri);
      return d ? encodeSemanticTokens(d.text, d.eql.semanticTokens()) : { data: [] };
    }),
  );
  connection.onDocumentSymbol(
    request(log, 'documentSymbol', (p) => {
      const d = open(p.textDocument.uri);
      return d ? toLspSymbols(d.text, d.eql.symbols()) : null;
    }),
  );
  connection.onFoldingRanges(
    request(log, 'foldingRange', (p) => {
      const d = open(p.textDocument.uri);
      return d ? toLspFolding(d.text, d.eql.foldingRanges()) : null;
    }),
  );
  connection.onSelectionRanges(
    request(log, 'selectionRange', (p) => {
      const d = open(p.textDocument.uri);
      if (!d) return null;
      const offsets = p.positions.map((pos) => offsetAt(d.text, pos));
      return toLspSelectionRanges(d.text, d.eql.selectionRanges(offsets), offsets);
    }),
  );
  connection.onCodeLens(
    request(log, 'codeLens', async (p) => {
      const uri = p.textDocument.uri;
      if (!open(uri)) return null;
      const s = await settings.get(uri);
      const count = runs.get(uri) ? undefined : await samples.count(s.sampleEvents, s.baseDir);
      const d = open(uri); // the document may have changed while counting
      return d ? codeLenses(d, runs.get(uri), count) : null;
    }),
  );
  connection.languages.inlayHint.on(
    request(log, 'inlayHint', (p) => {
      const d = open(p.textDocument.uri);
      return d ? stageHints(d, runs.get(p.textDocument.uri)) : null;
    }),
  );

  // Registered as a plain request so that the client's `workDoneToken` is still there to report progress on.
  connection.onRequest(
    ExecuteCommandRequest.type,
    request(log, 'executeCommand', async (p: ExecuteCommandParams, token) => {
      if (p.command !== DRY_RUN_COMMAND) throw new Error(`unknown command ${p.command}`);
      const args = dryRunArgs(p.arguments);
      const d = open(args.uri);
      if (!d) throw new Error(`${args.uri} is not open`);
      const s = await settings.get(args.uri);
      // A new run of a document replaces the one still running.
      running.get(args.uri)?.abort();
      const controller = new AbortController();
      running.set(args.uri, controller);
      token.onCancellationRequested(() => controller.abort());
      const progress = await workDone(p);
      progress.begin('EQL dry run', 0, 'reading events', true);
      progress.token?.onCancellationRequested(() => controller.abort());
      let reported = 0;
      const onProgress = (q: SessionProgress) => {
        const now = performance.now();
        if (now - reported < 100) return;
        reported = now;
        const percentage = q.totalBytes && q.bytesRead !== undefined ? Math.min(100, Math.floor((q.bytesRead / q.totalBytes) * 100)) : undefined;
        progress.report(percentage ?? 0, `${q.records.toLocaleString('en-US')} events read`);
      };
      try {
        const outcome = await dryRun(d, s, args, { signal: controller.signal, onProgress, workerScript: options.workerScript });
        runs.set(args.uri, [...(runs.get(args.uri) ?? []).filter((r) => r.queryIndex !== outcome.queryIndex), outcome]);
        if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => {});
        if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.sendRequest(InlayHintRefreshRequest.type).catch(() => {});
        return outcome.body;
      } catch (e) {
        if (controller.signal.aborted) throw cancelled();
        throw e;
      } finally {
        progress.done();
        if (running.get(args.uri) === controller) running.delete(args.uri);
      }
    }),
  );

  /** The client's progress for this request, else one the server creates when the client can show it. */
  async function workDone(params: ExecuteCommandParams): Promise<WorkDoneProgressReporter & { token?: { onCancellationRequested(f: () => void): void } }> {
    if (params.workDoneToken !== undefined) return connection.languages.attachWorkDoneProgress(params);
    if (capabilities.window?.workDoneProgress) {
      try {
        return await connection.window.createWorkDoneProgress();
      } catch {
        // fall through: no progress shown
      }
    }
    return { begin() {}, report() {}, done() {} };
  }

  return {
    dispose() {
      scheduler.dispose();
      for (const c of running.values()) c.abort();
    },
  };
}
