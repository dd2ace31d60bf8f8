/**
 * The input history, kept across sessions in the user's state directory (`$XDG_STATE_HOME/eqlkit/repl_history`,
 * by default `~/.local/state/eqlkit/repl_history`). One JSON string per line, so multi-line queries survive.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const KEEP = 1000;

export function defaultHistoryFile(env: NodeJS.ProcessEnv = process.env): string {
  const state = env['XDG_STATE_HOME'] || join(env['HOME'] || homedir(), '.local', 'state');
  return join(state, 'eqlkit', 'repl_history');
}

export class History {
  readonly entries: string[] = [];
  /** Set when the file could not be written (reported once). */
  problem: string | undefined;

  constructor(private readonly file: string | undefined) {
    if (!file) return;
    try {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const v: unknown = JSON.parse(line);
          if (typeof v === 'string' && v.trim()) this.entries.push(v);
        } catch {
          // A line written by something else: skipped.
        }
      }
    } catch {
      // No history yet.
    }
    this.entries.splice(0, Math.max(0, this.entries.length - KEEP));
  }

  add(entry: string): void {
    if (!entry.trim() || this.entries[this.entries.length - 1] === entry) return;
    this.entries.push(entry);
    if (!this.file || this.problem) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, JSON.stringify(entry) + '\n');
    } catch (e) {
      this.problem = `history not saved (${this.file}): ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** The newest entry before index `before` (exclusive) that contains `needle`, with its index. */
  search(needle: string, before = this.entries.length): { index: number; entry: string } | undefined {
    for (let i = Math.min(before, this.entries.length) - 1; i >= 0; i--) if (this.entries[i].includes(needle)) return { index: i, entry: this.entries[i] };
    return undefined;
  }
}
