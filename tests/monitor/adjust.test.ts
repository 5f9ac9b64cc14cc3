/** Mid-year adjustment (DESIGN §10), hand-derived on the three-hospital pool of fixture.ts. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { monitor } from '../../src/engine/monitor.ts';
import { threeHospitals } from './fixture.ts';
import type { Adjustment, Scenario } from '../../src/format/types.ts';

const withAdjustment = (...a: Adjustment[]): Scenario => ({ ...threeHospitals(), adjustments: a });
const run = (s: Scenario) => {
  const v = validateScenario(s);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return runScenario(v.scenario);
};
const issues = (s: Scenario) => { const v = validateScenario(s); return v.ok ? [] : v.issues.map((i) => `${i.path}: ${i.message}`); };

describe('an adjustment from July', () => {
  // A's target is cut by 100,000.01 from month 7. B and C (equal weights) absorb
  // apportion(10,000,001 fen, [1, 1]) = 5,000,001 and 5,000,000 (the tie goes to B, earlier).
  //   A: 1,099,999.99; months 1–6 keep 100,000.00 (600,000.00); rest 499,999.99 = 49,999,999 fen
  //      over 6 months: 8,333,333 rem 1 → July 83,333.34, Aug–Dec 83,333.33.
  //   B: 1,250,000.01; rest 650,000.01 = 65,000,001 fen: 10,833,333 rem 3 → Jul–Sep 108,333.34, Oct–Dec 108,333.33.
  //   C: 1,250,000.00; rest 650,000.00: 10,833,333 rem 2 → Jul–Aug 108,333.34, Sep–Dec 108,333.33.
  // The pool: 1,099,999.99 + 1,250,000.01 + 1,250,000.00 = 3,600,000.00.
  const s = withAdjustment({ hospital: 'A', from: 7, change: '-100000.01', reason: '重点专科停诊整改' });
  const r = run(s);
  const first6 = new Array(6).fill('100000.00');

  it('re-splits the months from July, keeps months 1–6, and the pool adds up', () => {
    expect(r.hospitals.map((h) => h.target)).toEqual(['1099999.99', '1250000.01', '1250000.00']);
    expect(r.hospitals[0]!.monthlyBudget).toEqual([...first6, '83333.34', ...new Array(5).fill('83333.33')]);
    expect(r.hospitals[1]!.monthlyBudget).toEqual([...first6, '108333.34', '108333.34', '108333.34', '108333.33', '108333.33', '108333.33']);
    expect(r.hospitals[2]!.monthlyBudget).toEqual([...first6, '108333.34', '108333.34', ...new Array(4).fill('108333.33')]);
    expect(r.fund.totalTargets).toBe('3600000.00');
  });

  it('paid months before July are those of the year without the adjustment', () => {
    const plain = run(threeHospitals());
    for (let i = 0; i < 3; i++) expect(r.hospitals[i]!.paid.slice(0, 6)).toEqual(plain.hospitals[i]!.paid.slice(0, 6));
  });

  it('the report marks the adjusted institutions and lists the adjustment with its reason', () => {
    // A: projected 1,380,000 against 1,099,999.99 → overspend 280,000.01 / 1,099,999.99 = 0.2545.
    const m = monitor(s);
    expect(m.rows.map((x) => x.adjusted)).toEqual([true, true, true]);
    expect(m.rows[0]!.projectedRate).toBe('0.2545');
    expect(m.adjustments).toEqual([{ hospital: 'A', from: 7, reason: '重点专科停诊整改', change: '-100000.01', targetBefore: '1200000.00', targetAfter: '1099999.99', members: 2 }]);
  });

  it('a new target is the same as the change that reaches it', () => {
    const t = run(withAdjustment({ hospital: 'A', from: 7, target: '1099999.99', reason: 'x' }));
    expect(t.hospitals).toEqual(r.hospitals);
  });

  it('adjustments apply in order, each on what the one before left', () => {
    // Then C +0.02 from December: A and B absorb apportion(2 fen, weights 1:1) = 1 fen each; A's
    // December: its budget 1,099,999.98 − months 1–11 (1,016,666.66) = 83,333.32; B's 108,333.32.
    const t = run(withAdjustment(
      { hospital: 'A', from: 7, change: '-100000.01', reason: 'x' },
      { hospital: 'C', from: 12, change: '0.02', reason: 'y' },
    ));
    expect(t.hospitals.map((h) => h.target)).toEqual(['1099999.98', '1250000.00', '1250000.02']);
    expect(t.hospitals.map((h) => h.monthlyBudget[11])).toEqual(['83333.32', '108333.32', '108333.35']);
    expect(t.hospitals.map((h) => h.monthlyBudget.slice(0, 11))).toEqual(r.hospitals.map((h) => h.monthlyBudget.slice(0, 11)));
  });
});

describe('refused adjustments, with the reason', () => {
  it('a cut below what months 1–6 already had', () => {
    // New target 500,000.00 < 600,000.00 already budgeted for January–June.
    expect(issues(withAdjustment({ hospital: 'A', from: 7, change: '-700000.00', reason: 'x' }))).toEqual([
      'adjustments[0]: institution "A": months 1–6 already have 600000.00 budgeted, more than its new monthly budget 500000.00 for the year',
    ]);
  });

  it('a raise the others cannot give up from their remaining months', () => {
    // +2,000,000 from December: B and C give 1,000,000 each but only 100,000 of December is left.
    expect(issues(withAdjustment({ hospital: 'A', from: 12, change: '2000000.00', reason: 'x' }))).toEqual([
      'adjustments[0]: institution "B": months 1–11 already have 1100000.00 budgeted, more than its new monthly budget 200000.00 for the year',
      'adjustments[0]: institution "C": months 1–11 already have 1100000.00 budgeted, more than its new monthly budget 200000.00 for the year',
    ]);
  });

  it('an unknown institution, both or neither of target and change, no reason, no one to absorb', () => {
    const s = withAdjustment(
      { hospital: 'Z', from: 7, change: '1.00', reason: 'x' },
      { hospital: 'A', from: 7, change: '1.00', target: '1.00', reason: 'x' },
      { hospital: 'A', from: 7, reason: ' ' } as Adjustment,
    );
    expect(issues(s)).toEqual(['adjustments[2].reason: must say why the target is adjusted']);
    s.adjustments![2]!.reason = 'z';
    expect(issues(s)).toEqual([
      'adjustments[0].hospital: no institution has the id "Z"',
      'adjustments[1]: institution "A": give either the new target ("target") or the amount it changes by ("change"), not both',
      'adjustments[2]: institution "A": give either the new target ("target") or the amount it changes by ("change"), not neither',
    ]);
    const alone = threeHospitals();
    alone.hospitals[1]!.lockedTarget = '1200000.00';
    alone.hospitals[2]!.lockedTarget = '1200000.00';
    alone.adjustments = [{ hospital: 'A', from: 7, change: '-1.00', reason: 'x' }];
    expect(issues(alone)).toEqual(['adjustments[0].hospital: institution "A": no other unlocked institution with a positive weight in its pool can absorb the change']);
  });
});
