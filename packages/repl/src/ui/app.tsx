/**
 * The interactive REPL: past inputs and their output scroll above (Ink's <Static>); below, the input with live
 * highlighting and diagnostics, the completion menu, the Ctrl-R search, the progress of a running query, or the
 * pager of a long result. Every key updates state through functional updates (and a ref mirror), so keys typed
 * faster than the screen redraws are applied in order and none is lost.
 */
import { Box, Static, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { terminalSafe, type Diagnostic, type SessionProgress } from '@eqlkit/core';
import type { CommandContext } from '../commands/types.js';
import { renderReport } from '../render/report.js';
import { styleFor } from '../render/style.js';
import { wantsMore } from '../session/continuation.js';
import { syntaxErrorOffsets } from '../session/syntax.js';
import { dispatch, isBlank } from '../session/dispatch.js';
import type { ReplSession } from '../session/session.js';
import * as ed from '../input/editor.js';
import { commonPrefix, completionsAt, type Completion } from '../input/completion.js';
import type { History } from '../input/history.js';
import { InputView } from './input-view.js';
import { DiagnosticsView } from './diagnostics-view.js';
import { CompletionView } from './completion-view.js';
import { ProgressView } from './progress-view.js';

/** Time after the last key before the input is checked (typing never waits for it). */
export const DIAGNOSTICS_DELAY_MS = 120;

interface Line {
  readonly id: number;
  readonly text: string;
}

interface Menu extends Completion {
  readonly selected: number;
}

interface Search {
  readonly needle: string;
  readonly match: { index: number; entry: string } | undefined;
}

interface Pager {
  readonly lines: readonly string[];
  readonly shown: number;
  readonly after: readonly string[];
}

interface Running {
  readonly abort: AbortController;
  readonly started: number;
}

export interface AppProps {
  readonly session: ReplSession;
  readonly history: History;
  readonly cwd: string;
  /** Rows per result page (default: the terminal's height less the prompt). */
  readonly pageRows?: number;
  readonly banner?: readonly string[];
}

let nextId = 0;

/**
 * A sequence or sample typed over several lines may take more stages: Enter at the end of a line that closes a stage
 * starts a new line, and Enter on an empty line (or anywhere else in the text) runs it.
 */
export function awaitsStage(s: ed.EditorState): boolean {
  if (s.cursor !== s.text.length || !s.text.includes('\n') || !/^\s*(sequence|sample)\b/.test(s.text)) return false;
  return /\]\s*$/.test(s.text.slice(s.text.lastIndexOf('\n') + 1));
}

/**
 * Text that arrived in one read: typed fast or pasted. Terminals send several keys at once then (`\x7f\x7f` for two
 * Backspaces), so control characters inside it still edit; line breaks are inserted (a paste never runs half a query).
 */
export function typeChunk(s: ed.EditorState, chunk: string): ed.EditorState {
  let out = s;
  let run = '';
  const flush = () => {
    if (run) out = ed.insert(out, run);
    run = '';
  };
  for (const c of chunk) {
    if (c === '\x7f' || c === '\b') {
      flush();
      out = ed.backspace(out);
    } else if (c === '\r' || c === '\n') run += '\n';
    else if (c >= ' ' || c === '\t') run += c;
  }
  flush();
  return out;
}

