/**
 * Monte Carlo draws over Node worker threads: min(os.availableParallelism(), cap) workers (or as
 * many as asked), progress as they go, an AbortSignal to cancel (the workers are terminated).
 *
 * A run costs the main thread one message per worker each way. Each worker is sent the input
 * (a structured clone: typed arrays and small objects) once, with the run's shared memory (SharedArrayBuffers): a counter from which the workers take
 * chunks of draws themselves — guided self-scheduling, chunks shrinking toward the end so the
 * workers finish together (engine/risk/blocks.ts chunkSize), with no round trip to the main
 * thread between chunks — and each draw's figures, which the kernel writes at their draw index.
 * Each worker adds its draws' per-institution counts in its own arrays and posts them once, at
 * the end (transferred); the main thread adds the workers' counts. Figures by draw index and
 * integer counts: the result is the same bit for bit whatever the number of workers, and the
 * same as the page's pool (blocks.ts mergeBlocks).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import type { Merged } from '../../engine/risk/blocks.ts';
import type { RiskInput } from '../../engine/risk/prepare.ts';
import { CTL_BYTES, DONE, type Done, type Shared, type Task } from './protocol.ts';
import { threadCpuMs, wallMs, type RunTrace } from './trace.ts';

/** At most this many workers unless asked for more. */
export const WORKER_CAP = 8;

/** How often a run with a progress callback reads the shared count of draws done, ms. */
export const PROGRESS_EVERY_MS = 50;

export interface RunOptions {
  signal?: AbortSignal;
  /** Draws done so far (over all workers) and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Filled with where the run's time went (the bench's GBSIM_RISK_TRACE); off without it. */
  trace?: RunTrace;
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

  /** All draws of `input` (input.draws) over the pool. */
  async run(input: RiskInput, opts: RunOptions = {}): Promise<Merged> {
    const { signal, onProgress, trace } = opts;
    if (signal?.aborted) throw abortError(signal);
    const { draws, n } = input;
    const workers = this.spawn(Math.max(1, Math.min(this.size, draws)));
    const k = workers.length;
    const id = this.nextId++;
    // (The input's size is measured before the run's CPU time is.)
    if (trace) Object.assign(trace, { workers: [], messages: 0, postedBytes: serialize(input).length });
    const cpu0 = trace ? threadCpuMs() : 0;
    if (trace) trace.start = wallMs();
    const shared: Shared = {
      ctl: new SharedArrayBuffer(CTL_BYTES),
      closing: new SharedArrayBuffer(8 * draws), months: new SharedArrayBuffer(8 * draws), afUsed: new SharedArrayBuffer(8 * draws),
      exhausted: new SharedArrayBuffer(draws),
    };
    const ctl = new Int32Array(shared.ctl);
    const replies: Done[] = [];
    let settle: () => void = () => {};
    let fail: (e: unknown) => void = () => {};
    const finished = new Promise<void>((resolve, reject) => { settle = resolve; fail = reject; });
    const cleanups: (() => void)[] = [];
    const onAbort = () => fail(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal?.removeEventListener('abort', onAbort));
    for (const w of workers) {
      const onMessage = (m: Done) => {
        if (m.id !== id) return;
        if (trace) trace.messages++;
        replies.push(m);
        if (replies.length === k) settle();
      };
      const onError = (e: Error) => fail(e);
      const onExit = (code: number) => fail(new Error(`a risk worker stopped (exit code ${code})`));
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      cleanups.push(() => { w.off('message', onMessage).off('error', onError).off('exit', onExit); });
    }
    let shown = 0;
    const report = () => {
      const done = Atomics.load(ctl, DONE);
      if (done > shown) { shown = done; onProgress!(done, draws); }
    };
    if (onProgress) {
      const timer = setInterval(report, PROGRESS_EVERY_MS);
      cleanups.push(() => clearInterval(timer));
    }
    try {
      const p0 = trace ? threadCpuMs() : 0;
      for (const w of workers) w.postMessage({ type: 'run', id, input, shared, workers: k, trace: !!trace } satisfies Task);
      if (trace) trace.postCpu = threadCpuMs() - p0;
      await finished;
      const m0 = trace ? threadCpuMs() : 0;
      const merged = mergeCounts(replies, shared, draws, n);
      if (onProgress) report();
      if (trace) {
        const c = threadCpuMs();
        Object.assign(trace, { workers: replies.map((r) => r.trace!), mergeCpu: c - m0, mainCpu: c - cpu0, end: wallMs() });
      }
      return merged;
    } catch (e) {
      void this.close();
      throw e;
    } finally {
      for (const c of cleanups) c();
    }
  }
}

/** The run's figures, copied out of shared memory, and the workers' counts added up; every draw settled once. */
function mergeCounts(replies: readonly Done[], shared: Shared, draws: number, n: number): Merged {
  const m: Merged = {
    draws, n,
    closing: new Float64Array(shared.closing).slice(), months: new Float64Array(shared.months).slice(),
    afUsed: new Float64Array(shared.afUsed).slice(), exhausted: new Uint8Array(shared.exhausted).slice(),
    overCount: new Uint32Array(n), rewardCount: new Uint32Array(n), noPointValue: 0,
  };
  let settled = 0;
  for (const r of replies) {
    if (r.overCount.length !== n || r.rewardCount.length !== n) throw new Error(`a worker's counts do not fit ${n} institutions`);
    settled += r.settled;
    m.noPointValue += r.noPointValue;
    for (let h = 0; h < n; h++) {
      m.overCount[h]! += r.overCount[h]!;
      m.rewardCount[h]! += r.rewardCount[h]!;
    }
  }
  if (settled !== draws) throw new Error(`the workers settled ${settled} draws of ${draws}`);
  return m;
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
