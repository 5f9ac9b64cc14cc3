/** The year as of a month, and a month's claims added (the monthly import). */
import { describe, expect, it } from 'vitest';
import { addMonth, asOfMonth } from '../../src/engine/as-of.ts';
import { validateScenario } from '../../src/scenario/open.ts';
import { monitor } from '../../src/engine/monitor.ts';
import { threeHospitals } from './fixture.ts';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../src/format/types.ts';

describe('asOfMonth and addMonth', () => {
  it('as of an earlier month keeps the months known through it', () => {
    const r = asOfMonth(threeHospitals(), 5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.monitoring!.asOf).toBe(5);
    expect(r.scenario.hospitals[1]!.claimsToDate).toEqual(new Array(5).fill('100000.00'));
    expect(validateScenario(r.scenario).ok).toBe(true);
  });

  it('adding July moves k to 7 and the warnings follow the new month', () => {
    // B reports 250,000.00 for July: to date 853,000; R = 853,000 × 5 / 7 = 609,285.714… →
    // 609,285.71; year 1,462,285.71, rate 0.2186 > 10% → B now warned for overspend too; its
    // deferral to date 853,000 − 700,000 = 153,000 (21.9% of 700,000).
    const july = new Map([['A', '115000.00'], ['B', '250000.00'], ['C', '80000.00']]);
    const r = addMonth(threeHospitals(), 7, july);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rep = monitor(r.scenario);
    expect(rep.asOf).toBe(7);
    expect(rep.rows[1]).toMatchObject({ claimsToDate: '853000.00', projectedClaims: '1462285.71', projectedRate: '0.2186', deferredToDate: '153000.00', warnings: ['overspend', 'deferred'] });
    expect(rep.warningList).toEqual([1, 0]);
  });

  it('refuses a month out of turn, a missing institution and an unknown one', () => {
    expect(addMonth(threeHospitals(), 8, new Map())).toMatchObject({ ok: false, issues: [{ path: 'monitoring.asOf', message: 'claims are known through month 6: the next month to add is 7, not 8', code: 'nextMonth' }] });
    const r = addMonth(threeHospitals(), 7, new Map([['A', '1.00'], ['B', '1.00'], ['X', '1.00']]));
    expect(r).toMatchObject({ ok: false, issues: [
      { path: 'hospitals', message: 'month 7: no institution has the id "X"' },
      { path: 'hospitals[2].claimsToDate', message: 'institution "C": no claims for month 7' },
    ] });
  });

  it('as of 0: nothing known yet, all twelve months projected as the plan projects them', () => {
    // Equal histories of 1,200,000.00, no growth: each year projected at 1,200,000.00 against a
    // target of 1,200,000.00 (rate 0, no warning); nothing budgeted, claimed or paid to date.
    const r = asOfMonth(threeHospitals(), 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.monitoring!.asOf).toBe(0);
    expect(r.scenario.hospitals.map((h) => h.claimsToDate)).toEqual([[], [], []]);
    const g = validateScenario(r.scenario);
    expect(g.ok).toBe(true);
    const rep = monitor(r.scenario);
    expect(rep.asOf).toBe(0);
    expect(rep.months).toEqual(new Array(12).fill('projected'));
    expect(rep.rows[0]).toMatchObject({ target: '1200000.00', budgetToDate: '0.00', claimsToDate: '0.00', progress: null, projectedClaims: '1200000.00', projectedRate: '0.0000' });
    expect(rep.warningList).toEqual([]);
    expect(addMonth(r.scenario, 2, new Map())).toMatchObject({ ok: false, issues: [{ path: 'monitoring.asOf', message: 'claims are known through month 0: the next month to add is 1, not 2' }] });
    expect(asOfMonth(threeHospitals(), -1).ok).toBe(false);
  });

  it('the example city from month 0, its months added one by one, equals the city as of each month', () => {
    const city = JSON.parse(readFileSync(new URL('../../scenarios/city.json', import.meta.url), 'utf8')) as Scenario;
    const zero = asOfMonth(city, 0);
    if (!zero.ok) throw new Error('as of 0 refused');
    expect(validateScenario(zero.scenario).ok).toBe(true);
    let s = zero.scenario;
    for (let k = 1; k <= 6; k++) {
      const r = addMonth(s, k, new Map(city.hospitals.map((h) => [h.id, h.claims![k - 1]!])));
      if (!r.ok) throw new Error(`month ${k} refused`);
      expect(validateScenario(r.scenario).ok).toBe(true);
      s = r.scenario;
      const direct = asOfMonth(city, k);
      if (!direct.ok) throw new Error(`as of ${k} refused`);
      expect(s).toEqual(direct.scenario);
      expect(monitor(s).months.filter((m) => m === 'actual')).toHaveLength(k);
    }
  });
});
