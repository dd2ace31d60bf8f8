/** The files that event specs (files, globs) name, with their sizes, and the specs that name nothing readable. */
import { measureInputs as measureAll } from '@eqlkit/core/io';

export interface SpecFile {
  readonly spec: string;
  readonly name: string;
  readonly size: number;
}

export async function measureInputs(specs: readonly string[], cwd: string): Promise<{ files: SpecFile[]; problems: { spec: string; file: string; message: string }[] }> {
  const files: SpecFile[] = [];
  const problems: { spec: string; file: string; message: string }[] = [];
  for (const spec of specs) {
    if (spec === '-') {
      problems.push({ spec, file: spec, message: 'standard input cannot be loaded in the REPL (save the events to a file)' });
      continue;
    }
    const m = await measureAll([spec], cwd);
    if (m.problems || m.files.length === 0) problems.push({ spec, file: spec, message: m.files.length === 0 ? 'no such file, or no files match' : 'not a readable file' });
    else for (const f of m.files) files.push({ spec, name: f.name, size: f.size });
  }
  return { files, problems };
}
