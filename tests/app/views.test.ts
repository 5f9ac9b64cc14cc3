/**
 * The view models: what each element is given, built from the app state. Each is checked for
 * what it shows (against the engine and the workspace) and for keeping the same object while
 * what it shows is unchanged (so its element does not re-render).
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/app/i18n/index.ts';
import { toolbarView } from '../../src/app/views/toolbar.ts';
import { scenarioBarView } from '../../src/app/views/scenario-bar.ts';
import { resultsView } from '../../src/app/views/results.ts';
import { paramsView } from '../../src/app/views/params.ts';
import { dataView } from '../../src/app/views/data.ts';
import { CompareViews, FUND_ROWS } from '../../src/app/views/compare.ts';
import { HospitalViews } from '../../src/app/views/hospital.ts';
import { briefContext, briefView, settlementRows } from '../../src/app/views/brief.ts';
import { exportView, importView } from '../../src/app/views/dialogs.ts';
import { PageViews } from '../../src/app/views/page.ts';
import { memoize, stable } from '../../src/app/views/memo.ts';
import { runScenario } from '../../src/engine/run.ts';
import { explain } from '../../src/engine/explain.ts';
import { subtractDecimals } from '../../src/engine/compare.ts';
import { addVariant, newWorkspace, scenarioOf, setVariantChanges } from '../../src/workspace/workspace.ts';
import { smallScenario } from '../workspace/fixture.ts';
import { computed, stateOf, twoScenarios } from './fixture.ts';

describe('memo helpers', () => {
  it('memoize recomputes only for other inputs; stable keeps the previous object when every field is the same', () => {
    let calls = 0;
    const f = memoize((a: object, b: number) => { calls++; return { a, b }; });
    const o = {};
    expect(f(o, 1)).toBe(f(o, 1));
    expect(calls).toBe(1);
    expect(f(o, 2)).not.toBe(f({}, 2));
    const p = { x: o, y: 1 };
    expect(stable(p, { x: o, y: 1 })).toBe(p);
    expect(stable(p, { x: {}, y: 1 })).not.toBe(p);
  });
});

describe('toolbar', () => {
  it('shows the fingerprint only of a fresh result, and says why there is none', () => {
    const ws = newWorkspace(smallScenario());
    const s = stateOf(ws);
    const col = s.cols.baseline!;
    const fresh = { ...s, cols: { baseline: { ...col, view: col.view!.withFingerprint('sha256:abc') } } };
    expect(toolbarView(fresh)).toMatchObject({ fingerprint: 'sha256:abc', status: 'ok' });
    const running = { ...fresh, cols: { baseline: { ...fresh.cols.baseline!, stale: true, status: 'running' as const } } };
    expect(toolbarView(running)).toMatchObject({ fingerprint: null, status: 'computing' });
    const invalid = { ...fresh, cols: { baseline: { ...fresh.cols.baseline!, stale: true, status: 'invalid' as const } } };
    expect(toolbarView(invalid).status).toBe('invalid');
    const prev = toolbarView(fresh);
    expect(toolbarView({ ...fresh, tab: 'params' }, prev)).toBe(prev);
    expect(toolbarView({ ...fresh, canUndo: true }, prev)).not.toBe(prev);
  });
});

describe('scenario bar', () => {
  it('lists the scenarios, names a new variant, and describes a variant’s changes', () => {
    const ws = twoScenarios();
    const base = scenarioBarView(stateOf(ws));
    expect(base.scenarios).toEqual([{ key: 'baseline', name: '测试基线', baseline: true }, { key: 'v1', name: '保证金 8%', baseline: false }]);
    expect(base).toMatchObject({ isVariant: false, changes: [], nextName: '测算方案 2', baselineKey: 'baseline' });
    const v = scenarioBarView(stateOf(ws, { active: 'v1' }));
    expect(v.isVariant).toBe(true);
    expect(v.activeName).toBe('保证金 8%');
    expect(v.changes).toHaveLength(1);
    expect(v.changes[0]).toMatch(/保证金比例.*10% → 8%/);
    expect(scenarioBarView(stateOf(ws, { active: 'v1', lang: 'en' })).nextName).toBe('Alternative 2');
  });
});

describe('results', () => {
  it('shows the scenario’s fund and table; problems when it cannot be computed', () => {
    const ws = newWorkspace(smallScenario());
    const s = stateOf(ws);
    const v = resultsView(s);
    expect(v.fund?.globalTarget).toBe(runScenario(ws.baseline).fund.globalTarget);
    expect(v.table?.scenario).toBe(ws.baseline);
    expect(resultsView({ ...s, tab: 'params' }, v)).toBe(v);
    const bad = { ...s, cols: { baseline: { ...s.cols.baseline!, status: 'invalid' as const, stale: true, issues: [{ path: 'fund.budget', message: 'must be an amount' }] } } };
    const w = resultsView(bad);
    // In the UI's language, the field named in words and its path kept as a detail.
    expect(w.problems).toEqual(['「基金支出预算」：must be an amount']); // named: the path is not shown in the app
    expect(resultsView({ ...bad, lang: 'en' }).problems).toEqual(['Fund expenditure budget: must be an amount']);
    expect(w.fund).toBe(v.fund); // the last good figures stay, faded
    expect(w.stale).toBe(true);
  });
});

describe('policy and data editors', () => {
  it('flags a source the variant carries over for a value it changed', () => {
    const s0 = smallScenario();
    s0.policy.sources = { 'policy.deposit.rates.hospital': { document: '关于开展基本医疗保险付费总额控制的意见', status: 'official' } };
    const a = addVariant(newWorkspace(s0), 'v');
    const ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' }]);
    expect([...paramsView(stateOf(ws)).inherited]).toEqual([]);
    const v = paramsView(stateOf(ws, { active: a.id }));
    expect([...v.inherited]).toEqual(['policy.deposit.rates.hospital']);
    expect(v.scenario?.policy.deposit.rates.hospital).toBe('0.08');
    expect(v.sources['policy.deposit.rates.hospital']?.status).toBe('official');
  });

  it('says why a variant whose change no longer applies cannot be edited', () => {
    const a = addVariant(newWorkspace(smallScenario()), 'v');
    const ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['hospitals', '#NOPE', 'score'], value: 1 }]);
    const s = stateOf(ws, { active: a.id, cols: {} });
    expect(paramsView(s).scenario).toBe(null);
    expect(paramsView(s).error).toMatch(/NOPE/);
    expect(dataView(s).error).toMatch(/NOPE/);
  });

  it('gives the data table the engine’s problems by field', () => {
    const ws = newWorkspace(smallScenario());
    const s = stateOf(ws);
    const bad = { ...s, cols: { baseline: { ...s.cols.baseline!, issues: [{ path: 'hospitals[2].history[1]', message: 'must be an amount' }] } } };
    expect(dataView(bad).problems.get('hospitals[2].history[1]')).toBe('must be an amount');
    expect(dataView(s).scenario).toBe(ws.baseline);
  });
});

describe('comparison', () => {
  const ws = twoScenarios();
  const s = stateOf(ws, { tab: 'compare' });

  it('gives each fund figure of every scenario and its exact difference against the first', () => {
    const v = new CompareViews().of(s);
    const [a, b] = [runScenario(ws.baseline).fund, runScenario(scenarioOf(ws, 'v1')).fund];
    // Every figure, those that changed first (tests/app/compare-colours.test.ts).
    expect(v.fund.map((r) => r.field).sort()).toEqual(FUND_ROWS.map(([f]) => f).sort());
    for (const r of v.fund) {
      expect(r.values).toEqual([a[r.field], b[r.field]]);
      const x = a[r.field] as string | null;
      const y = b[r.field] as string | null;
      expect(r.deltas).toEqual([x === null || y === null ? null : subtractDecimals(y, x)]);
    }
    expect(v.fund.find((r) => r.field === 'totalDeposit')!.deltas[0]!.startsWith('-')).toBe(true);
    expect(v.institutions?.columns.map((c) => c.name)).toEqual(['测试基线', '保证金 8%']);
  });

  it('offers 2–4 scenarios: the last two cannot be unticked', () => {
    const v = new CompareViews().of(s);
    expect(v.choices).toEqual([
      { key: 'baseline', name: '测试基线', checked: true, disabled: true },
      { key: 'v1', name: '保证金 8%', checked: true, disabled: true },
    ]);
  });

  it('lists only the parameters that differ, each scenario’s value', () => {
    const v = new CompareViews().of(s);
    expect(v.params.names).toEqual(['测试基线', '保证金 8%']);
    expect(v.params.rows.map((r) => [r.path, r.values])).toEqual([['policy.deposit.rates.hospital', ['0.10', '0.08']]]);
  });

  it('holds the previous columns while a compared scenario is recomputed, then shows all together', () => {
    const views = new CompareViews();
    const first = views.of(s);
    const edited = setVariantChanges(ws, 'v1', [{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.06' }]);
    const running = { ...s, ws: edited, cols: { ...s.cols, v1: { ...s.cols.v1!, status: 'running' as const, stale: true } } };
    const during = views.of(running);
    expect(during.columns).toBe(first.columns);
    expect(during.stale).toBe(true);
    const doneState = { ...running, cols: { ...s.cols, v1: computed(edited, 'v1') } };
    const done = views.of(doneState);
    expect(done.columns).not.toBe(first.columns);
    expect(done.fund.find((r) => r.field === 'totalDeposit')!.values[1]).toBe(runScenario(scenarioOf(edited, 'v1')).fund.totalDeposit);
    expect(views.of({ ...doneState, notice: null }).institutions).toBe(done.institutions);
  });
});

describe('institution view and brief', () => {
  const ws = twoScenarios();
  const base = runScenario(ws.baseline);
  const ex = explain(ws.baseline, base, 1)!;

  it('picks the first institution when none is chosen, and shows no brief until it is explained', () => {
    const s = stateOf(ws, { tab: 'hospital', hospital: null });
    const v = new HospitalViews().of(s);
    expect(v.selected).toBe('H001');
    expect(v.choices[1]).toEqual({ id: 'H002', label: 'H002 · 市中医院' });
    expect(v.brief).toBe(null);
  });

  it('builds the brief from the explanation: identity in words, history years, the settlement under each scenario', () => {
    const s = stateOf(ws, { tab: 'hospital', hospital: 'H002', brief: { ref: 'baseline', id: 'H002', key: 1, explanation: ex, whatIf: null } });
    const v = new HospitalViews().of(s);
    const b = v.brief!;
    expect(b).toMatchObject({ id: 'H002', name: '市中医院', level: '二级', category: '中医', klass: '医院', pool: '医院', year: 2025, scenarioName: '测试基线' });
    expect(b.points.map((p) => p.label)).toEqual(['2022年', '2023年', '2024年', '2025年申报']);
    expect(b.points.map((p) => p.amount)).toEqual([...ws.baseline.hospitals[1]!.history, base.hospitals[1]!.claimsTotal]);
    const variant = runScenario(scenarioOf(ws, 'v1')).hospitals[1]!;
    expect(b.settlement.map((r) => [r.name, r.cells.target, r.cells.owed, r.cells.balance])).toEqual([
      ['测试基线', base.hospitals[1]!.target, base.hospitals[1]!.owed, base.hospitals[1]!.balance],
      ['保证金 8%', variant.target, variant.owed, variant.balance],
    ]);
    expect(v.monthly).toBe(ex.hospital);
    expect(b.whatIf).toMatchObject({ pct: '5', interactive: true, busy: true, result: null });
  });

  it('keeps the brief shown while the same institution is explained again after an edit, not while another is', () => {
    const views = new HospitalViews();
    const shown = views.of(stateOf(ws, { tab: 'hospital', hospital: 'H002', brief: { ref: 'baseline', id: 'H002', key: 1, explanation: ex, whatIf: null } }));
    expect(shown.briefStale).toBe(false);
    const again = views.of(stateOf(ws, { tab: 'hospital', hospital: 'H002', brief: { ref: 'baseline', id: 'H002', key: 2, explanation: null, whatIf: null } }));
    expect(again.brief).toBe(shown.brief);
    expect(again.monthly).toBe(ex.hospital);
    expect(again.briefStale).toBe(true);
    const inEnglish = views.of(stateOf(ws, { tab: 'hospital', hospital: 'H002', lang: 'en', brief: { ref: 'baseline', id: 'H002', key: 4, explanation: null,
      whatIf: null } }));
    expect(inEnglish.brief).toBe(null);
    views.of(stateOf(ws, { tab: 'hospital', hospital: 'H002', brief: { ref: 'baseline', id: 'H002', key: 5, explanation: ex, whatIf: null } }));
    const other = views.of(stateOf(ws, { tab: 'hospital', hospital: 'H001', brief: { ref: 'baseline', id: 'H001', key: 3, explanation: null, whatIf: null } }));
    expect([other.brief, other.monthly, other.briefStale]).toEqual([null, null, false]);
  });

  it('explains the change of the balance due (清算补（扣）) against the compared scenario, from its balance there to the one shown', () => {
    const variant = runScenario(scenarioOf(ws, 'v1')).hospitals[0]!;
    const before = base.hospitals[0]!;
    expect(before.owed).toBe(variant.owed);
    expect(before.balance).not.toBe(variant.balance);
    for (const lang of ['zh', 'en'] as const) {
      const v = new HospitalViews().of(stateOf(ws, { tab: 'hospital', hospital: 'H001', active: 'v1', lang }));
      const w = v.waterfalls[1]!;
      expect(w.heading).toBe(lang === 'zh' ? '与“测试基线”相比：清算补（扣）为何变化' : 'Against “测试基线”: why the balance due changes');
      const bars = w.bars!;
      expect(bars[0]).toMatchObject({ key: 'balanceBefore', amount: before.balance });
      expect(bars.at(-1)).toMatchObject({ key: 'balanceAfter', amount: variant.balance });
      expect(bars.find((b) => b.key === 'monthsDeposit')?.amount).toBe(subtractDecimals(variant.deposit, before.deposit));
      if (lang === 'zh') {
        expect(bars.map((b) => b.label)).toEqual(['比较方案：清算补（扣）', '比较方案：已拨付及预付周转金', '比较方案：年终应付', '当前方案：年终应付',
          '按比较方案：已拨付及预付周转金', '月度拨付：预留质量保证金', '当前方案：清算补（扣）']);
      } else expect(bars.at(-1)!.label).toBe('Balance due in the scenario shown');
    }
    // Against itself nothing changes: the card says so of the balance due.
    const same = setVariantChanges(ws, 'v1', []);
    const none = new HospitalViews().of(stateOf(same, { tab: 'hospital', hospital: 'H001', active: 'v1' })).waterfalls[1]!;
    expect(none).toEqual({ heading: '与“测试基线”相比：清算补（扣）为何变化', bars: null, note: msg('zh', 'balanceChangeNone', { name: '测试基线' }) });
  });

  it('a print-all brief carries its what-if and no input', () => {
    const s = stateOf(ws);
    const b = briefView(briefContext(s), ex, { result: null, interactive: false })!;
    expect(b.whatIf).toEqual({ pct: '5', result: null, interactive: false, busy: false, error: null });
    expect(briefContext(s)).toBe(briefContext({ ...s, tab: 'results' }));
  });

  it('a scenario without the institution leaves its row empty', () => {
    const rows = settlementRows([{ name: 'x', view: computed(ws, 'baseline').view }], 'NOPE');
    expect(Object.values(rows[0]!.cells).every((c) => c === null)).toBe(true);
  });
});

describe('dialogs and the page', () => {
  it('the import goes into the scenario shown; the export lists what can be saved', () => {
    const ws = twoScenarios();
    expect(importView(stateOf(ws, { active: 'v1' }))).toEqual({ lang: 'zh', target: '保证金 8%', historyYears: 3 });
    expect(exportView(stateOf(ws)).items.map((i) => i.what)).toEqual(['results', 'compared', 'csv', 'data']);
    expect(exportView(stateOf(ws)).items[1]!.label).toContain('2');
  });

  it('builds only the panel of the tab shown, and keeps every part while nothing it shows changed', () => {
    const ws = twoScenarios();
    const pages = new PageViews();
    const s = stateOf(ws);
    const p = pages.of(s);
    expect(p.panel.tab).toBe('results');
    expect(pages.of({ ...s })).toBe(p);
    const q = pages.of({ ...s, tab: 'compare' });
    expect(q.panel.tab).toBe('compare');
    expect(q.toolbar).toBe(p.toolbar);
    expect(q.bar).toBe(p.bar);
    expect(pages.of({ ...s, dialog: 'export' }).dialog?.kind).toBe('export');
    expect(pages.of({ ...s, notice: { kind: 'error', says: { zh: 'x', en: 'y' }, issues: [{ path: 'a', message: 'b' }] } }).notice).toEqual({ kind: 'error', text: 'x', issues: ['a：b'] });
    // A notice keeps what it says, not its text: raised in Chinese, it reads English once the language is switched.
    const refused = { kind: 'error' as const, says: { key: 'fileRefused' as const }, detail: ' (a.json)' };
    expect(pages.of({ ...s, lang: 'zh', notice: refused }).notice!.text).toBe(`${msg('zh', 'fileRefused')} (a.json)`);
    expect(pages.of({ ...s, lang: 'en', notice: refused }).notice!.text).toBe(`${msg('en', 'fileRefused')} (a.json)`);
    expect(msg('en', 'fileRefused')).not.toBe(msg('zh', 'fileRefused'));
    const book = pages.of({ ...s, printing: ['H001'] }).book!;
    expect(book.ids).toEqual(['H001']);
    expect(book.context?.scenario).toBe(ws.baseline);
  });
});
