/** Mounts the Ink REPL on the terminal and resolves to the exit status when the user leaves. */
import { render } from 'ink';
import { plural } from '../render/report.js';
import type { ReplSession } from '../session/session.js';
import { defaultHistoryFile, History } from '../input/history.js';
import { App } from './app.js';
import type { ReplOptions } from '../index.js';

export async function runInteractive(session: ReplSession, options: ReplOptions): Promise<number> {
  await session.learnData();
  const history = new History(options.historyFile ?? defaultHistoryFile());
  const fields = session.learnedFields()?.length ?? 0;
  const banner = [
    `eql repl — ${session.data.length ? `${plural(session.data.length, 'input')} loaded, ${plural(fields, 'field')} (see .files, .fields)` : 'no data loaded yet (.load FILE|GLOB)'}; .help lists the commands, Ctrl-D leaves`,
  ];
  const app = render(<App session={session} history={history} cwd={options.cwd} banner={banner} />, {
    stdin: options.stdin as NodeJS.ReadStream,
    stdout: options.stdout as NodeJS.WriteStream,
    stderr: options.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await app.waitUntilExit();
  return 0;
}
