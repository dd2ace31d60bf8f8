// Dry-run reports as read-only documents (`eqlkit-dry-run:` URIs), opened beside the rule: a report reads from its
// top (summary and per-stage counts first), keeps its place while the author edits, and is replaced by the next run.
import { basename } from 'node:path';
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'eqlkit-dry-run';

export class DryRunReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? 'This dry-run report is gone: run EQL: Dry Run on Sample Events again.\n';
  }

  /** Shows (or refreshes) the report of the document at `source`, beside it, without taking the focus. */
  async show(source: vscode.Uri, text: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${basename(source.path)} (dry run)`, query: source.toString() });
    this.reports.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }

  dispose(): void {
    this.changed.dispose();
    this.reports.clear();
  }
}
