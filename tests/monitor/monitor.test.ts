/** The monthly report and its warnings on a hand-derived pool (tests/monitor/fixture.ts). */
import { describe, expect, it } from 'vitest';
import { monitor } from '../../src/engine/monitor.ts';
import { validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { threeHospitals } from './fixture.ts';

describe('monitor: claims through June, the rest projected', () => {
  const r = monitor(threeHospitals());

  it('says which months are actual and which projected', () => {
    expect(r.asOf).toBe(6);
    expect(r.months).toEqual([...new Array(6).fill('actual'), ...new Array(6).fill('projected')]);
  });

  it('A: 115,000 a month → projected 1,380,000.00, overspend 15% > 10%; deferred 90,000 of 600,000 to date (15% > 5%)', () => {
    // R = 690,000 × 6/6 = 690,000 → year 1,380,000; (1,380,000 − 1,200,000) / 1,200,000 = 0.15.
    // Paid to date min(690,000, 600,000) = 600,000; deferred 90,000 = 15% of the budget to date.
    const a = r.rows[0]!;
    expect(a).toMatchObject({
      id: 'A', target: '1200000.00', budgetToDate: '600000.00', claimsToDate: '690000.00', paidToDate: '600000.00',
      deferredToDate: '90000.00', progress: '1.1500', projectedClaims: '1380000.00', projectedActual: '1380000.00',
      projectedRate: '0.1500', warnings: ['overspend', 'deferred'],
    });
  });

  it('B: 603,000 to date → projected 1,206,000.00 (0.5%), deferred 3,000 (0.5%): no warning', () => {
    // Months 7–12: apportion(603,000, 6) = 100,500 each; deferred to date 603,000 − 600,000.
    const b = r.rows[1]!;
    expect(b).toMatchObject({ projectedClaims: '1206000.00', projectedRate: '0.0050', deferredToDate: '3000.00', warnings: [] });
    const s = validateScenario(threeHospitals());
    expect(s.ok).toBe(true);
    const res = runScenario((s as { ok: true; scenario: never }).scenario);
    expect(res.hospitals[1]!.claims).toEqual([...new Array(5).fill('100000.00'), '103000.00', ...new Array(6).fill('100500.00')]);
  });

  it('C: 80,000 a month → projected surplus rate −20%, no warning', () => {
    expect(r.rows[2]).toMatchObject({ projectedClaims: '960000.00', projectedRate: '-0.2000', warnings: [] });
  });

  it('the warning list holds A only; the fund is below its 6-month line', () => {
    // Owed: A = T = 1,200,000 (no overspend rule), B = T = 1,200,000, C = A = 960,000 (no
    // surplus rule) → expenditure 3,360,000; closing 500,000 + 3,700,000 − 3,360,000 = 840,000;
    // months of coverage 840,000 × 12 / 3,360,000 = 3.0000 < 6.
    expect(r.warningList).toEqual([0]);
    expect(r.fund).toMatchObject({
      budgetToDate: '1800000.00', claimsToDate: '1773000.00', deferredToDate: '93000.00',
      projectedExpenditure: '3360000.00', projectedClosingBalance: '840000.00', projectedMonthsOfCoverage: '3.0000', belowWarningLine: true,
    });
    expect(r.thresholds.coverageMonths).toEqual({ value: '6', source: null, given: false });
  });

  it('thresholds from the file, with their sources; a rate exactly at the threshold is not above it', () => {
    const s = threeHospitals();
    s.monitoring!.thresholds = { overspendRate: '0.15', deferredRate: '0.005', coverageMonths: '3' };
    s.policy.sources = { 'monitoring.thresholds.overspendRate': { document: '示例市医保局通报制度', status: 'assumption' } };
    const t = monitor(s);
    // A's 0.15 is not above 0.15, its deferral 15% is above 0.5%; B's 0.5% deferral is not above 0.5%.
    expect(t.rows.map((x) => x.warnings)).toEqual([['deferred'], [], []]);
    expect(t.fund.belowWarningLine).toBe(false); // 3.0000 is not below 3
    expect(t.thresholds.overspendRate).toEqual({ value: '0.15', source: { document: '示例市医保局通报制度', status: 'assumption' }, given: true });
  });

  it('a year-end file (no monitoring) is reported as of December', () => {
    const s = threeHospitals();
    delete s.monitoring;
    for (const h of s.hospitals) { h.claims = [...h.claimsToDate!, ...h.claimsToDate!]; delete h.claimsToDate; }
    const y = monitor(s);
    expect(y.asOf).toBe(12);
    expect(y.rows[0]!.claimsToDate).toBe('1380000.00');
  });
});

describe('the gate: claims to date against monitoring.asOf', () => {
  const issues = (s: unknown) => { const r = validateScenario(s); return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`); };

  it('names the institution and the field', () => {
    const s = threeHospitals();
    s.hospitals[1]!.claimsToDate = s.hospitals[1]!.claimsToDate!.slice(0, 5);
    delete s.hospitals[2]!.claimsToDate;
    s.hospitals[2]!.claims = new Array(12).fill('1.00');
    expect(issues(s)).toEqual([
      'hospitals[1].claimsToDate: institution "B": must have 6 monthly amounts (monitoring.asOf is 6); it has 5',
      'hospitals[2].claims: institution "C": the whole year\'s claims cannot be given while monitoring.asOf is set (known through month 6); give the months known as claimsToDate',
    ]);
  });

  it('refuses a month outside 0–12, claims to date without asOf, and a bad amount', () => {
    const s = threeHospitals();
    s.monitoring!.asOf = 13;
    s.hospitals[0]!.claimsToDate![2] = '-1.00';
    expect(issues(s)).toEqual([
      'hospitals[0].claimsToDate[2]: must be a non-negative amount with at most 2 decimals, written as a string like "1234.56"',
      'monitoring.asOf: must be a month from 0 (none known yet) to 12',
    ]);
    const t = threeHospitals();
    delete t.monitoring;
    expect(issues(t)[0]).toBe('hospitals[0].claimsToDate: institution "A": claims to date need monitoring.asOf (the month they are known through)');
  });
});
