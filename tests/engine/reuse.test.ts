import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/format/load.ts';
import { changeKeepsInstitutions, compile } from '../../src/engine/compile.ts';
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

  it('knows which changes keep the institutions and which do not', () => {
    for (const p of [['fund', 'adjustmentFundRate'], ['fund', 'carveOuts', 0, 'amount'], ['policy', 'pools', 1, 'share'], ['policy', 'surplus', 'tiers', 0, 'share'], ['policy', 'surplus', 'cap'], ['policy', 'overspend'], ['policy', 'monthlyPayment'], ['policy', 'sources', 'fund.revenue'], ['meta', 'name']]) {
      expect(changeKeepsInstitutions(p), p.join('.')).toBe(true);
    }
    for (const p of [[], ['policy'], ['hospitals', 3, 'score'], ['hospitals'], ['policy', 'historyWeights', 0], ['policy', 'levelCoefficients', 'tertiary'], ['policy', 'weightFormula'], ['policy', 'deposit', 'rates', 'hospital'], ['policy', 'monthlyProfile'], ['policy', 'quality', 'points', 1, 'ratio'], ['policy', 'growth', 'region'], ['policy', 'volumeFloor'], ['policy', 'surplus'], ['policy', 'surplus', 'eligibility']]) {
      expect(changeKeepsInstitutions(p), p.join('.')).toBe(false);
    }
  });
});
