/**
 * The example scenarios in scenarios/: each loads without issues, runs, reconciles to the fen,
 * shows the rule it was written to show, and is exactly what scripts/make-examples.ts writes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/open.ts';
import { runScenario } from '../src/engine/run.ts';
import type { Result } from '../src/engine/result.ts';
import type { Scenario } from '../src/format/types.ts';
import { renderExamples, SCENARIO_DIR } from '../scripts/make-examples.ts';
import { fingerprint } from '../src/engine/fingerprint.ts';

/** Result fingerprints of the examples, pinned: a change of rules that moves one must say so. */
const FINGERPRINTS: Record<string, string> = {
  'af-shortfall-topup.json': 'sha256:d4ec85f99b57d7ce',
  'af-shortfall.json': 'sha256:93844846d34650ee',
  'city-points.json': 'sha256:9c2456ca838a1d43',
  'city.json': 'sha256:7bb17866539b9fc9',
  'claims-withholding.json': 'sha256:7db74a744d0adf8b',
  'community-prepay.json': 'sha256:e68368c3f8fc4a06',
  'min-savings-step.json': 'sha256:a85b7c3f0feed770',
  'planning-2026.json': 'sha256:923aa25bfaf45e9e',
  'reward-cap.json': 'sha256:d6a6def4c6cf3f58',
  'volume-floor.json': 'sha256:61c6d8ffeb3a7f92',
};

/** "1234.56" / "-0.05" → integer fen, exactly (independent of the engine's parser). */
function fen(s: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a two-decimal amount: ${JSON.stringify(s)}`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
}
const total = (xs: readonly string[]): bigint => xs.reduce((a, x) => a + fen(x), 0n);

const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();

function open(file: string): { scenario: Scenario; result: Result } {
  const loaded = loadScenario(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.issues, null, 2)}`);
  return { scenario: loaded.scenario, result: runScenario(loaded.scenario) };
}

