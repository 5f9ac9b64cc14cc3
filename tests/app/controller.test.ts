/**
 * The page's controller against fake worker columns: edits are undoable snapshots, every shown
 * scenario runs on its own column, a result superseded by a newer edit is dropped, fingerprints
 * follow once edits pause, and a variant's edit changes only its own changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Controller } from '../../src/app/state/controller.ts';
import type { ColumnLike } from '../../src/app/runs/scheduler.ts';
import { pointInflation, type PointInflationQuery } from '../../src/engine/point-inflation.ts';
import { Aborted, type Output } from '../../src/app/runs/column.ts';
import { compile } from '../../src/engine/compile.ts';
import { settle } from '../../src/engine/run.ts';
import { packSettlement } from '../../src/transport/packed.ts';
import { newWorkspace, scenarioOf } from '../../src/workspace/workspace.ts';
import type { Scenario } from '../../src/format/types.ts';
import { smallScenario } from '../workspace/fixture.ts';
import type { Explanation } from '../../src/engine/explain.ts';
import type { WhatIf } from '../../src/engine/whatif.ts';
import { monitor } from '../../src/engine/monitor.ts';
import { shownMonitor } from '../../src/transport/engine-session.ts';
import { previewAdjustment } from '../../src/engine/adjust-preview.ts';
import type { Adjustment } from '../../src/format/types.ts';
import { threeHospitals } from '../monitor/fixture.ts';

/** A column that runs the engine in this thread, and lets the test decide when each run ends. */
class FakeColumn implements ColumnLike {
  static made: FakeColumn[] = [];
  runs: { s: Scenario; resolve: () => void; reject: (e: Error) => void }[] = [];
  disposed = false;
  private key = 0;
  constructor() { FakeColumn.made.push(this); }
  cached(): Output | undefined { return undefined; }
  run(s: Scenario): Promise<Output> {
    const key = ++this.key;
    for (const r of this.runs) r.reject(new Aborted()); // a newer input supersedes the waiting ones
    return new Promise<Output>((ok, fail) => {
      const run = { s, reject: fail, resolve: () => { const m = compile(s); ok({ ok: true, key, packed: packSettlement(m, settle(m)), ms: 1, phases: { patch: 0, compile: 0, settle: 0, pack: 0 }, scenario: s }); } };
      this.runs = [run];
    });
  }
  fingerprint = vi.fn(async () => 'sha256:fake');
  explain = vi.fn(async (o: Output, index: number) => ({ id: o.scenario.hospitals[index]!.id }) as unknown as Explanation);
  whatIf = vi.fn(async (o: Output, index: number, pct: string) => ({ id: o.scenario.hospitals[index]!.id, pct }) as unknown as WhatIf);
  pointInflation = vi.fn(async (o: Output, q: PointInflationQuery) => pointInflation(o.scenario, q));
  monitor = vi.fn(async (o: Output) => shownMonitor(monitor(o.scenario)));
  previewAdjustment = vi.fn(async (o: Output, a: Adjustment) => previewAdjustment(o.scenario, a));
  dispose(): void { this.disposed = true; }
  finish(): void { this.runs.shift()?.resolve(); }
}

const ticks = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

