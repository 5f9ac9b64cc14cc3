/**
 * Sweeps and tornados (DESIGN §9): values computed exactly, the point at the current value is
 * the plain run, every grid cell is the run of the scenario with both values set, tornado
 * ranking by spread (ties in the order given), invalid points reported with their issues.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { planSweep, runSweep, evaluatePoints, splitPoints, assembleSweep } from '../../src/engine/sweep.ts';
import { planTornado, runTornado } from '../../src/engine/tornado.ts';
import { resolveParam, sweepableParams, setAt, writtenValue, parsePath } from '../../src/engine/sweep-params.ts';
import { parseDecimal, formatDecimal, mulDecimal, DEC_ONE } from '../../src/engine/decimal.ts';
import type { FundResult } from '../../src/engine/result.ts';
import type { Scenario } from '../../src/format/types.ts';
import { scenarioDocArb } from '../engine/scenario-arb.ts';

function load(path: string): Scenario {
  const r = loadScenario(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.scenario;
}
const city = load('scenarios/city.json');

/** The scenario with `path` set to `value` as the file writes it, run from scratch. */
function runWith(s: Scenario, sets: [string, string][]) {
  let doc = s;
  for (const [path, value] of sets) {
    const r = resolveParam(s, path);
    if (!r.ok) throw new Error(r.issue.message);
    doc = setAt(doc, r.param.segments, writtenValue(r.param, parseDecimal(value)!));
  }
  const v = validateScenario(JSON.parse(JSON.stringify(doc)));
  return v.ok ? { result: runScenario(v.scenario), issues: [] } : { result: null, issues: v.issues };
}

