/**
 * Pools settled by points in the app's views (issue 11, views): the fund summary is given the
 * engine's point values, the institutions' table its points, share of points and payment rate,
 * exactly as the engine's own summary says; a per-target scenario shows none of it.
 */
import { describe, expect, it } from 'vitest';
import { resultsView } from '../../src/app/views/results.ts';
import { runScenario } from '../../src/engine/run.ts';
import { scenarioOf, setVariantChanges } from '../../src/workspace/workspace.ts';
import { casesView } from '../../src/app/views/cases.ts';
import { briefPoints } from '../../src/app/views/brief-points.ts';
import { stateOf } from './fixture.ts';
import { pointsWorkspace } from './points-fixture.ts';
import { gainsOf } from '../../src/app/views/comparison.ts';
import { differences } from '../../src/engine/compare.ts';
import { formatMoney } from '../../src/engine/money.ts';
import { explain } from '../../src/engine/explain.ts';
import { HospitalViews } from '../../src/app/views/hospital.ts';
import { CompareViews } from '../../src/app/views/compare.ts';

describe('points in the results view', () => {
  const { ws, id } = pointsWorkspace();

  it('the points variant: point values of the pool and every institution’s points, share and payment rate from the engine', () => {
    const v = resultsView(stateOf(ws, { active: id }));
    const want = runScenario(scenarioOf(ws, id));
    const pool = v.fund!.pools.find((p) => p.id === 'hosp')!;
    expect(pool.settlement).toBe('points');
    expect(pool.pointValue).toMatch(/^\d+\.\d{4}$/);
    expect(pool).toEqual(want.fund.pools.find((p) => p.id === 'hosp'));
    const t = v.table!.view;
    expect(t.byPoints).toBe(true);
    want.hospitals.forEach((h, i) => {
      expect(t.get('points', i)).toBe(h.points);
      expect(t.get('pointShare', i)).toBe(h.pointShare);
      expect(t.get('paymentRate', i)).toBe(h.paymentRate);
      expect(t.get('target', i)).toBe(h.target);
    });
    // The pool's entitlements add up to what it shares by points, to the fen.
    const hosp = want.hospitals.filter((h) => h.pool === 'hosp');
    const fen = hosp.reduce((a, h) => a + BigInt(h.target.replace('.', '')), 0n);
    expect(fen).toBe(BigInt(pool.entitled!.replace('.', '')));
    // The primary pool stays per-target: no points.
    expect(t.get('points', t.indexOf('C001')!)).toBeNull();
  });

  it('the per-target baseline of the same city has no points pool and no points columns', () => {
    const v = resultsView(stateOf(ws));
    expect(v.fund!.pools.every((p) => p.settlement === undefined)).toBe(true);
    expect(v.table!.view.byPoints).toBe(false);
    expect(v.table!.view.get('points', 0)).toBeNull();
    expect(v.table!.view.get('paymentRate', 0)).toBe(runScenario(scenarioOf(ws, 'baseline')).hospitals[0]!.paymentRate);
  });
});

describe('who gains and who loses: per-target baseline against its points variant', () => {
  const { ws, id } = pointsWorkspace();
  const s = stateOf(ws, { active: id, compare: ['baseline', id] });
  const base = s.cols.baseline!.view!;
  const pts = s.cols[id]!.view!;

  it.each(['target', 'owed', 'balance'] as const)('%s: every institution counted once, sums exact, largest first', (field) => {
    const [g] = gainsOf([base, pts], field, 'yuan', 10);
    const d = differences(base, pts, field);
    expect(g!.gainers + g!.losers + g!.unchanged + g!.missing).toBe(base.n);
    expect(g!.gainers).toBe([...d].filter((x) => x > 0).length);
    expect(g!.losers).toBe([...d].filter((x) => x < 0).length);
    const sum = (xs: number[]) => xs.reduce((a, x) => a + BigInt(x), 0n);
    expect(BigInt(g!.gained.replace('.', ''))).toBe(sum([...d].filter((x) => x > 0)));
    expect(BigInt(g!.lost.replace('.', ''))).toBe(sum([...d].filter((x) => x < 0)));
    const ups = g!.topGains.map((x) => Number(x.delta));
    expect(ups).toEqual([...ups].sort((a, b) => b - a));
    for (const x of g!.topGains) expect(x.delta).toBe(formatMoney(d[base.indexOf(x.id)!]!));
    for (const x of g!.topLosses) expect(Number(x.delta)).toBeLessThan(0);
  });

  it('the owed differences add up to the fund’s: Σ gains + Σ losses = Δ owed to institutions', () => {
    const [g] = gainsOf([base, pts], 'owed', 'yuan');
    const total = BigInt(g!.gained.replace('.', '')) + BigInt(g!.lost.replace('.', ''));
    expect(total).toBe(BigInt(pts.fund.hospitalsOwed.replace('.', '')) - BigInt(base.fund.hospitalsOwed.replace('.', '')));
    // Points move money between institutions: someone gains and someone loses here.
    expect(g!.gainers).toBeGreaterThan(0);
    expect(g!.losers).toBeGreaterThan(0);
  });
});

