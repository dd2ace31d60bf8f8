/**
 * Piped mode (standard input is not a terminal): no Ink. Each line is a query or a meta-command; a line that leaves
 * a bracket, string or comment open continues on the next. Results go to standard output in the chosen format
 * (default: the table), problems with their location (`<stdin>:LINE:COL`) to standard error.
 * Exit status: 0 when everything ran, 1 when a query or command had errors, 2 when the input could not be read.
 */
import type { Readable, Writable } from 'node:stream';
import { dispatch, isBlank } from './session/dispatch.js';
import { continuesPrevious, wantsMore } from './session/continuation.js';
import { syntaxErrorOffsets } from './session/syntax.js';
import type { ReplSession } from './session/session.js';
import { renderReport } from './render/report.js';
import { styleFor } from './render/style.js';
import type { CommandContext, CommandStatus } from './commands/types.js';

export interface PipedIo {
  readonly stdin: Readable;
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean };
}

/** Reads the script from `io.stdin` and runs it; resolves to the exit status. */
export async function runPiped(session: ReplSession, io: PipedIo, cwd: string): Promise<number> {
  const style = styleFor(io.stdout);
  const errStyle = styleFor(io.stderr);
  const width = io.stdout.columns ?? 160;
  let exitRequested = false;
  const write = (stream: Writable, text: string) => stream.write(text.endsWith('\n') ? text : text + '\n');
  const ctx: CommandContext = {
    session,
    style,
    width,
    cwd,
    exit: () => {
      exitRequested = true;
    },
    out: {
      print: (t) => write(io.stdout, t),
      error: (t) => write(io.stderr, t),
      report: (r) => {
        const rendered = renderReport(r, { style: r.kind === 'done' ? style : errStyle, width, settings: session.settings, terminal: io.stdout.isTTY === true });
        for (const t of rendered.out) write(io.stdout, t);
        for (const t of rendered.err) write(io.stderr, t);
      },
    },
  };
  let failed = false;
  let buffer = '';
  let startLine = 0;
  let lineNo = 0;
  const run = async (text: string, line: number) => {
    if (isBlank(text)) return;
    const status: CommandStatus = await dispatch(text, ctx, { label: '<stdin>', line });
    if (status === 'error') failed = true;
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  // A complete query waits for the next line: one starting with `|`, `[`, `and`… continues it.
  let ready: { text: string; line: number } | undefined;
  const take = async (line: string) => {
    lineNo++;
    if (ready) {
      if (continuesPrevious(line)) {
        buffer = ready.text;
        startLine = ready.line;
        ready = undefined;
      } else {
        const r = ready;
        ready = undefined;
        await run(r.text, r.line);
        if (exitRequested) return;
      }
    }
    if (buffer === '') startLine = lineNo;
    buffer = buffer === '' ? line : `${buffer}\n${line}`;
    if (!wantsMore(buffer, syntaxErrorOffsets)) {
      ready = { text: buffer, line: startLine };
      buffer = '';
    }
  };
  try {
    for await (const chunk of io.stdin) {
      pending += decoder.decode(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array), { stream: true });
      if (pending.includes('\u0000')) throw new Error('the input holds NUL bytes: it is not text');
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0 && !exitRequested) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        await take(line);
      }
      if (exitRequested) break;
    }
    if (!exitRequested) {
      pending += decoder.decode();
      if (pending !== '') await take(pending);
      if (ready && !exitRequested) await run(ready.text, ready.line);
      // The end of the input ends an unfinished query: it runs, and shows what is missing.
      if (buffer !== '' && !exitRequested) await run(buffer, startLine);
    }
  } catch (e) {
    const reason = e instanceof TypeError ? 'the input is not valid UTF-8 text' : e instanceof Error ? e.message : String(e);
    write(io.stderr, `eql repl: cannot read standard input: ${reason}`);
    return 2;
  }
  return failed ? 1 : 0;
}