describe('sweep values', () => {
  it('are exact decimals from `from` towards `to` (no binary floating point)', () => {
    const p = planSweep(city, { param: { path: 'fund.adjustmentFundRate', from: '0.1', to: '0.3', step: '0.1' } });
    expect(p.ok && p.plan.axes[0]!.values).toEqual(['0.1', '0.2', '0.3']);
    const d = planSweep(city, { param: { path: 'fund.adjustmentFundRate', from: '0.05', to: '0.01', step: '0.015' } });
    expect(d.ok && d.plan.axes[0]!.values).toEqual(['0.05', '0.035', '0.02']);
    const a = planSweep(city, { param: { path: 'fund.budget', from: '3000000000', to: '3400000000', step: '100000000.5' } });
    expect(a.ok && a.plan.axes[0]!.values).toEqual(['3000000000.00', '3100000000.50', '3200000001.00', '3300000001.50']);
  });

  it('mark the current value, or say it is not on the grid', () => {
    const on = planSweep(city, { param: { path: 'policy.deposit.rates.hospital', from: '0.05', to: '0.15', step: '0.01' } });
    expect(on.ok && on.plan.axes[0]!.currentIndex).toBe(5);
    const off = planSweep(city, { param: { path: 'policy.deposit.rates.hospital', from: '0.055', to: '0.155', step: '0.01' } });
    expect(off.ok && off.plan.axes[0]!.currentIndex).toBeNull();
  });

  it('refuse more than 50 values, a bad path, amounts with more than 2 decimals, unknown outputs — each by field', () => {
    const r = planSweep(city, { param: { path: 'fund.adjustmentFundRate', from: '0', to: '0.5', step: '0.01' }, param2: { path: 'fund.budgetz', from: '1', to: '2', step: '1' }, outputs: ['closingBalance', 'T01.nope', 'nobody.owed', 'foo'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['param.step', 'param2.path', 'outputs[1]', 'outputs[2]', 'outputs[3]']);
    expect(r.issues[0]!.message).toContain('51 values; at most 50');
    const amt = planSweep(city, { param: { path: 'fund.budget', from: '1.001', to: '2', step: '0.5' } }, 'analysis.sweeps[0]');
    expect(!amt.ok && amt.issues.map((i) => i.path)).toEqual(['analysis.sweeps[0].param.from']);
  });

  it('paths name list elements by index or id, map keys plainly or quoted', () => {
    expect(parsePath('policy.levelCoefficients["三级"]')).toEqual([{ key: 'policy' }, { key: 'levelCoefficients' }, { key: '三级' }]);
    const byId = resolveParam(city, 'hospitals[id=T01].lockedTarget');
    const byIndex = resolveParam(city, 'hospitals[0].lockedTarget');
    expect(byId.ok && byId.param.segments).toEqual(['hospitals', 0, 'lockedTarget']);
    expect(byIndex.ok && byIndex.param.path).toBe('hospitals[id=T01].lockedTarget');
    expect(resolveParam(city, 'policy.weightFormula').ok).toBe(false);
    expect(resolveParam(city, 'hospitals[id=nobody].score').ok).toBe(false);
  });
});

describe('sweep points', () => {
  it('the point at the current value equals the plain run, for every sweepable parameter of the city', () => {
    const plain = runScenario(city);
    const params = sweepableParams(city);
    expect(params.length).toBeGreaterThan(30);
    for (const p of params) {
      const r = runSweep(city, { param: { path: p.path, from: p.current!, to: p.current!, step: '1' }, outputs: ['closingBalance', 'adjustmentFundUsed', 'monthsOfCoverage', 'hospitalsOwed', 'T01.owed', 'S01.target'] });
      expect(r.ok, p.path).toBe(true);
      if (!r.ok) continue;
      const t01 = plain.hospitals.find((h) => h.id === 'T01')!, s01 = plain.hospitals.find((h) => h.id === 'S01')!;
      expect(r.result.points[0]!.values, p.path).toEqual([plain.fund.closingBalance, plain.fund.adjustmentFundUsed, plain.fund.monthsOfCoverage, plain.fund.hospitalsOwed, t01.owed, s01.target]);
      expect(r.result.base).toEqual(r.result.points[0]);
    }
  });

  it('the point at the current value equals the plain run on random scenarios', () => {
    fc.assert(fc.property(scenarioDocArb, fc.nat(), (doc, pick) => {
      const v = validateScenario(doc);
      if (!v.ok) throw new Error('invalid generated scenario');
      const params = sweepableParams(v.scenario, { hospitals: true });
      const p = params[pick % params.length]!;
      const r = runSweep(v.scenario, { param: { path: p.path, from: p.current!, to: p.current!, step: '1' }, outputs: ['closingBalance', 'adjustmentFundUsed', 'monthsOfCoverage', 'totalBalance'] });
      expect(r.ok).toBe(true);
      const f = runScenario(v.scenario).fund;
      expect(r.ok && r.result.points[0]!.values).toEqual([f.closingBalance, f.adjustmentFundUsed, f.monthsOfCoverage, f.totalBalance]);
    }), { numRuns: 80 });
  });

  it('a grid is row-major over (param, param2), every cell the run with both values set', () => {
    const spec = { param: { path: 'fund.adjustmentFundRate', from: '0.02', to: '0.04', step: '0.01' }, param2: { path: 'policy.overspend.reasonableShare', from: '0.6', to: '1', step: '0.2' }, outputs: ['closingBalance', 'adjustmentFundUsed', 'S12.fundShare'] };
    const r = runSweep(city, spec);
    if (!r.ok) throw new Error('plan refused');
    const [a, b] = r.result.axes;
    expect(r.result.points).toHaveLength(9);
    a!.values.forEach((x, i) => b!.values.forEach((y, j) => {
      const want = runWith(city, [[a!.param.path, x], [b!.param.path, y]]).result!;
      const s12 = want.hospitals.find((h) => h.id === 'S12')!;
      expect(r.result.points[i * 3 + j]!.values, `${x} × ${y}`).toEqual([want.fund.closingBalance, want.fund.adjustmentFundUsed, s12.fundShare]);
    }));
    // Where the current values meet: the plain run.
    expect(a!.currentIndex).toBe(1);
    expect(b!.currentIndex).toBe(1);
    expect(r.result.points[4]).toEqual(r.result.base);
  });

  it('reports invalid points with their issues instead of failing (pool shares, a share above 1)', () => {
    const r = runSweep(city, { param: { path: 'policy.pools[0].share', from: '0.8', to: '0.84', step: '0.02' } });
    if (!r.ok) throw new Error('plan refused');
    const [lo, cur, hi] = r.result.points;
    expect(cur!.values).not.toBeNull();
    for (const p of [lo!, hi!]) {
      expect(p.values).toBeNull();
      expect(p.issues).toEqual([expect.objectContaining({ path: 'policy.pools', message: expect.stringContaining('must add up to 1') })]);
    }
    const over = runSweep(city, { param: { path: 'fund.adjustmentFundRate', from: '0.9', to: '1.1', step: '0.1' } });
    if (!over.ok) throw new Error('plan refused');
    expect(over.result.points.map((p) => p.values !== null)).toEqual([true, true, false]);
    expect(over.result.points[2]!.issues).toEqual([expect.objectContaining({ path: 'fund.adjustmentFundRate', message: 'must be between 0 and 1 (it would be 1.1)', code: 'sweepValueBad' })]);
  });

  it('any split of the points gives the same outcomes', () => {
    const p = planSweep(city, { param: { path: 'policy.surplus.tiers[0].share', from: '0.5', to: '0.9', step: '0.05' }, outputs: ['closingBalance', 'T01.reward'] });
    if (!p.ok) throw new Error('plan refused');
    const all = evaluatePoints(city, p.plan, p.plan.points.map((_, i) => i));
    for (const parts of [1, 2, 3, 7, 50]) {
      const slices = splitPoints(p.plan, parts);
      expect(slices.flat()).toEqual(p.plan.points.map((_, i) => i));
      const out = new Array(all.length);
      for (const s of slices.reverse()) evaluatePoints(city, p.plan, s).forEach((o, k) => { out[s[k]!] = o; });
      expect(assembleSweep(p.plan, out)).toEqual(assembleSweep(p.plan, all));
    }
  });
});

describe('tornado', () => {
  it('moves each parameter to value × (1 ± x) rounded to its precision', () => {
    const p = planTornado(city, { params: ['fund.adjustmentFundRate', 'fund.carveOuts[0].amount', 'hospitals[id=T01].volume'], change: '0.333' });
    if (!p.ok) throw new Error('plan refused');
    // 0.03 × 0.667 = 0.02001; 42,600,000 × 1.333 = 56,785,800; a count rounds to a whole number.
    expect(p.plan.params.map((x) => [x.low, x.high])).toEqual([['0.02001', '0.03999'], ['28414200.00', '56785800.00'], ['22349', '44665']]);
    expect(formatDecimal(mulDecimal(parseDecimal('0.05')!, DEC_ONE + parseDecimal('0.1')!, 2))).toBe('0.06'); // 0.055 half-up
  });

  it('ranks by spread, largest first; equal spreads and parameters without one keep the order given', () => {
    const r = runTornado(city, {
      params: ['fund.openingBalance', 'policy.deposit.rates.hospital', 'fund.revenue', 'fund.adjustmentFundRate', 'fund.adjustmentTopUpCap', 'fund.budget'],
      change: '0.1', output: 'hospitalsOwed',
    });
    if (!r.ok) throw new Error('plan refused');
    const order = r.result.entries.map((e) => e.param.path);
    expect(order).toEqual(['fund.budget', 'fund.adjustmentFundRate', 'policy.deposit.rates.hospital', 'fund.openingBalance', 'fund.revenue', 'fund.adjustmentTopUpCap']);
    const spreads = r.result.entries.map((e) => e.spread);
    expect(spreads.slice(3)).toEqual(['0.00', '0.00', null]);
    // Each spread is max − min of the three runs, checked against plain runs.
    const e = r.result.entries[0]!;
    const owed = (v: string) => BigInt(runWith(city, [['fund.budget', v]]).result!.fund.hospitalsOwed.replace('.', ''));
    const xs = [owed(e.low!), owed(e.high!), BigInt(runScenario(city).fund.hospitalsOwed.replace('.', ''))];
    const spread = xs.reduce((a, b) => (a > b ? a : b)) - xs.reduce((a, b) => (a < b ? a : b));
    expect(BigInt(e.spread!.replace('.', ''))).toBe(spread);
  });

  it('an invalid side is reported, not a crash', () => {
    const r = runTornado(city, { params: ['policy.pools[0].share', 'fund.adjustmentFundRate'], change: '0.5', output: 'closingBalance' });
    if (!r.ok) throw new Error('plan refused');
    const pools = r.result.entries.find((x) => x.param.path === 'policy.pools[0].share')!;
    expect(pools.outLow).toBeNull();
    expect(pools.spread).toBeNull();
    expect(pools.issues.length).toBeGreaterThanOrEqual(2);
    expect(r.result.entries[0]!.param.path).toBe('fund.adjustmentFundRate');
  });

  it('refuses a bad change, a repeated or unknown parameter by field', () => {
    const r = planTornado(city, { params: ['fund.budget', 'fund.budget', 'fund.nothing'], change: '1.5', output: 'nope' }, 'analysis.sweeps[2]');
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['analysis.sweeps[2].change', 'analysis.sweeps[2].output', 'analysis.sweeps[2].params[1]', 'analysis.sweeps[2].params[2]']);
  });
});

describe('fund outputs', () => {
  it('name scalar fund fields only', () => {
    const plain = runScenario(city).fund;
    const names = Object.keys(plain).filter((k) => typeof plain[k as keyof FundResult] === 'string' || plain[k as keyof FundResult] === null);
    const r = runSweep(city, { param: { path: 'fund.budget', from: '3200000000', to: '3200000000', step: '1' }, outputs: names });
    expect(r.ok && r.result.points[0]!.values).toEqual(names.map((k) => plain[k as keyof FundResult]));
  });
});
