/**
 * Properties of a pool settled by points (DESIGN §7), on random institutions, points,
 * coefficients and amounts, through the one gate and the engine:
 * - the pool is paid out exactly (Σ E = P_k; with a binding cap, Σ E + Σ cap cut = P_k);
 * - entitlements are proportional to points to the fen (|E_h − P_k × Pts_h / Σ Pts| < 1 fen);
 * - doubling every institution's points leaves every entitlement and share of points unchanged;
 * - the money of the year reconciles as for targets (every fen of G in one place).
 * Outlier points are continuous at the high threshold and step up to s at the low one: the case
 * import's properties (tests/cases/points.props.test.ts) check that rule.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { Result } from '../../src/engine/result.ts';

const fen = (s: string): bigint => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s)!;
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
};
const pts = (u: bigint) => `${u / 10000n}.${(u % 10000n).toString().padStart(4, '0')}`;
const yuan = (f: bigint) => `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;

interface Inst { raw: bigint; months: boolean; coef: number | null; last: number | null; claims: bigint }
const inst = fc.record({
  raw: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  months: fc.boolean(),
  coef: fc.option(fc.integer({ min: 50, max: 150 }), { nil: null }),
  // Last year's points as a percentage of this year's (a projection within a factor of two).
  last: fc.option(fc.integer({ min: 50, max: 200 }), { nil: null }),
  claims: fc.bigInt({ min: 0n, max: 10n ** 8n }),
});
const world = fc.record({
  budget: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  afBp: fc.integer({ min: 0, max: 2000 }),
  cap: fc.option(fc.integer({ min: 80, max: 200 }), { nil: null }),
  insts: fc.array(inst, { minLength: 1, maxLength: 12 }),
}).filter((w) => w.insts.some((i) => i.raw > 0n));

function scenario(w: { budget: bigint; afBp: number; cap: number | null; insts: Inst[] }, factor = 1n): unknown {
  return {
    format: 'gbsim-scenario', version: 2, meta: { name: 'points property' },
    fund: { budget: yuan(w.budget), revenue: yuan(w.budget), openingBalance: '0.00', riskReserveRate: '0', adjustmentFundRate: (w.afBp / 10000).toString(), carveOuts: [] },
    policy: {
      pools: [{ id: 'ip', name: 'inpatient', share: '1', classes: ['hospital'], settlement: 'points' }],
      historyWeights: ['1'], deposit: { base: 'target', rates: { hospital: '0.1' } },
      overspend: { mode: 'marginal', tiers: [{ upTo: '0.1', share: '0.5' }, { upTo: null, share: '0' }] },
      surplus: { mode: 'marginal', tiers: [{ upTo: null, share: '0.5' }] },
      ...(w.cap === null ? {} : { points: { pointValueCap: (w.cap / 100).toString() } }),
    },
    hospitals: w.insts.map((h, i) => {
      const raw = h.raw * factor;
      const monthly = Array.from({ length: 12 }, (_, m) => (raw / 12n) + (BigInt(m) < raw % 12n ? 1n : 0n));
      return {
        id: `H${i}`, name: `H${i}`, level: 'tertiary', category: 'general', class: 'hospital', history: ['1000.00'],
        claims: Array.from({ length: 12 }, () => yuan(h.claims)),
        points: {
          ...(h.months ? { months: monthly.map(pts) } : { total: pts(raw) }),
          ...(h.coef === null ? {} : { coefficient: (h.coef / 100).toString() }),
          ...(h.last === null ? {} : { lastYear: pts((((h.raw * BigInt(h.last)) / 10000n) * 100n + 100n) * factor) }),
        },
      };
    }),
  };
}

function run(doc: unknown): Result {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return runScenario(v.scenario);
}

describe('pools settled by points: properties', () => {
  it('pay the pool out exactly, in proportion to points to the fen', () => {
    fc.assert(fc.property(world, (w) => {
      const r = run(scenario(w));
      const pool = r.fund.pools[0]!;
      const P = fen(pool.amount);
      const E = r.hospitals.map((h) => fen(h.target));
      const cut = r.hospitals.map((h) => fen(h.pointCapCut));
      expect(E.reduce((a, b) => a + b, 0n) + cut.reduce((a, b) => a + b, 0n)).toBe(P);
      expect(fen(pool.entitled!)).toBe(E.reduce((a, b) => a + b, 0n));
      const units = r.hospitals.map((h) => BigInt(h.points!.replace('.', '')));
      const total = units.reduce((a, b) => a + b, 0n);
      const shared = fen(pool.entitled!);
      r.hospitals.forEach((h, i) => {
        // |E·ΣPts − shared·Pts| < ΣPts: within one fen of the exact quota.
        const d = E[i]! * total - shared * units[i]!;
        expect(d < 0n ? -d : d).toBeLessThan(total);
        expect(fen(h.allocatedTarget) - fen(h.volumeCut) - fen(h.pointCapCut)).toBe(fen(h.target));
      });
    }), { numRuns: 60 });
  });

  it('doubling every institution\'s points changes no entitlement and no share of points', () => {
    fc.assert(fc.property(world, (w0) => {
      // Whole hundredths of a point, so k (2 decimals) × raw is exact and Pts doubles exactly.
      const w = { ...w0, insts: w0.insts.map((h) => ({ ...h, raw: h.raw - (h.raw % 100n) + 100n })) };
      const a = run(scenario(w)), b = run(scenario(w, 2n));
      expect(b.hospitals.map((h) => h.target)).toEqual(a.hospitals.map((h) => h.target));
      expect(b.hospitals.map((h) => h.pointShare)).toEqual(a.hospitals.map((h) => h.pointShare));
      expect(b.fund.pools[0]!.entitled).toBe(a.fund.pools[0]!.entitled);
    }), { numRuns: 40 });
  });

  it('reconcile every fen of G (owed + kept + unused adjustment fund), and pay months that add up', () => {
    fc.assert(fc.property(world, (w) => {
      const r = run(scenario(w));
      const f = r.fund;
      expect(fen(f.globalTarget) + fen(f.adjustmentFundTopUp)).toBe(fen(f.hospitalsOwed) + fen(f.retainedFromTargets) + fen(f.adjustmentFundUnused));
      for (const h of r.hospitals) {
        const pre = h.monthlyBudget.reduce((a, x) => a + fen(x), 0n);
        const paid = h.paid.reduce((a, x) => a + fen(x), 0n), withheld = h.withheld.reduce((a, x) => a + fen(x), 0n);
        expect(paid + withheld).toBe(pre);
        expect(withheld).toBe(fen(h.deposit));
        expect(fen(h.owed) - paid - fen(h.advance)).toBe(fen(h.balance));
      }
    }), { numRuns: 40 });
  });
});
