/**
 * Monte Carlo runs started from the risk tab: the parameters are the scenario's
 * `analysis.risk` over the stated defaults (engine/risk/params.ts), the draws run over the
 * page's pool of risk workers (risk-pool.ts: navigator.hardwareConcurrency, capped) with
 * progress (at most every 100 ms into the state) and cancel; the page only merges and
 * summarizes.
 */
import { RiskPool } from './risk-pool.ts';
import type { AppState, RiskRunState } from '../state/app-state.ts';
import { riskParamsOf } from '../../engine/risk/params.ts';
import { RiskError } from '../../engine/risk/prepare.ts';
import { refName, scenarioOrError } from '../../workspace/workspace.ts';

interface StoreLike {
  state: AppState;
  set(patch: Partial<AppState>): void;
}

const PROGRESS_MS = 100;

export class RiskRunner {
  private readonly pool = new RiskPool();
  private ac: AbortController | null = null;

  constructor(private readonly store: StoreLike) {}

  private patch(p: Partial<RiskRunState>): void {
    const cur = this.store.state.risk;
    if (cur) this.store.set({ risk: { ...cur, ...p } });
  }

  async run(): Promise<void> {
    this.cancel();
    const st = this.store.state;
    const scen = scenarioOrError(st.ws, st.active);
    if (scen instanceof Error) return;
    const params = riskParamsOf(scen.analysis?.risk);
    const ac = new AbortController();
    this.ac = ac;
    this.store.set({ risk: { ref: st.active, name: refName(st.ws, st.active), scenario: scen, params, status: 'running', done: 0,
      total: params.draws, summary: null, meta: null, issues: [], workers: 0, ms: 0 } });
    let last = 0;
    try {
      const r = await this.pool.run(scen, params, {
        signal: ac.signal,
        onProgress: (done, total) => {
          const now = performance.now();
          if (done < total && now - last < PROGRESS_MS) return;
          last = now;
          if (this.ac === ac) this.patch({ done, total });
        },
      });
      if (this.ac !== ac) return;
      this.patch({ status: 'done', done: params.draws, summary: r.summary, meta: r.meta, perDraw: r.perDraw, workers: r.workers,
        ms: r.ms.prepare + r.ms.draws });
    } catch (e) {
      if (this.ac !== ac) return;
      if (e instanceof RiskError) this.patch({ status: 'refused', issues: e.issues });
      else if (e instanceof DOMException && e.name === 'AbortError') this.patch({ status: 'cancelled' });
      else this.patch({ status: 'failed', issues: [{ path: '', message: e instanceof Error ? e.message : String(e) }] });
    } finally {
      if (this.ac === ac) this.ac = null;
    }
  }

  cancel(): void {
    if (!this.ac) return;
    this.ac.abort();
    this.ac = null;
    this.patch({ status: 'cancelled' });
  }
}
