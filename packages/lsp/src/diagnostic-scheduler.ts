/**
 * When a document's diagnostics are computed: right after a change (changes that arrive together are coalesced, as
 * every change cancels the pending run, which runs on the next turn of the event loop), and, for a document whose
 * analysis is slow (over `slowMs`), after a pause as long as its last analysis took, so typing in a huge document
 * is not held up by analyses of versions that are already stale.
 */
export class DiagnosticScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly costs = new Map<string, number>();

  /** `run` computes and publishes; it returns how long that took (ms). */
  constructor(
    private readonly run: (uri: string) => number,
    private readonly maxDelayMs = 300,
    private readonly slowMs = 30,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const cost = this.costs.get(uri) ?? 0;
    const delay = cost < this.slowMs ? 0 : Math.min(this.maxDelayMs, Math.round(cost));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.costs.set(uri, this.run(uri));
      }, delay),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.costs.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }
}
