// The VS Code face of eqlkit: a thin client that starts the bundled language server (dist/server.js, `--stdio`)
// for `.eql` files and detection-rule `.toml` files, and adds the commands the protocol has no place for: showing
// a dry run's results, choosing the sample events, restarting the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DRY_RUN_COMMAND, runDryRun, type DryRunArguments } from './dry-run.js';
import { DryRunReports, REPORT_SCHEME } from './dry-run-report.js';
import { chooseSampleEvents } from './sample-events.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const reports = new DryRunReports();
  context.subscriptions.push(reports, vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports));

  const clientOptions: LanguageClientOptions = {
    // `.toml` files other than detection rules get no diagnostics: the server finds no `[rule]` query in them.
    documentSelector: [
      { language: 'eql' },
      { language: 'toml', pattern: '**/*.toml' },
    ],
    synchronize: { configurationSection: 'eql' },
    middleware: {
      // The server's code lens runs `eql.dryRun` directly: show its results like the command's.
      executeCommand: async (command, args, next) => {
        if (command !== DRY_RUN_COMMAND || !client) return next(command, args);
        return runDryRun(client, reports, args[0] as DryRunArguments | undefined);
      },
    },
  };
  client = new LanguageClient('eql', 'EQL Language Server', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('eqlkit.dryRun', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showWarningMessage('EQL dry run: open an .eql file or a detection-rule .toml file first.');
        return undefined;
      }
      if (!client) return undefined;
      return runDryRun(client, reports, { uri: target.toString() });
    }),
    vscode.commands.registerCommand('eqlkit.chooseSampleEvents', () => chooseSampleEvents()),
    vscode.commands.registerCommand('eqlkit.restartServer', async () => {
      if (!client) return;
      await client.restart();
      void vscode.window.setStatusBarMessage('EQL language server restarted', 3000);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping) await stopping.stop();
}
