// The project configuration (`.eqlkit.json`, see the README's "Configuration") as `eql query` and `eql check`
// apply it: found by walking up from the first input (or the current folder), or named with --config;
// command-line flags override it. Problems are printed with their location; an error stops the command (exit 2).
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ProjectConfig } from '@eqlkit/core';
import { findProjectConfig, loadProjectConfig } from '@eqlkit/core/io';
import { UsageError, type CliIo, type OptionSpec } from './command.js';

export const CONFIG_OPTION: Record<string, OptionSpec> = {
  config: { type: 'string', value: 'FILE', description: 'the project configuration (default: the nearest .eqlkit.json above the first input)' },
};

/** Where to start looking: the first input's folder (a folder itself), else the current folder. */
function startDir(inputs: readonly string[]): string {
  const first = inputs.find((p) => p !== '-' && !/[*?[{]/.test(p));
  if (!first) return process.cwd();
  try {
    const abs = resolve(first);
    return existsSync(abs) && statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return process.cwd();
  }
}

/** The configuration that applies ({} when there is none). */
export function cliProjectConfig(values: Record<string, unknown>, inputs: readonly string[], io: CliIo, command: string): ProjectConfig {
  const named = typeof values['config'] === 'string' ? values['config'] : undefined;
  if (named !== undefined && !existsSync(named)) throw new UsageError(`--config ${named}: no such file`);
  const file = named ?? findProjectConfig(startDir(inputs));
  if (!file) return {};
  const loaded = loadProjectConfig(file);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  loaded.messages.forEach((m, i) => {
    if (loaded.problems[i].severity !== 'error') io.stderr.write(`eql ${command}: ${m}\n`);
  });
  if (errors.length) throw new UsageError(loaded.messages.filter((_, i) => loaded.problems[i].severity === 'error').join('\n'));
  return loaded.config;
}
