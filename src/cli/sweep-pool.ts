/**
 * Sweeps and tornados on worker_threads. A plan's points are split into contiguous slices over
 * the pool's workers and the outcomes put back by index, so the result is the same whatever
 * the number of workers (and the same as in one thread). The pool is started once and serves
 * every sweep of a command; cancelling (an AbortSignal) stops its workers.
 *
 * Starting a worker costs about a second or more here (each loads the engine and mathjs through
 * tsx), so `workers: 'auto'` evaluates small plans in this thread, where the engine is loaded.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { evaluatePoints, splitPoints, type Plan, type PointOutcome } from '../engine/sweep.ts';
import type { Scenario } from '../format/types.ts';
import type { SweepJob, SweepReply } from './sweep-worker.ts';

/** More workers than this rarely pays on a desktop: each holds its own engine and scenario. */
export const WORKER_CAP = 4;

/** Below this many institution-runs (points × institutions, ≈ 1.5 s of work) 'auto' stays in this thread. */
export const INLINE_LIMIT = 100_000;

export const defaultWorkers = (): number => Math.max(1, Math.min(availableParallelism(), WORKER_CAP));

/** The number of workers 'auto' uses for a plan: 0 (this thread) for small ones. */
export function autoWorkers(plan: Plan, institutions: number): number {
  if (!workerEntry) return 0;
  return plan.points.length * institutions <= INLINE_LIMIT ? 0 : Math.min(defaultWorkers(), plan.points.length);
}

/**
 * The worker threads' entry. Running TypeScript in a Node 20 worker needs tsx registered in
 * that thread, and only bin/ may load tsx (docs/ARCHITECTURE.md), so bin/gbsim.mjs names its
 * entry (bin/sweep-worker.mjs, which runs ./sweep-worker.ts) here before any command runs.
 */
let workerEntry: URL | null = null;
export function setWorkerEntry(url: URL): void {
  workerEntry = url;
}
export const hasWorkerEntry = (): boolean => workerEntry !== null;

export class SweepPool {
  private workers: Worker[] = [];
  private nextJob = 1;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('a pool needs at least one worker');
    if (!workerEntry) throw new Error('no worker entry: setWorkerEntry(bin/sweep-worker.mjs) first (bin/gbsim.mjs does)');
  }

  private worker(k: number): Worker {
    while (this.workers.length <= k) this.workers.push(new Worker(workerEntry!));
    return this.workers[k]!;
  }

  /** Every point of `plan`; `onProgress(done, total)` as slices report. */
  async evaluate(scenario: Scenario, plan: Plan, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<PointOutcome[]> {
    const total = plan.points.length;
    const slices = splitPoints(plan, this.size);
    const out = new Array<PointOutcome>(total);
    const doneBy = slices.map(() => 0);
    const report = () => onProgress?.(doneBy.reduce((a, b) => a + b, 0), total);
    await Promise.all(slices.map((indices, k) => new Promise<void>((resolve, reject) => {
      const w = this.worker(k);
      const job = this.nextJob++;
      const cleanup = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (r: SweepReply) => {
        if (r.job !== job) return;
        if ('progress' in r) { doneBy[k] = r.progress; report(); return; }
        cleanup();
        if ('error' in r) { reject(new Error(`sweep worker failed: ${r.error}`)); return; }
        indices.forEach((i, j) => { out[i] = r.outcomes[j]!; });
        doneBy[k] = indices.length;
        report();
        resolve();
      };
      const onError = (e: Error) => { cleanup(); reject(e); };
      const onExit = (code: number) => { cleanup(); reject(new Error(`sweep worker stopped (exit code ${code}) before answering`)); };
      const onAbort = () => { cleanup(); void this.close(); reject(new DOMException('the sweep was cancelled', 'AbortError')); };
      if (signal?.aborted) { onAbort(); return; }
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage({ job, scenario, plan, indices } satisfies SweepJob);
    })));
    return out;
  }

  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }
}

/** Every point of `plan` over `workers` threads (0: this thread), with a pool of its own. */
export async function evaluateAll(scenario: Scenario, plan: Plan, workers: number, onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal): Promise<PointOutcome[]> {
  if (workers <= 0) {
    const total = plan.points.length;
    const all = evaluatePoints(scenario, plan, plan.points.map((_, i) => i), (d) => onProgress?.(d, total));
    return all;
  }
  const pool = new SweepPool(workers);
  try {
    return await pool.evaluate(scenario, plan, onProgress, signal);
  } finally {
    await pool.close();
  }
}
