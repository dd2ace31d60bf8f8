/**
 * A fixed set of query worker threads. Tasks go to the worker with the fewest outstanding ones; each task's promise
 * settles with that worker's answer. A worker that fails or exits rejects its outstanding tasks, and the pool then
 * refuses new ones. `close()` terminates every worker (call it in a `finally`).
 */
import { Worker } from 'node:worker_threads';
import type { ChunkResult, ChunkTask, WorkerInit, WorkerReply } from './protocol.js';

interface Pending {
  readonly resolve: (r: ChunkResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private failure: Error | undefined;
  private closed = false;

  constructor(script: string | URL, init: WorkerInit, size: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => this.start(script, init));
  }

  private start(script: string | URL, init: WorkerInit): Slot {
    const worker = new Worker(script, { workerData: init });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      const seq = reply.ok ? reply.result.seq : reply.seq;
      const p = slot.pending.get(seq);
      if (!p) return;
      slot.pending.delete(seq);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(`query worker failed: ${reply.message}`));
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
    };
    worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`query worker exited unexpectedly (code ${code})`));
    });
    return slot;
  }

  /** Sends a chunk (its buffer is transferred) to the least busy worker. */
  submit(task: ChunkTask): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    let slot = this.slots[0];
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    return new Promise<ChunkResult>((resolve, reject) => {
      slot.pending.set(task.seq, { resolve, reject });
      slot.worker.postMessage(task, [task.buffer]);
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Stops every worker; outstanding tasks are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closing = new Error('the worker pool is closed');
    for (const s of this.slots) {
      for (const p of s.pending.values()) p.reject(closing);
      s.pending.clear();
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
