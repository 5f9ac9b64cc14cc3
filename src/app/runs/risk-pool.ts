/**
 * The page's side of Monte Carlo runs: a small pool of risk workers (workers/risk.worker.ts,
 * started in workers.ts),
 * as many as navigator.hardwareConcurrency allows up to a cap. One worker prepares the
 * kernel's input from the scenario, which crosses to every worker once; chunks of draws are
 * handed out as workers finish theirs (engine/risk/blocks.ts runChunked: a worker slowed by the
 * page or another program takes fewer); blocks come back transferred and are merged by draw index — so 1 worker or 8, the summary is
 * the same bit for bit, and the same as Node's. Progress as draws are done; an AbortSignal
 * cancels (the workers are terminated, the next run starts fresh ones). Nothing runs on the
 * page's thread but the merge and the summary (a sort of the draws' figures).
 */
import { proxy } from 'comlink';
import { riskWorker, type Hosted } from './workers.ts';
import { cancellation } from './cancellable.ts';
import type { RiskWorkerApi } from '../../../workers/risk.worker.ts';
import { chunkProgress, mergeBlocks, runChunked } from '../../engine/risk/blocks.ts';
import { summarize, type RiskSummary } from '../../engine/risk/summary.ts';
import type { PerDraw } from '../../sheets/plan-export.ts';
import { RiskError, type RiskMeta } from '../../engine/risk/prepare.ts';
import type { RiskParams } from '../../engine/risk/params.ts';
import type { Scenario } from '../../format/types.ts';

/** At most this many workers unless asked for more. */
export const POOL_CAP = 8;

export function defaultWorkers(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Math.min(n || 1, POOL_CAP));
}

export interface RiskRunOptions {
  signal?: AbortSignal;
  /** Draws done so far (over all workers) and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RiskRun {
  summary: RiskSummary;
  /** Each draw's fund figures (for the per-draw sheet of the export), draw order. */
  perDraw: PerDraw;
  meta: RiskMeta;
  workers: number;
  /** Time to prepare the input (one worker) and to run the draws (the input sent to all, every chunk), ms. */
  ms: { prepare: number; draws: number };
}

type Handle = Hosted<RiskWorkerApi>;

/** Workers kept across runs (warm: no start-up, the kernel already compiled by the JIT). */
export class RiskPool {
  private handles: Handle[] = [];

  constructor(readonly size = defaultWorkers()) {
    if (!(Number.isInteger(size) && size >= 1)) throw new Error(`a pool needs a whole number of workers ≥ 1, not ${size}`);
  }

  /** Terminate every worker. */
  close(): void {
    for (const h of this.handles.splice(0)) h.worker.terminate();
  }

  private take(k: number): Handle[] {
    while (this.handles.length < k) this.handles.push(riskWorker());
    return this.handles.slice(0, k);
  }

  /** Run `params.draws` draws of `scenario`. Refusals reject with a RiskError naming the fields. */
  async run(scenario: Scenario, params: RiskParams, opts: RiskRunOptions = {}): Promise<RiskRun> {
    const { signal, onProgress } = opts;
    const cancel = cancellation(signal, 'risk run', () => this.close());
    try {
      const t0 = performance.now();
      const handles = this.take(Math.max(1, Math.min(this.size, params.draws)));
      const prepared = await cancel.race(handles[0]!.api.prepare(scenario, params));
      if (!prepared.ok) throw new RiskError(prepared.issues);
      const { input, meta } = prepared;
      const t1 = performance.now();
      await cancel.race(Promise.all(handles.map((h) => h.api.load(input))));
      // A chunk's progress comes on its own channel and may trail its block: the block counts too.
      const progress = chunkProgress(params.draws, onProgress);
      const blocks = await runChunked(params.draws, handles.length, async (k, from, to) => {
        const b = await cancel.race(handles[k]!.api.runDraws(from, to, proxy((done: number) => progress(from, done))));
        progress(from, to - from);
        return b;
      });
      const t2 = performance.now();
      const merged = mergeBlocks(blocks, params.draws, input.n);
      return { summary: summarize(merged), perDraw: { closing: merged.closing, months: merged.months, afUsed: merged.afUsed, exhausted: merged.exhausted },
        meta, workers: handles.length, ms: { prepare: t1 - t0, draws: t2 - t1 } };
    } finally {
      cancel.detach();
    }
  }
}

/** One run over a fresh pool of `workers` workers, terminated afterwards. */
export async function runRisk(scenario: Scenario, params: RiskParams, opts: RiskRunOptions & { workers?: number } = {}): Promise<RiskRun> {
  const pool = new RiskPool(opts.workers ?? defaultWorkers());
  try {
    return await pool.run(scenario, params, opts);
  } finally {
    pool.close();
  }
}
