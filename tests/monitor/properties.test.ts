/**
 * Properties of the year in progress on random valid scenarios: after any accepted mid-year
 * adjustment every pool still adds up and no month before it changes (budget or payment);
 * projecting with k = 12 is the plain settlement.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { monitor } from '../../src/engine/monitor.ts';
import type { Result } from '../../src/engine/result.ts';
import type { Scenario } from '../../src/format/types.ts';
import { scenarioDocArb, yuan } from '../engine/scenario-arb.ts';

const f = (s: string) => BigInt(s.replace('.', ''));
const Σ = (xs: readonly string[]) => xs.reduce((a, s) => a + f(s), 0n);
function must(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}
const open = (doc: unknown): Scenario => {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return v.scenario;
};

/** Targets per pool (pool ids as the result gives them). */
function poolTotals(r: Result): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const h of r.hospitals) out.set(h.pool, (out.get(h.pool) ?? 0n) + f(h.allocatedTarget));
  return out;
}

const adjustmentArb = fc.record({
  who: fc.nat(),
  from: fc.integer({ min: 1, max: 12 }),
  /** The change as per mille of the target, either way. */
  permille: fc.integer({ min: -1000, max: 1000 }),
  asTarget: fc.boolean(),
});

describe('mid-year adjustment, on random scenarios', () => {
  let accepted = 0;
  it('every pool adds up, each monthly budget adds up to its year, and months before f never change', () => {
    fc.assert(fc.property(scenarioDocArb, fc.array(adjustmentArb, { minLength: 1, maxLength: 3 }), (doc, adjs) => {
      const s = open(doc);
      const plain = runScenario(s);
      const adjustments = adjs.map((a) => {
        const i = a.who % s.hospitals.length;
        const t = f(plain.hospitals[i]!.allocatedTarget);
        const change = (t * BigInt(a.permille)) / 1000n;
        return a.asTarget
          ? { hospital: s.hospitals[i]!.id, from: a.from, target: yuan(t + change < 0n ? 0n : t + change), reason: 'p' }
          : { hospital: s.hospitals[i]!.id, from: a.from, change: yuan(change === 0n ? 1n : change), reason: 'p' };
      });
      const v = validateScenario({ ...s, adjustments });
      if (!v.ok) {
        // Refused only for the reasons an adjustment is refused, and always naming it.
        for (const i of v.issues) must(/^adjustments\[\d\]/.test(i.path), `unexpected refusal ${i.path}: ${i.message}`);
        return;
      }
      accepted++;
      const r = runScenario(v.scenario);
      const before = poolTotals(plain), after = poolTotals(r);
      for (const [k, t] of before) must(after.get(k) === t, `pool ${k}: ${after.get(k)} ≠ ${t}`);
      const first = Math.min(...adjustments.map((a) => a.from));
      r.hospitals.forEach((h, i) => {
        const p = plain.hospitals[i]!;
        const budget = s.policy.deposit.base === 'target' ? f(h.target) - f(h.deposit) : f(h.target);
        must(Σ(h.monthlyBudget) === budget, `${h.id}: months ≠ budget`);
        for (let m = 0; m < first - 1; m++) {
          must(h.monthlyBudget[m] === p.monthlyBudget[m], `${h.id} month ${m + 1} budget changed`);
          must(h.paid[m] === p.paid[m], `${h.id} month ${m + 1} paid changed`);
        }
      });
    }), { numRuns: 150 });
    // Most random adjustments are accepted: the property is not vacuous.
    must(accepted > 50, `only ${accepted} of 150 adjustments accepted`);
  });
});

describe('projection, on random scenarios', () => {
  it('with k = 12 the monitored year is the plain settlement', () => {
    fc.assert(fc.property(scenarioDocArb, (doc) => {
      const s = open(doc);
      const plain = runScenario(s);
      const monitored: Scenario = {
        ...s,
        monitoring: { asOf: 12 },
        hospitals: s.hospitals.map((h, i) => {
          const { claims: _, ...rest } = h;
          return { ...rest, claimsToDate: plain.hospitals[i]!.claims };
        }),
      };
      const r = runScenario(open(monitored));
      const norm = (x: Result) => JSON.stringify({ ...x, hospitals: x.hospitals.map((h) => ({ ...h, projected: false })) });
      must(norm(r) === norm(plain), 'k = 12 differs from the plain settlement');
      const rep = monitor(open(monitored));
      rep.rows.forEach((row, i) => must(row.claimsToDate === plain.hospitals[i]!.claimsTotal, `${row.id}: claims to date ≠ the year's`));
    }), { numRuns: 100 });
  });

  it('months known are kept, claims to date add up, and paid to date ≤ budget to date (capped)', () => {
    fc.assert(fc.property(scenarioDocArb, fc.integer({ min: 1, max: 11 }), (doc, k) => {
      const s = open(doc);
      const plain = runScenario(s);
      const monitored = open({
        ...s,
        monitoring: { asOf: k },
        hospitals: s.hospitals.map((h, i) => {
          const { claims: _, ...rest } = h;
          return { ...rest, claimsToDate: plain.hospitals[i]!.claims.slice(0, k), deductions: '0.00' };
        }),
      });
      const r = runScenario(monitored);
      const rep = monitor(monitored);
      r.hospitals.forEach((h, i) => {
        must(JSON.stringify(h.claims.slice(0, k)) === JSON.stringify(plain.hospitals[i]!.claims.slice(0, k)), `${h.id}: months known changed`);
        const row = rep.rows[i]!;
        must(Σ(h.claims.slice(0, k)) === f(row.claimsToDate), `${h.id}: claims to date`);
        if (s.policy.monthlyPayment !== 'prepaid') must(f(row.paidToDate) <= f(row.budgetToDate), `${h.id}: paid beyond the budget to date`);
        must(f(row.deferredToDate) >= 0n, `${h.id}: negative deferral`);
      });
    }), { numRuns: 100 });
  });
});
