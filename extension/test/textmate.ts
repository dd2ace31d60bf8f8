// Loads the extension's TextMate grammars into vscode-textmate (the engine VS Code itself uses, with the same
// Oniguruma regular expressions), so tests tokenize text exactly as the editor colours it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface GrammarContribution {
  readonly scopeName: string;
  readonly path: string;
  readonly injectTo?: readonly string[];
}

export function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(extensionDir, relativePath), 'utf8')) as T;
}

const contributions = readJson<{ contributes: { grammars: GrammarContribution[] } }>('package.json').contributes.grammars;

let registry: textmate.Registry | undefined;

async function getRegistry(): Promise<textmate.Registry> {
  if (registry) return registry;
  const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const contribution = contributions.find((g) => g.scopeName === scopeName);
      if (!contribution) return null;
      const path = join(extensionDir, contribution.path);
      return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
    getInjections: (scopeName: string) => contributions.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
  return registry;
}

export interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Every token of `text` with its scope stack (outermost first). */
export async function tokenize(scopeName: string, text: string): Promise<Token[]> {
  const grammar = await (await getRegistry()).loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} not found`);
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) tokens.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

/** The scopes of the first token whose text is `text` (after `from` tokens matching it were skipped). */
export function scopesOf(tokens: readonly Token[], text: string, skip = 0): readonly string[] {
  const found = tokens.filter((t) => t.text === text)[skip];
  if (!found) throw new Error(`no token ${JSON.stringify(text)} (#${skip}) among ${tokens.map((t) => JSON.stringify(t.text)).join(' ')}`);
  return found.scopes;
}

export function hasScope(scopes: readonly string[], prefix: string): boolean {
  return scopes.some((s) => s === prefix || s.startsWith(prefix + '.') || s.split(' ').some((part) => part === prefix || part.startsWith(prefix + '.')));
}