describe('the case list import view', () => {
  it('is offered for a scenario with a points pool and a catalogue only, and says why not otherwise', () => {
    const { ws, id } = pointsWorkspace();
    // The fixture has no catalogue: a case list cannot be scored.
    expect(casesView(stateOf(ws, { active: id })).available).toBe(false);
    // …but the card is offered, for its catalogue import to come first (state/handle-catalogue.ts).
    expect(casesView(stateOf(ws, { active: id }))).toMatchObject({ offered: true, groups: 0, catalogue: null });
    expect(casesView(stateOf(ws)).offered).toBe(false); // the baseline settles by targets
    const withCat = setVariantChanges(ws, id, [...ws.variants[0]!.changes, { op: 'set', path: ['catalogue'], value: [{ id: 'G1', score: '100', refCost: '10000.00' }] }]);
    expect(casesView(stateOf(withCat, { active: id }))).toMatchObject({ available: true, groups: 1 });
    expect(casesView(stateOf(withCat)).available).toBe(false);
    const refused = casesView(stateOf(withCat, { active: id, cases: { ref: id, fileName: 'x.csv', status: 'refused', progress: null, report: null, applied: null, error: 'no', ms: 1200 } }));
    expect(refused).toMatchObject({ status: 'refused', error: 'no', seconds: '1.2', fileName: 'x.csv' });
    const running = casesView(stateOf(withCat, { active: id, cases: { ref: id, fileName: 'x.csv', status: 'running', progress: { phase: 'read', fraction: 0.5, rows: 1000 }, report: null, applied: null, error: null, ms: 0 } }));
    expect(running.fraction).toBe(0.5);
    expect(running.progress).toMatch(/1000|1,000/);
    // Cases of institutions in pools settled by targets: written, and said (a note, not an error), in the language shown.
    const outside = [{ id: 'P1', name: '甲社区', cases: 30 }, { id: 'P2', name: '乙社区', cases: 12 }];
    const done = { ref: id, fileName: 'x.csv', status: 'done' as const, progress: null, report: null, applied: { written: 5, zeroed: [], outside }, error: null, ms: 0 };
    expect(casesView(stateOf(withCat, { active: id, cases: done })).outside).toBe(
      '2 家机构（42 条病例）属于按总额指标结算的分配池，其点数不参与结算（已写入方案，该池改按点数结算时才会用到）：甲社区、乙社区');
    expect(casesView(stateOf(withCat, { active: id, cases: done, lang: 'en' })).outside).toMatch(/^2 institutions \(42 cases\) belong to pools settled by targets/);
    expect(casesView(stateOf(withCat, { active: id, cases: { ...done, applied: { ...done.applied, outside: [] } } })).outside).toBeNull();
    // Another scenario's import is not shown on this one.
    expect(casesView(stateOf(withCat, { active: 'baseline', cases: { ref: id, fileName: 'x.csv', status: 'done', progress: null, report: null, applied: null, error: null, ms: 0 } })).status).toBe('idle');
  });
});

describe('the brief of an institution of a points pool', () => {
  it('has its points, share, point values, entitlement and payment rate, and the per-target baseline beside it', () => {
    const { ws, id } = pointsWorkspace();
    const s = stateOf(ws, { active: id, compare: ['baseline', id] });
    const cols = [{ name: 'v', view: s.cols[id]!.view }, { name: 'b', view: s.cols.baseline!.view }];
    const want = runScenario(scenarioOf(ws, id));
    const base = runScenario(scenarioOf(ws, 'baseline'));
    const h = want.hospitals.find((x) => x.id === 'H002')!;
    const b = briefPoints(scenarioOf(ws, id), cols, 'H002')!;
    const pool = want.fund.pools.find((p) => p.id === 'hosp')!;
    expect(b).toMatchObject({ points: h.points, pointShare: h.pointShare, entitlement: h.target, paymentRate: h.paymentRate, pointValue: pool.pointValue, budgetPointValue: pool.budgetPointValue });
    expect(b.scenarios[1]).toEqual({ name: 'b', byPoints: false, points: null, pointValue: null, target: base.hospitals[1]!.target, paymentRate: base.hospitals[1]!.paymentRate });
    // Outside a points pool (the primary pool; the baseline) there is no points section.
    expect(briefPoints(scenarioOf(ws, id), cols, 'C001')).toBeNull();
    expect(briefPoints(scenarioOf(ws, 'baseline'), [cols[1]!], 'H002')).toBeNull();
  });
});

