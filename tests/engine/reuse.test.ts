import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { changedInstitution, changeKeepsInstitutions, compile } from '../../src/engine/compile.ts';
import { runModel } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/format/types.ts';

const load = (f: string): Scenario => {
  const r = loadScenario(readFileSync(f, 'utf8'));
  if (!r.ok) throw new Error(f);
  return r.scenario;
};

/** Edits that keep every institution's compiled inputs, as the app makes them. */
const edits: ((s: Scenario, x: number) => Scenario)[] = [
  (s, x) => ({ ...s, fund: { ...s.fund, adjustmentFundRate: (0.01 + x / 1000).toFixed(4) } }),
  (s, x) => ({ ...s, fund: { ...s.fund, budget: (Number(s.fund.budget) * (1 + x / 10000)).toFixed(2) } }),
  (s, x) => ({ ...s, policy: { ...s.policy, surplus: s.policy.surplus && { ...s.policy.surplus, cap: (x / 1000).toFixed(3) } } }),
  (s, x) => ({ ...s, policy: { ...s.policy, overspend: s.policy.overspend && { ...s.policy.overspend, reasonableShare: (x / 100).toFixed(2) } } }),
];

describe('compile reusing the institutions of an earlier compile', () => {
  for (const file of ['scenarios/city.json', 'scenarios/planning-2026.json', 'scenarios/claims-withholding.json', 'scenarios/community-prepay.json']) {
    it(`gives exactly the full compile's result after fund and tier edits (${file})`, () => {
      const base = load(file);
      const before = compile(base);
      fc.assert(fc.property(fc.integer({ min: 0, max: edits.length - 1 }), fc.integer({ min: 1, max: 99 }), (k, x) => {
        const edited = edits[k]!(base, x);
        expect(runModel(compile(edited, before.hospitals))).toEqual(runModel(compile(edited)));
      }), { numRuns: 25 });
    });
  }

  /** Edits of one institution's own data, as the data table makes them. */
  const own: ((s: Scenario, i: number, x: number) => Scenario)[] = [
    (s, i, x) => withHospital(s, i, (h) => ({ ...h, history: h.history.map((v, y) => (y === h.history.length - 1 ? (Number(v) * (1 + x / 1000)).toFixed(2) : v)) })),
    (s, i, x) => withHospital(s, i, (h) => ({ ...h, lockedTarget: (Number(h.history[h.history.length - 1]) * (0.9 + x / 1000)).toFixed(2) })),
    (s, i, x) => withHospital(s, i, (h) => ({ ...h, score: x })),
    (s, i, x) => withHospital(s, i, (h) => ({ ...h, deductions: (x * 10).toFixed(2) })),
    (s, i, x) => withHospital(s, i, (h) => (h.claims ? { ...h, claims: h.claims.map((c, k) => (k === x % 12 ? (Number(c) * 1.1).toFixed(2) : c)) } : { ...h, growth: (x / 1000).toFixed(3) })),
    (s, i, x) => withHospital(s, i, (h) => ({ ...h, volume: x * 100, volumeFloor: 5000 })),
  ];
  function withHospital(s: Scenario, i: number, f: (h: Scenario['hospitals'][number]) => Scenario['hospitals'][number]): Scenario {
    return { ...s, hospitals: s.hospitals.map((h, k) => (k === i ? f(h) : h)) };
  }

  for (const file of ['scenarios/city.json', 'scenarios/planning-2026.json', 'scenarios/community-prepay.json', 'scenarios/claims-withholding.json']) {
    it(`recompiling only the edited institutions gives exactly the full compile's result (${file})`, () => {
      const base = load(file);
      const before = compile(base);
      fc.assert(fc.property(fc.integer({ min: 0, max: own.length - 1 }), fc.nat(base.hospitals.length - 1), fc.integer({ min: 1, max: 99 }), (k, i, x) => {
        const edited = own[k]!(base, i, x);
        let full;
        try { full = runModel(compile(edited)); } catch (e) { full = e; }
        let partial;
        try { partial = runModel(compile(edited, before.hospitals, new Set([i]))); } catch (e) { partial = e; }
        expect(partial).toEqual(full);
      }), { numRuns: 30 });
    });
  }

  it('knows which changes concern one institution’s own data', () => {
    expect(changedInstitution(['hospitals', 3, 'history', 2])).toBe(3);
    expect(changedInstitution(['hospitals', 0, 'lockedTarget'])).toBe(0);
    for (const p of [['hospitals', 3], ['hospitals', 3, 'id'], ['hospitals', 3, 'fields', 'beds'], ['hospitals'], ['hospitals', '#H001', 'score'], ['policy', 'deposit'], ['fund', 'budget']]) {
      expect(changedInstitution(p), p.join('.')).toBeNull();
    }
  });

  it('knows which changes keep the institutions and which do not', () => {
    for (const p of [['fund', 'adjustmentFundRate'], ['fund', 'carveOuts', 0, 'amount'], ['policy', 'pools', 1, 'share'], ['policy', 'surplus', 'tiers', 0, 'share'], ['policy', 'surplus', 'cap'], ['policy', 'overspend'], ['policy', 'monthlyPayment'], ['policy', 'sources', 'fund.revenue'], ['meta', 'name']]) {
      expect(changeKeepsInstitutions(p), p.join('.')).toBe(true);
    }
    for (const p of [[], ['policy'], ['hospitals', 3, 'score'], ['hospitals'], ['policy', 'historyWeights', 0], ['policy', 'levelCoefficients', 'tertiary'], ['policy', 'weightFormula'], ['policy', 'deposit', 'rates', 'hospital'], ['policy', 'monthlyProfile'], ['policy', 'quality', 'points', 1, 'ratio'], ['policy', 'growth', 'region'], ['policy', 'volumeFloor'], ['policy', 'surplus'], ['policy', 'surplus', 'eligibility']]) {
      expect(changeKeepsInstitutions(p), p.join('.')).toBe(false);
    }
  });
});
