// Runs the server's `eql.dryRun` command on a document and shows the result as tables in a read-only report beside
// it, with a cancellable progress notification fed by the server's `$/progress` reports.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import type { DryRunReports } from './dry-run-report.js';
import { formatDryRun, type DryRunResponse } from './dry-run-table.js';
import { chooseSampleEvents } from './sample-events.js';

/** The server's command (see packages/lsp); its arguments are `[{ uri, events? }]`. */
export const DRY_RUN_COMMAND = 'eql.dryRun';

export interface DryRunArguments {
  readonly uri: string;
  /** Event files or globs; when absent the server uses the configured sample events. */
  readonly events?: readonly string[];
}

export async function runDryRun(client: LanguageClient, reports: DryRunReports, args: DryRunArguments | undefined): Promise<DryRunResponse | undefined> {
  if (!args?.uri) {
    void vscode.window.showWarningMessage('EQL dry run: no document to run.');
    return undefined;
  }
  const uri = vscode.Uri.parse(args.uri);
  const workDoneToken = randomUUID();
  try {
    const response = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `EQL dry run: ${basename(uri.path)}`, cancellable: true },
      async (progress, token) => {
        let reported = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? reported;
          progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
          reported = Math.max(reported, percentage);
        });
        try {
          return (await client.sendRequest(ExecuteCommandRequest.type, { command: DRY_RUN_COMMAND, arguments: [args], workDoneToken }, token)) as DryRunResponse | null;
        } finally {
          listener.dispose();
        }
      },
    );
    if (!response) return undefined;
    const events = args.events ?? vscode.workspace.getConfiguration('eql', uri).get<string[]>('sampleEvents');
    const timestampField = vscode.workspace.getConfiguration('eql', uri).get<string>('timestampField');
    await reports.show(uri, formatDryRun(response, { title: vscode.workspace.asRelativePath(uri, false), events, when: new Date(), timestampField }));
    return response;
  } catch (error) {
    if (error instanceof vscode.CancellationError || (error as { code?: number }).code === -32800) {
      void vscode.window.setStatusBarMessage('EQL dry run cancelled', 3000);
      return undefined;
    }
    const message = error instanceof Error ? error.message : String(error);
    // When the events are the problem (none configured, a file that is gone), offer to pick others.
    if (!/sample events|no such file|matched no|not found|cannot read/i.test(message)) {
      void vscode.window.showErrorMessage(`EQL dry run failed: ${message}`);
      return undefined;
    }
    const choose = 'Choose Sample Events…';
    const answer = await vscode.window.showErrorMessage(`EQL dry run failed: ${message}`, choose);
    if (answer === choose && (await chooseSampleEvents())) return runDryRun(client, reports, { uri: args.uri });
    return undefined;
  }
}
