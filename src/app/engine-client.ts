/**
 * The page's side of the engine workers (Squoosh style): one worker per scenario column, each
 * remembering the scenario it was last sent so an edit crosses as a small patch. A new input
 * while a run is under way terminates that worker (the stale run is abandoned, not queued) and
 * a pre-spawned spare takes over. A tiny LRU of recent results makes toggling instant.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi, RunOutput } from '../../workers/engine.worker.ts';
import type { Scenario } from '../format/types.ts';
import type { HospitalResult } from '../engine/result.ts';
import type { Explanation } from '../engine/explain.ts';
import { diffPaths } from './patch.ts';
import type { WorkspaceLoad } from '../workspace/file.ts';

interface Handle {
  worker: Worker;
  api: Remote<EngineApi>;
}

export function spawn(): Handle {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  return { worker, api: wrap<EngineApi>(worker) };
}

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

export class Column {
  private h: Handle = take();
  private sent: Scenario | null = null;
  private inflight: { reject: (e: Error) => void } | null = null;
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
    if (this.inflight) {
      this.inflight.reject(new Aborted());
      this.inflight = null;
      this.h.worker.terminate();
      this.h = take();
      this.sent = null;
    }
    const key = nextKey++;
    const patch = this.sent ? diffPaths(this.sent, s) : null;
    const full = patch === null || patch.length > 1000 || patch.some((p) => p.path.length === 0);
    this.sent = s;
    const call = full ? this.h.api.run({ key, full: s }) : this.h.api.run({ key, patch: patch! });
    const aborted = new Promise<never>((_, reject) => { this.inflight = { reject }; });
    try {
      const out = await Promise.race([call, aborted]);
      this.inflight = null;
      const o: Output = { ...out, scenario: s };
      this.cache.set(s, o);
      if (this.cache.size > 6) this.cache.delete(this.cache.keys().next().value!);
      return o;
    } catch (e) {
      if (!(e instanceof Aborted)) this.inflight = null;
      throw e;
    }
  }

  private async ensure(o: Output): Promise<number> {
    if (this.sent === o.scenario && (await this.h.api.detail(o.key, 0)) !== null) return o.key;
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

  dispose(): void {
    this.inflight?.reject(new Aborted());
    this.h.worker.terminate();
  }
}

/** A worker for one-off jobs (opening files): validation of a big file stays off the page. */
export async function openInWorker(text: string): Promise<WorkspaceLoad> {
  const h = spawn();
  try {
    return await h.api.open(text);
  } finally {
    h.worker.terminate();
  }
}
