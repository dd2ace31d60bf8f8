/**
 * When a document's diagnostics are computed: soon after each change, with a delay that follows the cost of the
 * document's last analysis (a small rule is analysed at once, a huge document waits for typing to pause), and
 * only for the latest version: a change cancels the pending run.
 */
export class DiagnosticScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly costs = new Map<string, number>();

  /** `run` computes and publishes; it returns how long that took (ms). */
  constructor(
    private readonly run: (uri: string) => number,
    private readonly maxDelayMs = 300,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const cost = this.costs.get(uri) ?? 0;
    const delay = Math.min(this.maxDelayMs, Math.round(cost * 2));
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
