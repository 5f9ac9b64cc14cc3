/**
 * Monte Carlo draws over Node worker threads: draws handed out in chunks to
 * min(os.availableParallelism(), cap) workers (or as many as asked), progress as they go, an
 * AbortSignal to cancel (the workers are terminated). The kernel's input crosses as typed
 * arrays; blocks come back transferred and are merged by draw index, so the result is the same
 * bit for bit whatever the number of workers.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { chunkProgress, mergeBlocks, runChunked, type Merged } from '../../engine/risk/blocks.ts';
import type { DrawBlock } from '../../engine/risk/kernel.ts';
import type { RiskInput } from '../../engine/risk/prepare.ts';
import type { Task } from './worker.ts';

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

type Message = { type: 'progress'; id: number; from: number; done: number } | { type: 'done'; id: number; block: DrawBlock };

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

  /**
   * All draws of `input` (input.draws) over the pool: the input crosses to each worker once,
   * then chunks of draws are handed out as workers finish theirs (blocks.ts runChunked).
   */
  async run(input: RiskInput, opts: RunOptions = {}): Promise<Merged> {
    const { signal, onProgress } = opts;
    if (signal?.aborted) throw abortError(signal);
    const workers = this.spawn(Math.max(1, Math.min(this.size, input.draws)));
    const id = this.nextId++;
    const progress = chunkProgress(input.draws, onProgress);
    // A chunk's block resolves the promise waiting on its first draw; any failure rejects them all.
    const waiting = new Map<number, (b: DrawBlock) => void>();
    let fail: (e: unknown) => void = () => {};
    const failed = new Promise<never>((_, reject) => { fail = reject; });
    failed.catch(() => {}); // only raced
    const cleanups: (() => void)[] = [];
    const onAbort = () => fail(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal?.removeEventListener('abort', onAbort));
    for (const w of workers) {
      const onMessage = (m: Message) => {
        if (m.id !== id) return;
        if (m.type === 'progress') progress(m.from, m.done);
        else waiting.get(m.block.from)?.(m.block);
      };
      const onError = (e: Error) => fail(e);
      const onExit = (code: number) => fail(new Error(`a risk worker stopped (exit code ${code})`));
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      cleanups.push(() => { w.off('message', onMessage).off('error', onError).off('exit', onExit); });
      w.postMessage({ type: 'input', id, input } satisfies Task);
    }
    try {
      const blocks = await runChunked(input.draws, workers.length, (k, from, to) => {
        const done = new Promise<DrawBlock>((resolve) => waiting.set(from, (b) => { waiting.delete(from); resolve(b); }));
        workers[k]!.postMessage({ type: 'chunk', id, from, to } satisfies Task);
        return Promise.race([done, failed]);
      });
      return mergeBlocks(blocks, input.draws, input.n);
    } catch (e) {
      void this.close();
      throw e;
    } finally {
      for (const c of cleanups) c();
    }
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
