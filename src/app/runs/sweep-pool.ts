/**
 * The page's side of sweeps and tornados (DESIGN §9): analysis workers (workers/analysis.worker.ts)
 * as many as navigator.hardwareConcurrency allows up to a cap, kept warm between runs. One worker
 * plans (values, points, every problem by field); the points are split into contiguous slices
 * over the pool and each is an exact run in a worker; the outcomes are put back by index and
 * assembled — the same result on 1 worker or 8, and the same as `gbsim sweep`. Progress as
 * points are done; an AbortSignal cancels (the workers are terminated; the next run starts
 * fresh ones).
 */
import { proxy } from 'comlink';
import { analysisWorker, type Hosted } from './workers.ts';
import type { AnalysisApi } from '../../../workers/analysis.worker.ts';
import { assembleSweep, splitPoints, type PointOutcome, type SweepResult } from '../../engine/sweep.ts';
import { assembleTornado, type TornadoResult } from '../../engine/tornado.ts';
import type { PlanSpec } from '../../engine/sweep-plan.ts';
import type { Issue } from '../../format/issues.ts';
import type { Scenario } from '../../format/types.ts';
import { defaultWorkers } from './risk-pool.ts';
import { cancellation, partsProgress } from './cancellable.ts';

export interface SweepRunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  workers?: number;
}

export type SweepOutcome =
  | { ok: true; result: SweepResult | TornadoResult; workers: number; ms: number }
  | { ok: false; issues: Issue[] };

export class SweepPool {
  private handles: Hosted<AnalysisApi>[] = [];

  constructor(readonly size = defaultWorkers()) {}

  close(): void {
    for (const h of this.handles.splice(0)) h.worker.terminate();
  }

  private take(k: number): Hosted<AnalysisApi>[] {
    while (this.handles.length < k) this.handles.push(analysisWorker());
    return this.handles.slice(0, k);
  }

  async run(s: Scenario, spec: PlanSpec, opts: SweepRunOptions = {}): Promise<SweepOutcome> {
    const { signal, onProgress } = opts;
    const cancel = cancellation(signal, 'sweep', () => this.close());
    try {
      const t0 = performance.now();
      const first = this.take(1)[0]!;
      const planned = await cancel.race(first.api.plan(s, spec));
      if (!planned.ok) return { ok: false, issues: planned.issues };
      const plan = planned.plan;
      const slices = splitPoints(plan, opts.workers ?? this.size).filter((x) => x.length > 0);
      const handles = this.take(slices.length);
      const total = plan.points.length;
      const progress = partsProgress(slices.length, total, onProgress);
      onProgress?.(0, total);
      const parts = await cancel.race(Promise.all(slices.map((idx, k) => handles[k]!.api.evaluate(s, plan, idx, proxy(progress.part(k))))));
      progress.finish();
      const outcomes: PointOutcome[] = new Array(total);
      slices.forEach((idx, k) => idx.forEach((i, j) => { outcomes[i] = parts[k]![j]!; }));
      const result = plan.kind === 'sweep' ? assembleSweep(plan, outcomes) : assembleTornado(plan, outcomes);
      return { ok: true, result, workers: slices.length, ms: performance.now() - t0 };
    } finally {
      cancel.detach();
    }
  }
}
