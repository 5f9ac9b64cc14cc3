/**
 * The rules of later years that the golden cases do not all show: the top-up cap and carve-outs
 * follow the budget, locked targets kept or released, a year that cannot be settled ends the
 * run with its issues, parameters come from the file's analysis.years under the caller's, and
 * bad parameters are refused with field paths.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/open.ts';
import { runYears } from '../../src/engine/years.ts';
import { resolveYears, YEARS_DEFAULTS } from '../../src/engine/analysis-params.ts';
import { ScenarioError } from '../../src/format/issues.ts';
import type { Scenario } from '../../src/format/types.ts';
import { asOfMonth } from '../../src/engine/as-of.ts';
import { runScenario } from '../../src/engine/run.ts';
import { formatMoney } from '../../src/engine/money.ts';

function load(path: string): Scenario {
  const r = loadScenario(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.scenario;
}

const topup = load('scenarios/af-shortfall-topup.json');
const planning = load('scenarios/planning-2026.json');

describe('several years: later-year rules', () => {
  it('the top-up cap and every carve-out grow with the budget, rounded half-up from the year before', () => {
    const seen: Scenario[] = [];
    runYears(topup, { years: 3, budgetGrowth: '0.015' }, (_p, s) => seen.push(s));
    expect(seen).toHaveLength(3);
    const fen = (s: string) => Number(s.replace('.', ''));
    for (let k = 1; k < 3; k++) {
      const a = seen[k - 1]!.fund, b = seen[k]!.fund;
      // × 1.015 = × 203 / 200, half-up: (2 × 203 × x + 200) ÷ 400.
      const grow = (x: string) => Math.floor((2 * 203 * fen(x) + 200) / 400);
      expect(fen(b.adjustmentTopUpCap!)).toBe(grow(a.adjustmentTopUpCap!));
      expect(fen(b.budget)).toBe(grow(a.budget));
      b.carveOuts.forEach((c, j) => expect(fen(c.amount)).toBe(grow(a.carveOuts[j]!.amount)));
      expect(b.riskReserveRate).toBe(a.riskReserveRate);
      expect(b.adjustmentFundRate).toBe(a.adjustmentFundRate);
    }
  });

  it('a locked target is kept as negotiated, or released to the weights after year one', () => {
    const i = planning.hospitals.findIndex((h) => h.lockedTarget !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const lock = Number(planning.hospitals[i]!.lockedTarget!.replace('.', ''));
    const kept = runYears(planning, { years: 3, lockedTargets: 'keep' });
    const released = runYears(planning, { years: 3, lockedTargets: 'release' });
    for (const y of kept.years) expect(y.columns.target[i]).toBe(lock);
    expect(released.years[0]!.columns.target[i]).toBe(lock);
    expect(released.years.slice(1).some((y) => y.columns.target[i] !== lock)).toBe(true);
  });

  it('a year that cannot be settled ends the run with its issues (a kept lock larger than a shrunk pool)', () => {
    const run = runYears(planning, { years: 5, budgetGrowth: '-0.9', lockedTargets: 'keep' });
    expect(run.stopped).not.toBeNull();
    expect(run.stopped!.index).toBe(2);
    expect(run.years).toHaveLength(1);
    expect(run.stopped!.issues.some((x) => /locked targets/.test(x.message))).toBe(true);
  });

  it('takes its parameters from the file under the caller\'s, over the defaults', () => {
    const s: Scenario = { ...planning, analysis: { years: { years: 3, baseRule: 'target', budgetGrowth: '0.02' } } };
    const a = runYears(s);
    expect(a.params).toEqual({ ...YEARS_DEFAULTS, years: 3, baseRule: 'target', budgetGrowth: '0.02' });
    expect(a.years).toHaveLength(3);
    const b = runYears(s, { baseRule: 'actual' });
    expect(b.params.baseRule).toBe('actual');
    expect(b.params.years).toBe(3);
  });

  it('refuses bad parameters with the path of each field', () => {
    const r = resolveYears({ years: 11, baseRule: 'ratchet' as never, revenueGrowth: '-1', budgetGrowth: 'x', warningMonths: '-2' });
    expect(r.issues.map((i) => i.path)).toEqual([
      'analysis.years.years', 'analysis.years.baseRule', 'analysis.years.revenueGrowth', 'analysis.years.budgetGrowth', 'analysis.years.warningMonths',
    ]);
    expect(() => runYears(planning, { years: 1 })).toThrow(ScenarioError);
  });

  it('names calendar years when the file does, flags months of coverage below the warning line', () => {
    const run = runYears(topup, { years: 2, warningMonths: '1000' });
    expect(run.years.map((y) => y.year)).toEqual(topup.meta.year === undefined ? [null, null] : [topup.meta.year, topup.meta.year + 1]);
    expect(run.years.every((y) => y.belowWarning === (y.fund.monthsOfCoverage !== null))).toBe(true);
    const { year: _y, ...meta } = topup.meta;
    expect(runYears({ ...topup, meta }, { years: 2 }).years.map((y) => y.year)).toEqual([null, null]);
  });

  it('a year in progress with a mid-year adjustment: year one is that year as settled (adjusted target, months projected); later years are plans without either', () => {
    const june = asOfMonth(load('scenarios/city.json'), 6);
    if (!june.ok) throw new Error('as of June');
    const s: Scenario = { ...june.scenario, adjustments: [{ hospital: 'T01', from: 7, change: '-5000000.00', reason: '停诊整改' }] };
    const seen: Scenario[] = [];
    const run = runYears(s, { years: 3, baseRule: 'target' }, (_p, y) => seen.push(y));
    expect(run.stopped).toBeNull();
    const plain = runScenario(s);
    const t01 = s.hospitals.findIndex((h) => h.id === 'T01');
    expect(run.years[0]!.fund).toEqual(plain.fund);
    const adjusted = plain.hospitals[t01]!.target;
    expect(formatMoney(run.years[0]!.columns.target[t01]!)).toBe(adjusted);
    expect(runScenario({ ...s, adjustments: [] }).hospitals[t01]!.target).not.toBe(adjusted);
    // Year two: the adjusted target is T01's newest history year (base rule target); nothing of the year in progress is carried.
    const y2 = seen[1]!;
    expect(y2.hospitals[t01]!.history.at(-1)).toBe(adjusted);
    expect(y2.monitoring).toBeUndefined();
    expect(y2.adjustments).toBeUndefined();
    expect(y2.hospitals.every((h) => h.claimsToDate === undefined && h.lastYearClaims === undefined && h.claims === undefined)).toBe(true);
    // …so its claims are projected from the basis, the same as a plan file of that year would be.
    expect(run.years[1]!.fund).toEqual(runScenario(y2).fund);
    expect(Array.from(run.years[1]!.columns.claimsTotal)).not.toEqual(Array.from(run.years[0]!.columns.claimsTotal));
  });
});
