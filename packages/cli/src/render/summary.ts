/** `1 event`, `2 events`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `N queries, M with errors[…][, K skipped (not EQL)]`. */
export function summaryLine(queries: number, withErrors: number, skipped: number, extra = ''): string {
  return `${queries} ${queries === 1 ? 'query' : 'queries'}, ${withErrors} with errors${extra}${skipped ? `, ${skipped} skipped (not EQL)` : ''}`;
}
