/**
 * The settings that apply to a document: the project configuration file (`.eqlkit.json`, the nearest one in the
 * document's folder or above it) overridden by the client's `eql` section (`workspace/configuration`, per
 * document), over the defaults. Resolved once per document and kept (the same objects, so the language service's caches
 * stay warm) until the client says its configuration changed.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { DocumentSettings, ProjectConfig, SchemaLayer } from '@eqlkit/core';
import { loadSchemaFile, projectConfigFor } from '@eqlkit/core/io';
import { SampleValues } from './sample-values.js';

/**
 * The client's `eql` settings (the extension contributes these; see extension/package.json): the same names and
 * meanings as the project configuration file, which they override.
 */
export type ClientSettings = ProjectConfig;

export interface ResolvedSettings {
  /** What the language service gets. */
  readonly document: DocumentSettings;
  /** Schema layers from schema and mapping files (a dry run uses them as `eql query --schema/--mapping`). */
  readonly layers: readonly SchemaLayer[];
  /** Sample event files or globs for dry runs, relative to `baseDir`. */
  readonly sampleEvents: readonly string[];
  /** Where relative paths are resolved: the workspace folder holding the document, else the document's folder. */
  readonly baseDir: string;
  /** Settings that could not be used (an unreadable schema file…), to tell the user once. */
  readonly problems: readonly string[];
  /** The project configuration file that applied, if any. */
  readonly configFile?: string;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
const field = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A file path of a `file:` URI, or undefined. */
export function uriPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The project configuration with the client's settings over it: a client setting left empty does not override. */
export function mergeSettings(project: ProjectConfig | undefined, client: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(project ?? {}) };
  if (client && typeof client === 'object') {
    for (const [k, v] of Object.entries(client)) {
      const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
      if (!empty) out[k] = v;
    }
  }
  return out;
}

/** Client settings (possibly malformed: they come from a user's JSON) → resolved settings. Never throws. */
export function resolveSettings(raw: unknown, baseDir: string): ResolvedSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const layers: SchemaLayer[] = [];
  for (const f of [...strings(s['mappingFiles']), ...strings(s['schemaFiles'])]) {
    try {
      layers.push(loadSchemaFile(isAbsolute(f) ? f : resolve(baseDir, f)).layer);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  const indexes = strings(s['indexes']);
  const document: DocumentSettings = {
    ...(indexes.length ? { indexes } : {}),
    ...(layers.length ? { extraLayers: layers } : {}),
    ...(field(s['timestampField']) ? { timestampField: field(s['timestampField']) } : {}),
    ...(field(s['tiebreakerField']) ? { tiebreakerField: field(s['tiebreakerField']) } : {}),
    ...(field(s['eventCategoryField']) ? { eventCategoryField: field(s['eventCategoryField']) } : {}),
  };
  return { document, layers, sampleEvents: strings(s['sampleEvents']), baseDir, problems };
}

export class SettingsStore {
  private readonly resolved = new Map<string, Promise<ResolvedSettings>>();
  private readonly latest = new Map<string, ResolvedSettings>();
  private workspaceFolders: string[] = [];
  /** Whether the client answers `workspace/configuration`. */
  pull = false;
  /** Settings a client pushed with `workspace/didChangeConfiguration` (used when it cannot be asked). */
  pushed: unknown;

  /**
   * `onUpdate` is told when a document's settings gained the values of its sample events (read in the background
   * after the settings themselves, so the first diagnostics do not wait for them).
   */
  constructor(
    private readonly connection: Connection,
    private readonly onUpdate: (uri: string) => void = () => {},
    private readonly samples = new SampleValues(),
  ) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.map(uriPath).filter((p): p is string => p !== undefined);
  }

  /** The workspace folder holding a document, else its folder, else the server's working directory. */
  baseDirOf(uri: string): string {
    const path = uriPath(uri);
    if (!path) return this.workspaceFolders[0] ?? process.cwd();
    const folder = this.workspaceFolders.filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
    return folder ?? dirname(path);
  }

  /** The settings of a document (fetched from the client once, then kept). */
  get(uri: string): Promise<ResolvedSettings> {
    let p = this.resolved.get(uri);
    if (!p) {
      p = this.fetch(uri).then((r) => {
        this.latest.set(uri, r);
        this.addSampleValues(uri, r);
        return r;
      });
      this.resolved.set(uri, p);
    }
    return p;
  }

  /** What is known now, without waiting (defaults until the client has answered). */
  now(uri: string): ResolvedSettings {
    return this.latest.get(uri) ?? resolveSettings(undefined, this.baseDirOf(uri));
  }

  /** Whether the document's settings have arrived (until then its diagnostics wait for them). */
  known(uri: string): boolean {
    return this.latest.has(uri);
  }

  forget(uri: string): void {
    this.resolved.delete(uri);
    this.latest.delete(uri);
  }

  /** The client's configuration changed: everything is fetched again (and the sample events read again). */
  invalidate(): void {
    this.resolved.clear();
    this.samples.clear();
  }

  private addSampleValues(uri: string, r: ResolvedSettings): void {
    if (r.sampleEvents.length === 0) return;
    void this.samples.get(r.sampleEvents, r.baseDir).then((sampleValues) => {
      if (!sampleValues || this.latest.get(uri) !== r) return; // none, or the settings changed meanwhile
      const withValues: ResolvedSettings = { ...r, document: { ...r.document, sampleValues } };
      this.latest.set(uri, withValues);
      this.resolved.set(uri, Promise.resolve(withValues));
      this.onUpdate(uri);
    });
  }

  private async fetch(uri: string): Promise<ResolvedSettings> {
    let raw: unknown = this.pushed;
    if (this.pull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'eql' });
      } catch {
        raw = undefined; // a client that fails to answer gets the defaults
      }
    }
    const path = uriPath(uri);
    const project = path ? projectConfigFor(dirname(path)) : undefined;
    const resolved = resolveSettings(mergeSettings(project?.config, raw), this.baseDirOf(uri));
    if (!project) return resolved;
    return { ...resolved, problems: [...project.messages, ...resolved.problems], configFile: project.file };
  }
}
