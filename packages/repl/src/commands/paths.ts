/** File-path completion for `.load` and `.export`: entries of the folder named so far, folders ending in `/`. */
import { readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { homedir } from 'node:os';

export function completePath(prefix: string, cwd: string, accept: (name: string) => boolean = () => true): string[] {
  const slash = prefix.lastIndexOf('/');
  const dirPart = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const namePart = prefix.slice(slash + 1);
  const expanded = dirPart.startsWith('~/') ? join(homedir(), dirPart.slice(2)) : dirPart;
  const dir = expanded === '' ? cwd : isAbsolute(expanded) ? expanded : join(cwd, expanded);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.name.startsWith(namePart) && (namePart.startsWith('.') || !e.name.startsWith('.')))
    .filter((e) => e.isDirectory() || accept(e.name))
    .map((e) => dirPart + e.name + (e.isDirectory() ? '/' : ''))
    .sort();
}
