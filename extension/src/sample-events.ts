// "EQL: Choose Sample Events…": pick the event files that dry runs use, stored in the `eql.sampleEvents` setting
// (workspace-relative where possible, so the setting can be committed with the rules).
import * as vscode from 'vscode';

/** Asks for event files and saves them; returns the new setting, or undefined when the user cancelled. */
export async function chooseSampleEvents(): Promise<string[] | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    canSelectFiles: true,
    canSelectFolders: false,
    defaultUri: folder?.uri,
    openLabel: 'Use as sample events',
    title: 'Sample events for EQL dry runs',
    filters: { 'Events (NDJSON, JSON)': ['ndjson', 'jsonl', 'json'], 'All files': ['*'] },
  });
  if (!picked || picked.length === 0) return undefined;
  const paths = picked.map((uri) => {
    const relative = vscode.workspace.asRelativePath(uri, false);
    return relative === uri.fsPath ? uri.fsPath : relative;
  });
  const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('eql').update('sampleEvents', paths, target);
  void vscode.window.setStatusBarMessage(`EQL: ${paths.length} sample event file${paths.length === 1 ? '' : 's'} chosen`, 4000);
  return paths;
}
