/**
 * Runs started from a tab (Monte Carlo, sweep, tornado) remember the scenario they were computed
 * on: after an edit of it (a budget figure), another scenario shown or another file opened, the
 * tab says the run is outdated (in both languages) and the brief prints no risk figures of it.
 */
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/app/state/store.ts';
import type { RiskRunState, SweepRunState } from '../../src/app/state/app-state.ts';
import { riskView } from '../../src/app/views/risk.ts';
import { sweepsView } from '../../src/app/views/sweeps.ts';
import { briefContext, briefView } from '../../src/app/views/brief.ts';
import { ranOnShown } from '../../src/app/views/ran-on.ts';
import { msg } from '../../src/app/i18n/index.ts';
import { prepareRisk } from '../../src/engine/risk/prepare.ts';
import { runDraws } from '../../src/engine/risk/kernel.ts';
import { mergeBlocks } from '../../src/engine/risk/blocks.ts';
import { summarize } from '../../src/engine/risk/summary.ts';
import { riskParamsOf } from '../../src/engine/risk/params.ts';
import { explain } from '../../src/engine/explain.ts';
import { runScenario } from '../../src/engine/run.ts';
import { runSweep } from '../../src/engine/sweep.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { refName, scenarioOf } from '../../src/workspace/workspace.ts';
import { loadWorkspaceText, saveWorkspace } from '../../src/workspace/file.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import type { SweepAnalysis } from '../../src/format/types.ts';
import { twoScenarios } from './fixture.ts';

const BUDGET = ['fund', 'budget'];

/** The small city (and its variant) with 300 draws kept in the file. */
const withDraws = (): Workspace => editAt(twoScenarios(), 'baseline', ['analysis', 'risk'], { draws: 300 });

/** A finished Monte Carlo run of `ref`, computed in this thread as the page's risk workers do. */
function riskRun(ws: Workspace, ref = 'baseline'): RiskRunState {
  const scenario = scenarioOf(ws, ref);
  const params = riskParamsOf(scenario.analysis?.risk);
  const { input, meta } = prepareRisk(scenario, params);
  const summary = summarize(mergeBlocks([runDraws(input, 0, params.draws)], params.draws, input.n));
  return { ref, name: refName(ws, ref), scenario, params, status: 'done', done: params.draws, total: params.draws, summary, meta, issues: [], workers: 1,
    ms: 1 };
}

const brief = (st: Store) => {
  const s = st.state;
  const sc = scenarioOf(s.ws, s.active);
  return briefView(briefContext(s), explain(sc, runScenario(sc), 0), { result: null, interactive: false })!;
};

