/**
 * Sweeps and tornados started from the sweeps tab: the spec is the scenario's own entry of
 * `analysis.sweeps` (the first of its kind; the default one is written into the file first when
 * it keeps none, so a receiver of the file runs the same), run over the page's pool of analysis
 * workers with progress (at most every 100 ms into the state) and cancel.
 */
import { SweepPool } from './sweep-pool.ts';
import type { AppState, SweepKind, SweepRunState } from '../state/app-state.ts';
import type { Path } from '../../format/path.ts';
import { defaultSweep, defaultTornado, type PlanSpec } from '../../engine/sweep-plan.ts';
import { refName, scenarioOrError } from '../../workspace/workspace.ts';
import type { Scenario } from '../../format/types.ts';

interface StoreLike {
  state: AppState;
  set(patch: Partial<AppState>): void;
  edit(path: Path, value: unknown): void;
}

/** The scenario's spec of a kind and where it lives (index in analysis.sweeps; a new one goes last). */
export function sweepEntry(s: Scenario, kind: SweepKind): { spec: PlanSpec; index: number; inFile: boolean } {
  const list = s.analysis?.sweeps ?? [];
  const k = list.findIndex((x) => x.kind === kind);
  if (k >= 0) return { spec: list[k]!, index: k, inFile: true };
  return { spec: kind === 'sweep' ? defaultSweep() : defaultTornado(s), index: list.length, inFile: false };
}

const PROGRESS_MS = 100;

export class SweepRunner {
  private readonly pool = new SweepPool();
  private readonly controllers: Partial<Record<SweepKind, AbortController>> = {};

  constructor(private readonly store: StoreLike) {}

  private patch(kind: SweepKind, p: Partial<SweepRunState>): void {
    const cur = this.store.state.sweeps[kind];
    if (!cur) return;
    this.store.set({ sweeps: { ...this.store.state.sweeps, [kind]: { ...cur, ...p } } });
  }

  async run(kind: SweepKind): Promise<void> {
    this.cancel(kind);
    const other: SweepKind = kind === 'sweep' ? 'tornado' : 'sweep';
    if (this.store.state.sweeps[other]?.status === 'running') this.cancel(other); // one pool: one run at a time
    const st = this.store.state;
    let scen = scenarioOrError(st.ws, st.active);
    if (scen instanceof Error) return;
    const entry = sweepEntry(scen, kind);
    if (!entry.inFile) {
      this.store.edit(['analysis', 'sweeps', entry.index], entry.spec);
      scen = scenarioOrError(this.store.state.ws, st.active);
      if (scen instanceof Error) return;
    }
    const ac = new AbortController();
    this.controllers[kind] = ac;
    const run: SweepRunState = { ref: st.active, name: refName(st.ws, st.active), scenario: scen, spec: entry.spec, status: 'running',
      done: 0, total: 0, result: null, issues: [], workers: 0, ms: 0 };
    this.store.set({ sweeps: { ...this.store.state.sweeps, [kind]: run } });
    let last = 0;
    try {
      const out = await this.pool.run(scen, entry.spec, {
        signal: ac.signal,
        onProgress: (done, total) => {
          const now = performance.now();
          if (done < total && now - last < PROGRESS_MS) return;
          last = now;
          if (this.controllers[kind] === ac) this.patch(kind, { done, total });
        },
      });
      if (this.controllers[kind] !== ac) return;
      if (out.ok) this.patch(kind, { status: 'done', result: out.result, workers: out.workers, ms: out.ms, done: this.store.state.sweeps[kind]!.total });
      else this.patch(kind, { status: 'refused', issues: out.issues });
    } catch (e) {
      if (this.controllers[kind] !== ac) return;
      const cancelled = e instanceof DOMException && e.name === 'AbortError';
      this.patch(kind, { status: cancelled ? 'cancelled' : 'failed', issues: cancelled ? [] :
        [{ path: '', message: e instanceof Error ? e.message : String(e) }] });
    } finally {
      if (this.controllers[kind] === ac) delete this.controllers[kind];
    }
  }

  cancel(kind: SweepKind): void {
    const ac = this.controllers[kind];
    if (!ac) return;
    ac.abort();
    delete this.controllers[kind];
    this.patch(kind, { status: 'cancelled' });
  }

  close(): void {
    this.pool.close();
  }
}
