/** `1 event`, `2 events`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `N queries, M with errors[…][, K skipped (not EQL)][, F files not loaded]`. */
export function summaryLine(queries: number, withErrors: number, skipped: number, extra = '', failedFiles = 0): string {
  const notLoaded = failedFiles ? `, ${plural(failedFiles, 'file')} not loaded` : '';
  return `${queries} ${queries === 1 ? 'query' : 'queries'}, ${withErrors} with errors${extra}${skipped ? `, ${skipped} skipped (not EQL)` : ''}${notLoaded}`;
}