describe('a Monte Carlo run goes stale with its scenario', () => {
  it('fresh: not outdated, its figures in the brief; a budget edit: outdated, the figures still shown on the tab, none in the brief', () => {
    const store = new Store(withDraws());
    store.set({ risk: riskRun(store.state.ws), tab: 'risk' });
    const v0 = riskView(store.state);
    expect(v0.run?.outdated).toBe(false);
    expect(v0.result).not.toBeNull();
    expect(brief(store).risk).not.toBeNull();

    const before = store.state.ws.baseline.fund.budget;
    store.edit(BUDGET, '10500000.00');
    expect(store.state.ws.baseline.fund.budget).not.toBe(before);
    const v1 = riskView(store.state);
    // The run's own parameters are unchanged: only the scenario is not the one run any more.
    expect(v1.run?.outdated).toBe(true);
    expect(v1.result).not.toBeNull();
    expect(ranOnShown(store.state, store.state.risk!)).toBe(false);
    expect(briefContext(store.state).risk ?? null).toBeNull();
    expect(brief(store).risk).toBeNull();

    // Undone: the workspace is the one run again, and so is the scenario.
    store.undo();
    expect(riskView(store.state).run?.outdated).toBe(false);
    expect(brief(store).risk).not.toBeNull();
  });

  it('another scenario shown, or another file opened with other figures: outdated, nothing in the brief', () => {
    const store = new Store(withDraws());
    store.set({ risk: riskRun(store.state.ws) });
    store.setActive('v1');
    expect(riskView(store.state).run?.outdated).toBe(true);
    expect(brief(store).risk).toBeNull();
    store.setActive('baseline');
    expect(riskView(store.state).run?.outdated).toBe(false);

    // The same file opened again: the same figures, the run stays current.
    const same = loadWorkspaceText(saveWorkspace(store.state.ws));
    if (!same.ok) throw new Error('workspace');
    store.replaceWorkspace(same.ws, null);
    expect(riskView(store.state).run?.outdated).toBe(false);

    const other = loadWorkspaceText(saveWorkspace(editAt(store.state.ws, 'baseline', BUDGET, '11000000.00')));
    if (!other.ok) throw new Error('workspace');
    store.replaceWorkspace(other.ws, null);
    expect(riskView(store.state).run?.outdated).toBe(true);
    expect(brief(store).risk).toBeNull();
  });

  it('a sweep or the years written into the file (analysis) leaves the run current; its own parameters changed make it outdated', () => {
    const store = new Store(withDraws());
    store.set({ risk: riskRun(store.state.ws) });
    store.edit(['analysis', 'sweeps'], [{ kind: 'sweep', param: { path: 'policy.deposit.rates.hospital', from: '0', to: '0.1', step: '0.02' },
      outputs: ['closingBalance'] }]);
    expect(riskView(store.state).run?.outdated).toBe(false);
    expect(brief(store).risk).not.toBeNull();
    store.edit(['analysis', 'risk', 'seed'], 7);
    expect(riskView(store.state).run?.outdated).toBe(true);
    expect(brief(store).risk).toBeNull();
  });

  it('an edit of another scenario leaves the run of the one shown current', () => {
    const store = new Store(withDraws());
    store.set({ risk: riskRun(store.state.ws) });
    store.edit(BUDGET, '9000000.00', 'v1');
    expect(riskView(store.state).run?.outdated).toBe(false);
    expect(brief(store).risk).not.toBeNull();
  });

  it('the outdated notice names the scenario in both languages', () => {
    expect(msg('zh', 'riskOutdated')).toMatch(/方案/);
    expect(msg('en', 'riskOutdated')).toMatch(/scenario/);
    expect(msg('zh', 'outdatedRun')).toMatch(/方案/);
    expect(msg('en', 'outdatedRun')).toMatch(/scenario/);
  });
});

describe('a sweep goes stale with its scenario', () => {
  it('a budget edit marks the sweep outdated; its table keeps the names and current values of the scenario it ran on', () => {
    const spec: SweepAnalysis = { kind: 'sweep', param: { path: 'policy.deposit.rates.hospital', from: '0', to: '0.1', step: '0.02' },
      outputs: ['closingBalance'] };
    const store = new Store(editAt(twoScenarios(), 'baseline', ['analysis', 'sweeps'], [spec]));
    const scenario = scenarioOf(store.state.ws, 'baseline');
    const r = runSweep(scenario, spec);
    if (!r.ok) throw new Error('sweep');
    const run: SweepRunState = { ref: 'baseline', name: 'x', scenario, spec, status: 'done', done: 6, total: 6, result: r.result, issues: [], workers: 1, ms: 1 };
    store.set({ sweeps: { sweep: run }, tab: 'sweeps' });
    const v0 = sweepsView(store.state);
    expect(v0.runs.sweep?.outdated).toBe(false);
    store.edit(BUDGET, '10500000.00');
    const v1 = sweepsView(store.state);
    expect(v1.runs.sweep?.outdated).toBe(true);
    expect(v1.sweepResult?.rows).toEqual(v0.sweepResult?.rows);
    store.undo();
    expect(sweepsView(store.state).runs.sweep?.outdated).toBe(false);
    store.setActive('v1');
    expect(sweepsView(store.state).runs.sweep?.outdated).toBe(true);
  });
});
