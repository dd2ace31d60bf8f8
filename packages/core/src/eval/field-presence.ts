/**
 * Finds the fields of a query that no event has a value for, which is how a misspelt field shows when there is no
 * mapping to check against: the query runs, matches nothing, and says nothing. Elasticsearch would reject such a
 * field (its index never mapped it), so after a run we warn, with "did you mean" from the fields the events do have.
 * `?field` says the field may be missing, so it is not reported.
 *
 * Cost: each parsed event is checked only for the fields not seen yet (usually none after the first few events).
 */
import type { FieldRef, Statement } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import { checkDiagnostic } from '../check/catalog.js';
import { pathToEql } from '../check/fields.js';
import type { Diagnostic, Suggestion } from '../diagnostics/diagnostic.js';
import { inferSchema } from '../schema/infer.js';
import type { FieldAccessor } from '../values/field-access.js';
import type { Event } from './event.js';
import type { FieldPlanner } from './field-plan.js';

const hasValue = () => true;

/** Events kept to suggest field names from. */
const SAMPLE_SIZE = 200;

export class FieldPresence {
  private unseen: { readonly ref: FieldRef; readonly accessor: FieldAccessor }[];
  private readonly sample: Event[] = [];
  private events = 0;

  constructor(ast: Statement, planner: FieldPlanner) {
    // One report per field name, at its first use.
    const refs = new Map<string, FieldRef>();
    walk(ast, (n) => {
      if (n.kind === 'field' && !n.optional && !refs.has(n.name)) refs.set(n.name, n);
    });
    this.unseen = [...refs.values()].map((ref) => ({ ref, accessor: planner.forRef(ref).accessor }));
  }

  /** Notes one parsed event. */
  observe(ev: Event): void {
    this.events++;
    if (this.unseen.length === 0) return;
    if (this.sample.length < SAMPLE_SIZE) this.sample.push(ev);
    // Only a field seen for the first time changes the list: most events allocate nothing here.
    if (this.unseen.some((u) => u.accessor.some(ev, hasValue))) this.unseen = this.unseen.filter((u) => !u.accessor.some(ev, hasValue));
  }

  /** A warning per field reference that no event had a value for (none when no event was read at all). */
  diagnostics(): Diagnostic[] {
    if (this.events === 0 || this.unseen.length === 0) return [];
    const known = inferSchema(this.sample).schema;
    return this.unseen.map(({ ref }) => {
      const suggestions: Suggestion[] = known.suggest(ref.name, 3).map((c) => ({ message: `did you mean \`${c}\`?`, edits: [{ span: ref.span, text: pathToEql(c) }] }));
      suggestions.push({ message: `write \`?${ref.name}\` if the field may be missing`, edits: [{ span: { start: ref.span.start, end: ref.span.start }, text: '?' }] });
      return checkDiagnostic('field-not-in-data', ref.span, { name: ref.name, events: this.events }, suggestions);
    });
  }
}