describe('controller', () => {
  beforeEach(() => { FakeColumn.made = []; vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); });
  afterEach(() => vi.useRealTimers());

  it('runs the shown scenario, shows its result, then asks for its fingerprint once edits pause', async () => {
    const ctl = new Controller(newWorkspace(smallScenario()), {}, () => new FakeColumn());
    await ticks();
    expect(ctl.state.cols.baseline?.status).toBe('running');
    FakeColumn.made[0]!.finish();
    await ticks();
    const cs = ctl.state.cols.baseline!;
    expect(cs.status).toBe('ok');
    expect(cs.view!.fund.globalTarget).toBe('9300000.00');
    expect(FakeColumn.made[0]!.fingerprint).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(ctl.state.cols.baseline!.view!.fingerprint).toBe('sha256:fake');
  });

  it('drops a result that a newer edit superseded, and shows the newest', async () => {
    const ctl = new Controller(newWorkspace(smallScenario()), {}, () => new FakeColumn());
    await ticks();
    ctl.edit(['fund', 'adjustmentFundRate'], '0.06');
    await ticks();
    ctl.edit(['fund', 'adjustmentFundRate'], '0.07');
    await ticks();
    const col = FakeColumn.made[0]!;
    expect(col.runs).toHaveLength(1);
    col.finish();
    await ticks();
    expect(ctl.state.cols.baseline!.out!.scenario.fund.adjustmentFundRate).toBe('0.07');
    expect(ctl.state.cols.baseline!.stale).toBe(false);
  });

  it('undo and redo restore the workspace snapshots', async () => {
    const ws = newWorkspace(smallScenario());
    const ctl = new Controller(ws, {}, () => new FakeColumn());
    ctl.edit(['hospitals', 0, 'score'], 50);
    expect(ctl.state.canUndo).toBe(true);
    ctl.undo();
    expect(ctl.state.ws).toBe(ws);
    expect(ctl.state.canRedo).toBe(true);
    ctl.redo();
    expect(ctl.state.ws.baseline.hospitals[0]!.score).toBe(50);
  });

  it('a variant gets its own column, and its edits stay in its change list', async () => {
    const ctl = new Controller(newWorkspace(smallScenario()), {}, () => new FakeColumn());
    ctl.addVariant('保证金 8%');
    const id = ctl.state.active;
    ctl.edit(['policy', 'deposit', 'rates', 'hospital'], '0.08');
    await ticks();
    expect(ctl.state.ws.baseline.policy.deposit.rates.hospital).toBe('0.10');
    expect(ctl.state.ws.variants[0]!.changes).toEqual([{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' }]);
    expect(scenarioOf(ctl.state.ws, id).policy.deposit.rates.hospital).toBe('0.08');
    expect(Object.keys(ctl.state.cols).sort()).toEqual(['baseline', id].sort());
    expect(FakeColumn.made).toHaveLength(2);
  });

  it('on a tab of one scenario the compared ones run once the one shown has its result; on the comparison, together', async () => {
    const ctl = new Controller(newWorkspace(smallScenario()), {}, () => new FakeColumn());
    ctl.addVariant('A');
    const id = ctl.state.active;
    ctl.setActive('baseline');
    await ticks();
    const base = ctl.runs.column('baseline') as FakeColumn;
    const other = ctl.runs.column(id) as FakeColumn;
    base.finish();
    await ticks();
    other.finish();
    await ticks();
    ctl.edit(['fund', 'adjustmentFundRate'], '0.06');
    await ticks();
    expect([base.runs.length, other.runs.length]).toEqual([1, 0]);
    base.finish();
    await ticks();
    expect(ctl.state.cols.baseline!.stale).toBe(false);
    expect(other.runs.map((r) => r.s.fund.adjustmentFundRate)).toEqual(['0.06']);
    other.finish();
    await ticks();
    expect(ctl.state.cols[id]!.out!.scenario.fund.adjustmentFundRate).toBe('0.06');
    ctl.setTab('compare');
    ctl.edit(['fund', 'adjustmentFundRate'], '0.07');
    await ticks();
    expect([base.runs.length, other.runs.length]).toEqual([1, 1]);
  });

  it('a scenario no longer shown gives its column back', async () => {
    const ctl = new Controller(newWorkspace(smallScenario()), {}, () => new FakeColumn());
    ctl.addVariant('A');
    await ticks();
    const id = ctl.state.active;
    ctl.deleteVariant(id);
    await ticks();
    expect(FakeColumn.made.filter((c) => c.disposed)).toHaveLength(1);
    expect((ctl.runs.column('baseline') as FakeColumn).disposed).toBe(false);
    expect(Object.keys(ctl.state.cols)).toEqual(['baseline']);
  });

  it('the brief: the explanation at once, the what-if from the same worker once edits pause, the previous one kept meanwhile', async () => {
    const ctl = new Controller(newWorkspace(smallScenario()), {}, () => new FakeColumn());
    await ticks();
    const col = FakeColumn.made[0]!;
    col.finish();
    await ticks();
    ctl.openHospital('H002');
    await ticks();
    expect(col.explain).toHaveBeenCalledTimes(1);
    expect(ctl.state.brief).toMatchObject({ id: 'H002', explanation: { id: 'H002' } });
    await vi.advanceTimersByTimeAsync(1);
    expect(col.whatIf).toHaveBeenCalledTimes(1);
    expect(col.whatIf.mock.calls[0]![2]).toBe('5');
    expect(ctl.state.brief!.whatIf).toMatchObject({ pct: '5', result: { id: 'H002', pct: '5' }, stale: false });
    // An edit: a new explanation at once, the what-if only after a pause; the old one is shown stale meanwhile.
    ctl.edit(['fund', 'adjustmentFundRate'], '0.06');
    await ticks();
    col.finish();
    await ticks();
    expect(col.explain).toHaveBeenCalledTimes(2);
    expect(ctl.state.brief!.whatIf).toMatchObject({ pct: '5', stale: true });
    await vi.advanceTimersByTimeAsync(100);
    expect(col.whatIf).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(col.whatIf).toHaveBeenCalledTimes(2);
    expect(ctl.state.brief!.whatIf!.stale).toBe(false);
    // Another X: asked at once.
    ctl.setWhatIfPct('10');
    await vi.advanceTimersByTimeAsync(1);
    expect(col.whatIf).toHaveBeenCalledTimes(3);
    expect(ctl.state.brief!.whatIf).toMatchObject({ pct: '10', result: { pct: '10' } });
  });

  it('the monthly report: asked of the shown column once per run while the monitoring tab is open, the last one kept (stale) across an edit', async () => {
    const ctl = new Controller(newWorkspace(threeHospitals()), {}, () => new FakeColumn());
    await ticks();
    const col = FakeColumn.made[0]!;
    col.finish();
    await ticks();
    expect(col.monitor).not.toHaveBeenCalled(); // not asked while another tab is shown
    ctl.setTab('monitor');
    await ticks();
    expect(col.monitor).toHaveBeenCalledTimes(1);
    const first = ctl.state.monitor!;
    expect(first).toMatchObject({ ref: 'baseline', stale: false });
    expect(first.report).toEqual(shownMonitor(monitor(threeHospitals())));
    expect(first.report!.warned.map((r) => r.id)).toEqual(['A']);
    // An unrelated change (the unit) runs nothing again: the same run, the same report.
    ctl.setUnit('wan');
    await ticks();
    expect(col.monitor).toHaveBeenCalledTimes(1);
    expect(ctl.state.monitor).toBe(first);
    // An edit: while the new run is under way the old report is shown, marked stale; then the new one.
    ctl.edit(['monitoring', 'thresholds'], { overspendRate: '0.2' });
    await ticks();
    col.finish();
    await ticks();
    expect(col.monitor).toHaveBeenCalledTimes(2);
    const next = ctl.state.monitor!;
    expect(next.stale).toBe(false);
    expect(next.key).not.toBe(first.key);
    expect(next.report!.thresholds.overspendRate.value).toBe('0.2');
    expect(next.report!.warned.map((r) => r.id)).toEqual(['A']); // A is still warned: its deferred claims pile up
  });

  it('the monthly report: a report of a superseded run is dropped', async () => {
    const ctl = new Controller(newWorkspace(threeHospitals()), {}, () => new FakeColumn());
    await ticks();
    const col = FakeColumn.made[0]!;
    let release: (() => void) | undefined;
    col.monitor.mockImplementationOnce((o: Output) => new Promise((ok) => { release = () => ok(shownMonitor(monitor(o.scenario))); }));
    col.finish();
    await ticks();
    ctl.setTab('monitor');
    await ticks();
    expect(ctl.state.monitor).toMatchObject({ report: null, stale: true });
    ctl.edit(['monitoring', 'thresholds'], { overspendRate: '0.5', deferredRate: '0.5' });
    await ticks();
    col.finish();
    await ticks();
    const newest = ctl.state.monitor!;
    expect(newest.report!.warned).toEqual([]);
    release!(); // the first run's report arrives late
    await ticks();
    expect(ctl.state.monitor).toBe(newest);
  });
});