describe('the institution tab of a points member: its year and its months in points words, from the engine’s points figures', () => {
  const { ws, id } = pointsWorkspace();
  const want = runScenario(scenarioOf(ws, id));
  const base = runScenario(scenarioOf(ws, 'baseline'));
  const i = want.hospitals.findIndex((x) => x.id === 'H002');
  const h = want.hospitals[i]!;
  const ex = explain(scenarioOf(ws, id), want, i)!;
  const shown = (lang: 'zh' | 'en', active = id, compare = [id, 'baseline']) => new HospitalViews().of(stateOf(ws, {
    tab: 'hospital', hospital: 'H002', active, compare, lang,
    brief: { ref: active, id: 'H002', key: 1, explanation: active === id ? ex : explain(scenarioOf(ws, active), base, i)!, whatIf: null },
  }));
  const fen = (s: string) => BigInt(s.replace('.', ''));
  const sum = (xs: readonly string[]) => xs.reduce((a, x) => a + fen(x), 0n);

  it('its year: the pool shared by its points → entitlement → actual → owed → paid on pre-settlement → balance, the engine’s figures', () => {
    const bars = shown('zh').waterfalls[0]!.bars!;
    const by = (k: string) => bars.find((b) => b.key === k);
    expect(by('allocatedTarget')).toMatchObject({ label: '分配池按点数分摊', amount: h.allocatedTarget });
    expect(by('target')).toMatchObject({ label: '点数法应得额', amount: h.target });
    expect(h.target).toBe(ex.points!.entitlement);
    expect(by('paidTotal')).toMatchObject({ label: '月度预结算已拨付', amount: `-${h.paidTotal}` });
    // What the months paid: the pre-settlement less the deposit withheld from it.
    expect(fen(h.paidTotal)).toBe(sum(h.monthlyBudget) - sum(h.withheld));
    expect(sum(h.monthlyBudget)).toBe(fen(ex.points!.preSettled));
    expect(by('balance')!.amount).toBe(h.balance);
    const surplus = bars.find((b) => b.key === 'surplusVsTarget' || b.key === 'overspendVsTarget')!;
    expect(['结余（低于应得额）', '超支（高于应得额）']).toContain(surplus.label);
    for (const b of bars) expect(b.label).not.toMatch(/总额控制指标|分配指标|月度拨付/);
    const en = shown('en').waterfalls[0]!.bars!;
    expect(en.find((b) => b.key === 'target')!.label).toBe('Entitlement by points');
  });

  it('its months are the monthly pre-settlement; a per-target institution’s are not', () => {
    expect(shown('zh')).toMatchObject({ monthly: ex.hospital, monthlyByPoints: true });
    expect(shown('zh', 'baseline', ['baseline', id]).monthlyByPoints).toBe(false);
  });

  it('its change against the per-target baseline names the steps for both, whichever is shown', () => {
    for (const [active, compare] of [[id, [id, 'baseline']], ['baseline', ['baseline', id]]] as const) {
      const bars = shown('zh', active, [...compare]).waterfalls[1]!.bars!;
      expect(bars.find((b) => b.key === 'allocatedTarget')?.label).toBe('分配指标／按点数分摊');
      expect(bars.find((b) => b.key === 'monthsTarget')?.label).toBe('月度拨付：指标／应得额');
      const [a, b] = active === id ? [base.hospitals[i]!, h] : [h, base.hospitals[i]!];
      expect(bars.find((x) => x.key === 'allocatedTarget')!.amount).toBe(formatMoney(Number(fen(b.allocatedTarget) - fen(a.allocatedTarget))));
      expect(bars.at(-1)).toMatchObject({ key: 'balanceAfter', amount: b.balance });
    }
  });
});

describe('the parameters compared: a catalogue named only by its source', () => {
  it('reads by its count of groups, not as an open bound (∞)', () => {
    const { ws, id } = pointsWorkspace();
    const cat = [{ id: 'G1', score: '100', refCost: '10000.00' }, { id: 'G2', score: '80', refCost: '8000.00' }];
    const src = { document: '国家医疗保障按病种分值付费（DIP）技术规范', status: 'assumption' as const };
    const withCat = setVariantChanges(ws, id, [...ws.variants[0]!.changes, { op: 'set', path: ['catalogue'], value: cat },
      { op: 'set', path: ['policy', 'sources'], value: { ...(scenarioOf(ws, id).policy.sources ?? {}), catalogue: src } }]);
    for (const [lang, two] of [['zh', '2 项'], ['en', '2 items']] as const) {
      const v = new CompareViews().of(stateOf(withCat, { active: id, compare: ['baseline', id], tab: 'compare', lang }));
      const row = v.params.rows.find((r) => r.path === 'catalogue')!;
      expect(row.shown).toEqual(['—', two]);
    }
  });
});