describe('example scenarios', () => {
  it('there are examples', () => {
    expect(files).toContain('city.json');
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(files)('%s', (file) => {
    it('loads without issues', () => {
      const loaded = loadScenario(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
      expect(loaded.ok ? [] : loaded.issues).toEqual([]);
    });

    it('states where its rules come from', () => {
      const { scenario } = open(file);
      expect(scenario.meta.description ?? '').toMatch(/合成数据/);
      const sources = Object.entries(scenario.policy.sources ?? {});
      expect(sources.length).toBeGreaterThan(0);
      for (const [, p] of sources) expect(['official', 'assumption']).toContain(p.status);
    });

    it('reconciles to the fen', () => {
      const { scenario, result } = open(file);
      const f = result.fund;
      const G = fen(f.globalTarget);
      // Region: G = base − carve-outs − reserve; AF + P = G.
      expect(fen(f.base) - fen(f.carveOuts) - fen(f.riskReserve)).toBe(G);
      expect(total(scenario.fund.carveOuts.map((c) => c.amount))).toBe(fen(f.carveOuts));
      expect(fen(f.adjustmentFund) + fen(f.allocatable)).toBe(G);
      // Every fen of G ends in one place: a hospital, the fund (retained), the unused AF;
      // a top-up from the balance comes on top.
      expect(G + fen(f.adjustmentFundTopUp)).toBe(fen(f.hospitalsOwed) + fen(f.retainedFromTargets) + fen(f.adjustmentFundUnused));
      expect(total(result.hospitals.map((h) => h.owed))).toBe(fen(f.hospitalsOwed));
      expect(total(result.hospitals.map((h) => h.fundShare))).toBe(fen(f.adjustmentFundUsed));
      expect(fen(f.adjustmentFundUsed)).toBe(fen(f.adjustmentFund) - fen(f.adjustmentFundUnused) + fen(f.adjustmentFundTopUp));
      // Fund position.
      expect(fen(f.expenditure)).toBe(fen(f.hospitalsOwed) + fen(f.carveOuts));
      expect(fen(f.closingBalance)).toBe(fen(f.openingBalance) + fen(f.revenue) - fen(f.expenditure));
      // Pools: the allocatable amount split into pools, each pool into its members' targets.
      expect(total(f.pools.map((p) => p.amount))).toBe(fen(f.allocatable));
      for (const p of f.pools) {
        const members = result.hospitals.filter((h) => h.pool === p.id);
        expect(members.length).toBe(p.members);
        expect(total(members.map((h) => h.allocatedTarget))).toBe(fen(p.amount));
      }
      const claimsBase = scenario.policy.deposit.base === 'claims';
      const byPoints = new Set(f.pools.filter((p) => p.settlement === 'points').map((p) => p.id));
      for (const h of result.hospitals) {
        const T = fen(h.target);
        expect(fen(h.allocatedTarget) - fen(h.volumeCut) - fen(h.pointCapCut)).toBe(T);
        expect(h.monthlyBudget).toHaveLength(12);
        if (byPoints.has(h.pool)) {
          // DESIGN §7: each month's pre-settlement, the deposit withheld from it; claims beyond Σ pre wait for the year-end.
          expect(total(h.withheld)).toBe(fen(h.deposit));
          expect(total(h.paid) + total(h.withheld)).toBe(total(h.monthlyBudget));
          const rest = total(h.claims) - total(h.monthlyBudget);
          expect(fen(h.deferred)).toBe(rest > 0n ? rest : 0n);
        } else {
          expect(total(h.monthlyBudget)).toBe(claimsBase ? T : T - fen(h.deposit));
          if (claimsBase) expect(total(h.withheld)).toBe(fen(h.deposit));
          if (scenario.policy.monthlyPayment === 'prepaid') {
            // Each month's amount is paid whatever the claims; only claims beyond it wait.
            const paidOut = total(h.paid) + total(h.withheld);
            expect(paidOut).toBe(total(h.monthlyBudget));
            const rest = total(h.claims) - paidOut;
            expect(fen(h.deferred)).toBe(rest > 0n ? rest : 0n);
          } else {
            // Claims are paid or deferred; actual = claims − deductions.
            expect(total(h.paid) + total(h.withheld) + fen(h.deferred)).toBe(total(h.claims));
          }
        }
        expect(fen(h.actual)).toBe(total(h.claims) - fen(h.deductions));
        expect(fen(h.depositReturned) + fen(h.depositForfeited)).toBe(fen(h.deposit));
        expect(fen(h.owed) - total(h.paid) - fen(h.advance)).toBe(fen(h.balance));
      }
    });

    it('gives its pinned fingerprint', () => {
      expect(fingerprint(open(file).result)).toBe(FINGERPRINTS[file]);
    });

    it('runs the same twice', () => {
      const { scenario, result } = open(file);
      expect(runScenario(scenario)).toEqual(result);
    });
  });

  it('are exactly what scripts/make-examples.ts writes', () => {
    const generated = renderExamples();
    expect(Object.keys(generated).sort()).toEqual(files);
    for (const [file, text] of Object.entries(generated)) {
      const committed = readFileSync(join(SCENARIO_DIR, file), 'utf8');
      // If this fails after a deliberate change, run: npx tsx scripts/make-examples.ts
      expect(committed === text, `${file} differs from the generator's output`).toBe(true);
    }
  });
});

describe('each example shows its rule', () => {
  const rate = (s: string | null) => Number(s ?? '0');

  it('city.json: a realistic city, the adjustment fund is enough', () => {
    const { scenario, result } = open('city.json');
    const hs = result.hospitals;
    expect(hs.length).toBeGreaterThanOrEqual(70);
    expect(fen(result.fund.fundSharesClaimed)).toBeLessThanOrEqual(fen(result.fund.adjustmentFund));
    expect(result.fund.adjustmentFundUsed).toBe(result.fund.fundSharesClaimed);
    expect(hs.filter((h) => rate(h.surplusRate) > 0.05).length).toBeGreaterThanOrEqual(3);
    expect(hs.filter((h) => rate(h.overspendRate) > 0.1).length).toBeGreaterThanOrEqual(2);
    expect(hs.filter((h) => Math.abs(rate(h.surplusRate) - rate(h.overspendRate)) <= 0.05).length / hs.length).toBeGreaterThan(0.7);
    expect(scenario.hospitals.filter((h) => (h.score ?? 100) < 60).length).toBeGreaterThanOrEqual(2);
    expect(hs.filter((h) => fen(h.deductions) > 0n).length).toBeGreaterThanOrEqual(3);
    // Tilt toward primary care: primary targets grow more over last year than hospitals'.
    const growth = (pool: string) => {
      const ids = hs.map((h, i) => ({ h, s: scenario.hospitals[i]! })).filter((x) => x.h.pool === pool);
      return Number(total(ids.map((x) => x.h.target))) / Number(total(ids.map((x) => x.s.history.at(-1)!)));
    };
    expect(growth('primary')).toBeGreaterThan(growth('hospitals'));
    expect(growth('primary')).toBeGreaterThan(1);
  });

  it('city-points.json: the city with its inpatient pool settled by points (DESIGN §7)', () => {
    const { scenario, result } = open('city-points.json');
    const base = open('city.json');
    // Same city, fund and claims; only how the hospitals are paid differs.
    expect(scenario.fund).toEqual(base.scenario.fund);
    expect(scenario.hospitals.map((h) => [h.id, h.claims])).toEqual(base.scenario.hospitals.map((h) => [h.id, h.claims]));
    const pool = result.fund.pools.find((p) => p.settlement === 'points')!;
    expect(pool.id).toBe('hospitals');
    expect(scenario.catalogue!.length).toBe(3000);
    const members = result.hospitals.filter((h) => h.pool === pool.id);
    expect(members.length).toBe(16);
    // The pool is paid out exactly (no cap) and every member has points of the year (as imported, by month).
    expect(pool.entitled).toBe(pool.amount);
    expect(total(members.map((h) => h.target))).toBe(fen(pool.amount!));
    scenario.hospitals.filter((h) => h.class === 'hospital').forEach((h) => {
      expect(h.points?.months).toHaveLength(12);
      expect(h.points!.cases).toBeGreaterThan(1000);
      expect(h.points!.groups!.length).toBe(20);
    });
    expect(members.every((h) => !h.pointsProjected)).toBe(true);
    // Point inflation: more points than projected, so the settlement point value is below the budget's.
    expect(Number(pool.pointValue)).toBeLessThan(Number(pool.budgetPointValue));
    expect(pool.pointValue).toMatch(/^\d+\.\d{4}$/);
    // Payment rates differ by hospital: some are paid more than their claims under points, some less.
    expect(members.some((h) => Number(h.paymentRate) > 1.02)).toBe(true);
    expect(members.some((h) => Number(h.paymentRate) < 0.97)).toBe(true);
    // Chronic-disease and primary pools keep targets and what they had in city.json (to a share of 10^-4).
    const prim = (r: Result) => r.fund.pools.find((p) => p.id === 'primary')!.amount;
    expect(prim(result)).toBe(prim(base.result));
  });

  it('claims-withholding.json: 10% of each month\'s payable claims is withheld', () => {
    const { result } = open('claims-withholding.json');
    for (const h of result.hospitals) {
      h.paid.forEach((p, m) => {
        const payable = fen(p) + fen(h.withheld[m]!);
        const tenth = (payable * 10n + 50n) / 100n; // half-up, payable ≥ 0
        expect(fen(h.withheld[m]!)).toBe(tenth);
      });
    }
    expect(result.hospitals.some((h) => fen(h.deferred) > 0n)).toBe(true);
  });

  it('reward-cap.json: rewards stop at 3% of the target', () => {
    const { result } = open('reward-cap.json');
    const capped = result.hospitals.filter((h) => rate(h.surplusRate) > 0.06);
    expect(capped.length).toBeGreaterThanOrEqual(2);
    for (const h of capped) expect(fen(h.reward)).toBe((fen(h.target) * 3n + 50n) / 100n);
    expect(result.hospitals.some((h) => fen(h.reward) > 0n && fen(h.reward) < (fen(h.target) * 3n) / 100n)).toBe(true);
  });

  it('min-savings-step.json: nothing up to 3% saved, then a share of the whole', () => {
    const { result } = open('min-savings-step.json');
    const small = result.hospitals.filter((h) => fen(h.surplus) > 0n && rate(h.surplusRate) <= 0.03);
    const above = result.hospitals.filter((h) => rate(h.surplusRate) > 0.03 && rate(h.surplusRate) <= 0.08);
    expect(small.length).toBeGreaterThanOrEqual(1);
    expect(above.length).toBeGreaterThanOrEqual(1);
    for (const h of small) expect(h.reward).toBe('0.00');
    for (const h of above) expect(fen(h.reward)).toBe((fen(h.surplus) + 1n) / 2n);
  });

  it('volume-floor.json: the one institution below its floor has its target cut in proportion', () => {
    const { scenario, result } = open('volume-floor.json');
    const cut = result.hospitals.filter((h) => fen(h.volumeCut) > 0n);
    expect(cut).toHaveLength(1);
    const i = result.hospitals.indexOf(cut[0]!);
    const h = scenario.hospitals[i]!;
    expect(h.volume!).toBeLessThan(h.volumeFloor!);
    const T0 = fen(cut[0]!.allocatedTarget);
    const v = BigInt(h.volume!), fl = BigInt(h.volumeFloor!);
    expect(fen(cut[0]!.target)).toBe((2n * T0 * v + fl) / (2n * fl));
    expect(result.fund.volumeCuts).toBe(cut[0]!.volumeCut);
  });

  it('community-prepay.json: 12 equal monthly prepayments; a weighted assessment', () => {
    const { scenario, result } = open('community-prepay.json');
    expect(scenario.policy.quality?.indicators?.map((x) => x.weight)).toEqual(['0.3', '0.3', '0.25', '0.15']);
    for (const h of result.hospitals) {
      const ms = h.monthlyBudget.map(fen);
      const lo = ms.reduce((a, b) => (a < b ? a : b));
      const hi = ms.reduce((a, b) => (a > b ? a : b));
      expect(hi - lo).toBeLessThanOrEqual(1n);
    }
    expect(new Set(result.hospitals.map((h) => h.qualityRatio)).size).toBeGreaterThan(3);
    // A centre below the eligibility score keeps none of its surplus.
    expect(result.hospitals.some((h) => fen(h.surplus) > 0n && h.reward === '0.00')).toBe(true);
  });

  it('af-shortfall.json: the fund\'s shares are cut to the adjustment fund', () => {
    const { result } = open('af-shortfall.json');
    const f = result.fund;
    expect(fen(f.fundSharesClaimed)).toBeGreaterThan(fen(f.adjustmentFund));
    expect(f.adjustmentFundUsed).toBe(f.adjustmentFund);
    expect(f.adjustmentFundTopUp).toBe('0.00');
  });

  it('af-shortfall-topup.json: topped up from the balance up to the cap, then cut', () => {
    const { scenario, result } = open('af-shortfall-topup.json');
    const f = result.fund;
    expect(f.adjustmentFundTopUp).toBe(scenario.fund.adjustmentTopUpCap);
    expect(fen(f.adjustmentFundUsed)).toBe(fen(f.adjustmentFund) + fen(f.adjustmentFundTopUp));
    expect(fen(f.adjustmentFundUsed)).toBeLessThan(fen(f.fundSharesClaimed));
  });

  it('planning-2026.json: projected claims, a locked target, a weight formula', () => {
    const { scenario, result } = open('planning-2026.json');
    expect(scenario.policy.weightFormula).toBeTruthy();
    expect(result.hospitals.every((h) => h.projected)).toBe(true);
    const locked = scenario.hospitals.findIndex((h) => h.lockedTarget !== undefined);
    expect(locked).toBeGreaterThanOrEqual(0);
    expect(result.hospitals[locked]!.target).toBe(scenario.hospitals[locked]!.lockedTarget);
    // Projected annual claims = round(history_last × (1 + growth)).
    scenario.hospitals.forEach((h, i) => {
      const g = h.growth ?? scenario.policy.growth?.byCategory?.[h.category] ?? scenario.policy.growth?.region ?? '0';
      const last = fen(h.history.at(-1)!);
      const gBasis = BigInt(Math.round(Number(g) * 10000)); // growth rates here have ≤ 4 decimals
      expect(total(result.hospitals[i]!.claims)).toBe((2n * last * (10000n + gBasis) + 10000n) / 20000n);
    });
  });
});
