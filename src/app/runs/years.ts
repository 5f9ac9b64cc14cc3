/**
 * The years tab's runs: while it is shown, the scenario shown and the compared ones are run over
 * their years in the analysis worker (workers/analysis.worker.ts) once edits pause. A newer
 * workspace supersedes a run under way: the worker is terminated and a fresh one asked, so a
 * 10-year run of thousands of institutions never delays the next edit's figures.
 */
import { analysisWorker, type Hosted } from './workers.ts';
import type { AnalysisApi } from '../../../workers/analysis.worker.ts';
import type { AppState, YearsState } from '../state/app-state.ts';
import type { Scenario } from '../../format/types.ts';
import { refName, scenarioOrError, type RefKey } from '../../workspace/workspace.ts';
import type { YearsOutcome } from '../../engine/years-outcome.ts';

/** Quiet time after an edit before the years are run again. */
export const YEARS_DELAY_MS = 120;

interface StoreLike {
  state: AppState;
  set(patch: Partial<AppState>): void;
}

/** The shown scenario first, then every other compared one. */
export const yearsRefs = (s: AppState): RefKey[] => [s.active, ...s.compare.filter((r) => r !== s.active)];

const sameRefs = (a: readonly RefKey[], b: readonly RefKey[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/** Is `y` the run of what the state shows now? */
export const yearsCurrent = (s: AppState, y: YearsState | null): boolean => !!y && y.ws === s.ws && sameRefs(y.refs, yearsRefs(s));

export class YearsRunner {
  private host: Hosted<AnalysisApi> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked: { ws: AppState['ws']; refs: RefKey[] } | null = null;
  private busy = false;

  constructor(private readonly store: StoreLike) {}

  /** Ask for the years of what is shown, unless they are computed or asked already. */
  refresh(): void {
    const s = this.store.state;
    if (s.tab !== 'years') return;
    const refs = yearsRefs(s);
    if (this.asked && this.asked.ws === s.ws && sameRefs(this.asked.refs, refs)) return;
    if (!this.asked && yearsCurrent(s, s.years) && !s.years!.running) return;
    this.asked = { ws: s.ws, refs };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), s.years ? YEARS_DELAY_MS : 0);
  }

  close(): void {
    clearTimeout(this.timer);
    this.host?.worker.terminate();
    this.host = null;
  }

  private async run(): Promise<void> {
    const asked = this.asked;
    if (!asked) return;
    if (this.busy) this.close(); // superseded: the old run's worker goes
    const scenarios: Scenario[] = [];
    const bad = new Map<number, YearsOutcome>();
    asked.refs.forEach((ref, k) => {
      const sc = scenarioOrError(asked.ws, ref);
      if (sc instanceof Error) bad.set(k, { ok: false, issues: [{ path: '', message: sc.message }] });
      else scenarios.push(sc);
    });
    const prev = this.store.state.years;
    this.store.set({ years: { ws: asked.ws, refs: asked.refs, running: true, runs: prev?.runs ?? null } });
    const host = (this.host ??= analysisWorker());
    this.busy = true;
    try {
      const outs = await host.api.years(scenarios);
      if (this.asked !== asked) return;
      let j = 0;
      const runs = asked.refs.map((ref, k) => ({ ref, name: refName(asked.ws, ref), outcome: bad.get(k) ?? outs[j++]! }));
      this.asked = null;
      this.store.set({ years: { ws: asked.ws, refs: asked.refs, running: false, runs } });
    } catch {
      // Terminated by a newer ask (which runs next), or the worker failed: nothing to show from it.
      if (this.asked === asked) {
        this.asked = null;
        this.store.set({ years: { ws: asked.ws, refs: asked.refs, running: false, runs: prev?.runs ?? null } });
      }
    } finally {
      if (this.host === host) this.busy = false;
    }
  }
}