export function App(props: AppProps) {
  const { session, history, cwd } = props;
  const { exit } = useApp();
  const { stdout } = useStdout();
  const width = Math.max(40, stdout.columns ?? 100);
  const style = useMemo(() => styleFor({ isTTY: true }), []);
  const [lines, setLines] = useState<Line[]>(() => (props.banner ?? []).map((text) => ({ id: nextId++, text })));
  const [editor, setEditorState] = useState<ed.EditorState>(ed.EMPTY);
  const editorRef = useRef(editor);
  const [menu, setMenu] = useState<Menu | undefined>();
  const [search, setSearch] = useState<Search | undefined>();
  const [pager, setPager] = useState<Pager | undefined>();
  const [running, setRunning] = useState<Running | undefined>();
  const [progress, setProgress] = useState<SessionProgress | undefined>();
  const [now, setNow] = useState(Date.now());
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>([]);
  const browse = useRef<{ index: number; draft: string } | undefined>(undefined);
  const menuRef = useRef(menu);
  menuRef.current = menu;
  const searchRef = useRef(search);
  searchRef.current = search;
  const pagerRef = useRef(pager);
  pagerRef.current = pager;
  const runningRef = useRef(running);
  runningRef.current = running;

  const print = (text: string) => setLines((old) => [...old, ...text.split('\n').map((t) => ({ id: nextId++, text: t }))]);
  const update = (f: (s: ed.EditorState) => ed.EditorState) => {
    editorRef.current = f(editorRef.current);
    setEditorState(editorRef.current);
  };

  // Live diagnostics, debounced; the analysis follows the session's settings (indexes, loaded data).
  useEffect(() => {
    const text = editor.text;
    if (isBlank(text) || /^\s*\./.test(text)) {
      setDiagnostics([]);
      return;
    }
    const timer = setTimeout(() => setDiagnostics(session.analysis().diagnostics(text)), DIAGNOSTICS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [editor.text, session]);

  const tokens = useMemo(() => (/^\s*\./.test(editor.text) ? [] : session.analysis().tokens(editor.text)), [editor.text, session]);

  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);

  const pageRows = props.pageRows ?? session.settings.pageSize ?? Math.max(5, (stdout.rows ?? 24) - 4);

  const submit = async (text: string) => {
    print(text.split('\n').map((l, i) => `${style.green.bold(i === 0 ? 'eql> ' : '...> ')}${terminalSafe(l)}`).join('\n'));
    update(() => ed.EMPTY);
    setDiagnostics([]);
    browse.current = undefined;
    if (isBlank(text)) return;
    history.add(text);
    if (history.problem) {
      print(style.yellow(history.problem));
      history.problem = undefined;
    }
    const abort = new AbortController();
    let last = 0;
    const run: Running = { abort, started: Date.now() };
    setRunning(run);
    setProgress(undefined);
    let exitAfter = false;
    let paged: string[] = [];
    let after: string[] = [];
    const ctx: CommandContext = {
      session,
      style,
      width,
      cwd,
      signal: abort.signal,
      onProgress: (p) => {
        const t = Date.now();
        if (t - last > 100) {
          last = t;
          setProgress(p);
        }
      },
      exit: () => {
        exitAfter = true;
      },
      out: {
        print,
        error: (t) => print(t),
        report: (r) => {
          const rendered = renderReport(r, { style, width, settings: session.settings, terminal: true });
          for (const t of rendered.err) print(t);
          if (rendered.table && rendered.table.length > pageRows) {
            paged = rendered.table;
            after = rendered.status ? [rendered.status] : [];
          } else for (const t of rendered.out) print(t);
        },
      },
    };
    try {
      await dispatch(text, ctx, { label: '<input>', line: 1 });
    } finally {
      setRunning(undefined);
    }
    if (exitAfter) {
      exit();
      return;
    }
    if (paged.length) {
      print(paged.slice(0, pageRows).join('\n'));
      setPager({ lines: paged, shown: Math.min(pageRows, paged.length), after });
    }
  };

  const applyCandidate = (m: Completion, index: number) => {
    const c = m.candidates[index];
    update((s) => ed.replaceRange(s, m.from, m.to, c.insert));
  };

  const complete = () => {
    const s = editorRef.current;
    const c = completionsAt(s.text, s.cursor, session, session.analysis(), cwd);
    if (!c || c.candidates.length === 0) return;
    if (c.candidates.length === 1) {
      applyCandidate(c, 0);
      return;
    }
    const typed = s.text.slice(c.from, c.to);
    const prefix = commonPrefix(c.candidates);
    if (prefix.length > typed.length && prefix.startsWith(typed)) {
      update((st) => ed.replaceRange(st, c.from, c.to, prefix));
      return;
    }
    setMenu({ ...c, selected: 0 });
  };

  useInput((input, key) => {
    // A running query: only Ctrl-C matters.
    if (runningRef.current) {
      if (key.ctrl && input === 'c') runningRef.current.abort.abort();
      return;
    }
    const pg = pagerRef.current;
    if (pg) {
      if (input === 'q' || key.escape || (key.ctrl && input === 'c')) {
        print(style.dim(`(${pg.lines.length - pg.shown} more rows not shown)`));
        for (const t of pg.after) print(t);
        setPager(undefined);
      } else {
        const step = key.return || key.downArrow ? 1 : pageRows;
        const next = Math.min(pg.lines.length, pg.shown + step);
        print(pg.lines.slice(pg.shown, next).join('\n'));
        if (next >= pg.lines.length) {
          for (const t of pg.after) print(t);
          setPager(undefined);
        } else setPager({ ...pg, shown: next });
      }
      return;
    }
    const sr = searchRef.current;
    if (sr) {
      if (key.ctrl && input === 'r') {
        const match = history.search(sr.needle, sr.match ? sr.match.index : undefined) ?? sr.match;
        setSearch({ ...sr, match });
      } else if (key.escape || (key.ctrl && (input === 'g' || input === 'c'))) setSearch(undefined);
      else if (key.return || key.tab || key.leftArrow || key.rightArrow) {
        if (sr.match) update(() => ed.setText(sr.match!.entry));
        setSearch(undefined);
      } else if (key.backspace || key.delete) {
        const needle = sr.needle.slice(0, -1);
        setSearch({ needle, match: needle ? history.search(needle) : undefined });
      } else if (input && !key.ctrl && !key.meta) {
        const needle = sr.needle + input;
        setSearch({ needle, match: history.search(needle) });
      }
      return;
    }
    const m = menuRef.current;
    if (m) {
      if (key.tab || key.downArrow) return setMenu({ ...m, selected: (m.selected + (key.shift && key.tab ? m.candidates.length - 1 : 1)) % m.candidates.length });
      if (key.upArrow) return setMenu({ ...m, selected: (m.selected + m.candidates.length - 1) % m.candidates.length });
      if (key.return) {
        applyCandidate(m, m.selected);
        return setMenu(undefined);
      }
      setMenu(undefined);
      if (key.escape) return;
    }
    if (key.ctrl) {
      switch (input) {
        case 'c':
          if (editorRef.current.text) update(() => ed.EMPTY);
          else print(style.dim('(Ctrl-D or .exit leaves)'));
          return;
        case 'd':
          if (editorRef.current.text === '') exit();
          else update(ed.deleteForward);
          return;
        case 'a':
          return update(ed.lineStart);
        case 'e':
          return update(ed.lineEnd);
        case 'u':
          return update(() => ed.EMPTY);
        case 'w':
          return update(ed.deleteWordBefore);
        case 'k':
          return update(ed.killToEnd);
        case 'b':
          return update(ed.left);
        case 'f':
          return update(ed.right);
        case 'r':
          return setSearch({ needle: '', match: undefined });
        case 'l':
          return;
      }
      return;
    }
    if (key.return) {
      const text = editorRef.current.text;
      if (key.meta || wantsMore(text, syntaxErrorOffsets) || awaitsStage(editorRef.current)) return update((s) => ed.insert(s, '\n'));
      void submit(text.trimEnd());
      return;
    }
    if (key.tab) return complete();
    if (key.backspace || key.delete) return update(ed.backspace);
    if (key.leftArrow) return update(ed.left);
    if (key.rightArrow) return update(ed.right);
    if (key.home) return update(ed.lineStart);
    if (key.end) return update(ed.lineEnd);
    if (key.upArrow || key.downArrow) {
      const delta = key.upArrow ? -1 : 1;
      const moved = ed.verticalMove(editorRef.current, delta);
      if (moved) return update(() => moved);
      const entries = history.entries;
      const cur = browse.current ?? { index: entries.length, draft: editorRef.current.text };
      const index = Math.min(entries.length, Math.max(0, cur.index + delta));
      if (index === cur.index) return;
      browse.current = { index, draft: cur.draft };
      return update(() => ed.setText(index === entries.length ? cur.draft : entries[index]));
    }
    if (key.escape || key.meta) return;
    if (input) update((s) => typeChunk(s, input));
  });

  return (
    <Box flexDirection="column">
      <Static items={lines}>{(l) => <Text key={l.id}>{l.text}</Text>}</Static>
      {running ? (
        <ProgressView progress={progress} elapsedMs={now - running.started} />
      ) : pager ? (
        <Text inverse>{` -- rows ${pager.shown} of ${pager.lines.length}: Space next page · Enter next row · q stop -- `}</Text>
      ) : (
        <Box flexDirection="column">
          <InputView text={editor.text} cursor={editor.cursor} tokens={tokens} marks={diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.span)} active={!search} />
          {search ? (
            <Text>
              <Text dimColor>{`(history search) '${terminalSafe(search.needle)}': `}</Text>
              {search.match ? terminalSafe(search.match.entry.replace(/\n/g, ' ⏎ ')) : search.needle ? <Text color="red">no match</Text> : ''}
            </Text>
          ) : null}
          {awaitsStage(editor) ? <Text dimColor>(another stage, or Enter on an empty line runs the query)</Text> : null}
          <DiagnosticsView text={editor.text} diagnostics={diagnostics} />
          {menu ? <CompletionView candidates={menu.candidates} selected={menu.selected} /> : null}
        </Box>
      )}
    </Box>
  );
}
