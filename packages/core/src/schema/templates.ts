// Wildcard field paths such as `aws.*.metrics.*.*` or `kubernetes.audit.user.extra.*`. Integration packages
// declare them for keys only known at ingest time (ES dynamic templates); as in ES `path_match`, `*` matches
// any run of characters, dots included.
import type { FieldInfo } from './types.js';

/** Matches concrete paths against declared wildcard paths; the most specific (most literal characters) wins. */
export class TemplateIndex {
  private readonly entries: { info: FieldInfo; re: RegExp; literal: number }[];

  constructor(templates: readonly FieldInfo[]) {
    this.entries = templates
      .map((info) => ({
        info,
        re: new RegExp(`^${info.path.split('*').map(escapeRegExp).join('.+')}$`),
        literal: info.path.replaceAll('*', '').length,
      }))
      .sort((a, b) => b.literal - a.literal);
  }

  /** The best template matching `path`, if any. A path containing `*` itself never matches. */
  match(path: string): FieldInfo | undefined {
    if (this.entries.length === 0 || path.includes('*')) return undefined;
    return this.entries.find((e) => e.re.test(path))?.info;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
