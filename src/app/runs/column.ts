/**
 * The page's side of the engine workers (Squoosh style): one worker per scenario column, each
 * remembering the scenario it was last sent so an edit crosses as a small patch. A new input
 * while a run is under way supersedes it: the stale result is dropped, and the newest input is
 * sent once the run ends — or, if it goes on past ABORT_AFTER_MS, its worker is terminated and
 * a pre-spawned spare takes over. A tiny LRU of recent results makes toggling instant.
 */
import type { RunOutput } from '../../../workers/engine.worker.ts';
import { engineWorker, workspaceWorker, type Hosted } from './workers.ts';
import type { EngineApi } from '../../../workers/engine.worker.ts';
import type { Scenario } from '../../format/types.ts';
import type { HospitalResult } from '../../engine/result.ts';
import type { Explanation } from '../../engine/explain.ts';
import type { WhatIf } from '../../engine/whatif.ts';
import type { PointInflation, PointInflationQuery } from '../../engine/point-inflation.ts';
import type { AdjustmentPreview } from '../../engine/adjust-preview.ts';
import type { Adjustment } from '../../format/types.ts';
import { updateOf } from '../../transport/patch.ts';
import type { WorkspaceLoad } from '../../workspace/file.ts';
import type { ShownMonitor } from '../../transport/engine-session.ts';

type Handle = Hosted<EngineApi>;

const spawn = engineWorker;

let spare: Handle | null = null;
function take(): Handle {
  const h = spare ?? spawn();
  spare = null;
  // Warm the next spare once the page is idle, so an abort never waits for a worker to boot.
  setTimeout(() => { spare ??= spawn(); }, 50);
  return h;
}

export class Aborted extends Error {}

let nextKey = 1;

/** A cached or fresh run; `key` identifies the result inside the column's worker. */
export type Output = RunOutput & { scenario: Scenario };

/**
 * How long a superseded run may go on before its worker is terminated. Replacing a worker is
 * dear — the fresh one must receive the whole scenario (a long structured clone on the page)
 * and compile and warm up from nothing, 200 ms and more for a few thousand institutions — so a
 * stale run is let finish (its result is dropped) and the newest input follows it; only a run
 * still going after a second (a very large scenario) is abandoned with its worker.
 */
const ABORT_AFTER_MS = 1000;

const delay = (ms: number) => new Promise<void>((ok) => setTimeout(ok, Math.max(0, ms)));

export class Column {
  private h: Handle = take();
  private sent: Scenario | null = null;
  /** The caller waiting for the newest run (rejected with Aborted when superseded). */
  private waiting: { reject: (e: Error) => void } | null = null;
  /** The call under way in the worker, and when it started. */
  private busy: { call: Promise<unknown>; started: number } | null = null;
  private generation = 0;
  private readonly cache = new Map<Scenario, Output>();

  /** The cached output for exactly this scenario object, if any. */
  cached(s: Scenario): Output | undefined {
    const hit = this.cache.get(s);
    if (hit) {
      this.cache.delete(s);
      this.cache.set(s, hit);
    }
    return hit;
  }

  /** Compute `s`; rejects with Aborted when a newer run on this column supersedes it. */
  async run(s: Scenario, useCache = true): Promise<Output> {
    const hit = useCache ? this.cached(s) : undefined;
    if (hit) return hit;
    const generation = ++this.generation;
    this.waiting?.reject(new Aborted());
    const aborted = new Promise<never>((_, reject) => { this.waiting = { reject }; });
    aborted.catch(() => undefined); // observed below, or superseded before it was raced
    if (this.busy) {
      const { call, started } = this.busy;
      const finished = await Promise.race([call.then(() => true, () => true), delay(started + ABORT_AFTER_MS - performance.now()).then(() => false)]);
      if (generation !== this.generation) throw new Aborted(); // a newer input came while waiting
      if (!finished && this.busy?.call === call) {
        this.h.worker.terminate();
        this.h = take();
        this.sent = null;
        this.busy = null;
      }
    }
    const key = nextKey++;
    const update = updateOf(this.sent, s);
    this.sent = s;
    const call = this.h.api.run({ key, ...update });
    const busy = { call, started: performance.now() };
    this.busy = busy;
    // Busy until the worker answers, even when the caller has been told the run is stale.
    call.then(() => { if (this.busy === busy) this.busy = null; }, () => { if (this.busy === busy) this.busy = null; });
    try {
      const out = await Promise.race([call, aborted]);
      const o: Output = { ...out, scenario: s };
      this.cache.set(s, o);
      if (this.cache.size > 6) this.cache.delete(this.cache.keys().next().value!);
      return o;
    } finally {
      if (generation === this.generation) this.waiting = null;
    }
  }

  private async ensure(o: Output): Promise<number> {
    if (this.sent === o.scenario && (await this.h.api.detail(o.key, 0)) !== null) return o.key;
    // A newer input is under way: recomputing an older result would supersede the user's run.
    if (this.sent !== o.scenario && (this.busy || this.waiting)) throw new Aborted();
    const again = await this.run(o.scenario, false);
    return again.key;
  }

  async fingerprint(o: Output): Promise<string | null> {
    const fp = await this.h.api.fingerprint(o.key);
    if (fp !== null) return fp;
    return this.h.api.fingerprint(await this.ensure(o));
  }

  async detail(o: Output, index: number): Promise<HospitalResult | null> {
    return this.h.api.detail(await this.ensure(o), index);
  }

  async explain(o: Output, index: number): Promise<Explanation | null> {
    return this.h.api.explain(await this.ensure(o), index);
  }

  async whatIf(o: Output, index: number, pct: string): Promise<WhatIf | null> {
    return this.h.api.whatIf(await this.ensure(o), index, pct);
  }

  async pointInflation(o: Output, q: PointInflationQuery): Promise<PointInflation | null> {
    return this.h.api.pointInflation(await this.ensure(o), q);
  }

  async monitor(o: Output): Promise<ShownMonitor | null> {
    return this.h.api.monitor(await this.ensure(o));
  }

  async previewAdjustment(o: Output, adjustment: Adjustment): Promise<AdjustmentPreview | null> {
    return this.h.api.previewAdjustment(await this.ensure(o), adjustment);
  }

  dispose(): void {
    this.waiting?.reject(new Aborted());
    this.h.worker.terminate();
  }
}

/** A worker for one-off jobs (opening files): validation of a big file stays off the page. */
/** The full check (the one gate) of a workspace the page would make, off the page's thread. */
export async function gateInWorker(ws: import('../../workspace/types.ts').Workspace): Promise<WorkspaceLoad> {
  const h = workspaceWorker();
  try {
    return await h.api.gate(ws);
  } finally {
    h.worker.terminate();
  }
}

export async function openInWorker(text: string): Promise<WorkspaceLoad> {
  const h = workspaceWorker();
  try {
    return await h.api.open(text);
  } finally {
    h.worker.terminate();
  }
}
