/**
 * Monte Carlo draws over Node worker threads: draws split into contiguous ranges over
 * min(os.availableParallelism(), cap) workers (or as many as asked), progress as they go, an
 * AbortSignal to cancel (the workers are terminated). The kernel's input crosses as typed
 * arrays; blocks come back transferred and are merged by draw index, so the result is the same
 * bit for bit whatever the number of workers.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { mergeBlocks, splitDraws, type Merged } from '../../engine/risk/blocks.ts';
import type { DrawBlock } from '../../engine/risk/kernel.ts';
import type { RiskInput } from '../../engine/risk/prepare.ts';

/** At most this many workers unless asked for more. */
export const WORKER_CAP = 8;

export interface RunOptions {
  signal?: AbortSignal;
  /** Draws done so far (over all workers) and the total. */
  onProgress?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), WORKER_CAP));
}

/**
 * Where worker threads start: bin/risk-worker.mjs, named by bin/gbsim.mjs (and by tests and the
 * bench). Node 20 threads do not inherit the parent's loader hooks, so a thread must register
 * tsx itself, as bin/ does; src/cli neither loads tsx nor knows bin/.
 */
let workerEntry: URL | null = null;
export function setRiskWorkerEntry(url: URL): void {
  workerEntry = url;
}

export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The risk run was cancelled', 'AbortError');
}

type Message = { type: 'progress'; id: number; done: number } | { type: 'done'; id: number; block: DrawBlock };

/** A set of worker threads kept across runs (a warm pool skips start-up and JIT warm-up). */
export class NodeRiskPool {
  private workers: Worker[] = [];
  private nextId = 1;

  constructor(readonly size = defaultWorkers()) {
    if (!(Number.isInteger(size) && size >= 1)) throw new Error(`a pool needs a whole number of workers ≥ 1, not ${size}`);
  }

  private spawn(k: number): Worker[] {
    if (!workerEntry) throw new Error('no worker entry: call setRiskWorkerEntry(bin/risk-worker.mjs) first (bin/gbsim.mjs does)');
    while (this.workers.length < k) this.workers.push(new Worker(workerEntry));
    return this.workers.slice(0, k);
  }

  /** Stop every worker (a cancelled run leaves none behind; the next run starts fresh ones). */
  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }

  /** All draws of `input` (input.draws), split over the pool. */
  async run(input: RiskInput, opts: RunOptions = {}): Promise<Merged> {
    const { signal, onProgress } = opts;
    if (signal?.aborted) throw abortError(signal);
    const ranges = splitDraws(input.draws, this.size);
    const workers = this.spawn(ranges.length);
    const id = this.nextId++;
    const done = new Array<number>(ranges.length).fill(0);
    const blocks = await new Promise<DrawBlock[]>((resolve, reject) => {
      const out = new Array<DrawBlock>(ranges.length);
      let left = ranges.length;
      const cleanups: (() => void)[] = [];
      const settle = (e?: unknown) => {
        for (const c of cleanups) c();
        if (e === undefined) resolve(out);
        else { void this.close(); reject(e); }
      };
      const onAbort = () => settle(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal?.removeEventListener('abort', onAbort));
      workers.forEach((w, k) => {
        const onMessage = (m: Message) => {
          if (m.id !== id) return;
          if (m.type === 'progress') {
            done[k] = m.done;
            onProgress?.(done.reduce((a, b) => a + b, 0), input.draws);
          } else {
            out[k] = m.block;
            if (--left === 0) settle();
          }
        };
        const onError = (e: Error) => settle(e);
        const onExit = (code: number) => settle(new Error(`a risk worker stopped (exit code ${code})`));
        w.on('message', onMessage).on('error', onError).on('exit', onExit);
        cleanups.push(() => { w.off('message', onMessage).off('error', onError).off('exit', onExit); });
        const [from, to] = ranges[k]!;
        w.postMessage({ id, input, from, to });
      });
    });
    return mergeBlocks(blocks, input.draws, input.n);
  }
}

/** One run over a fresh pool of `workers` threads, closed afterwards. */
export async function runDrawsInWorkers(input: RiskInput, opts: RunOptions & { workers?: number } = {}): Promise<Merged> {
  const pool = new NodeRiskPool(opts.workers ?? defaultWorkers());
  try {
    return await pool.run(input, opts);
  } finally {
    await pool.close();
  }
}
