/**
 * Point inflation (engine/point-inflation.ts, DESIGN §7): a golden case derived by hand, and
 * properties on random pools through the one gate and the engine:
 * - x = 0 changes nothing;
 * - every institution +x% leaves every entitlement unchanged, and the point value is the exact
 *   pv / (1 + x) rounded half-up to 4 decimals (points chosen so that Pts × (1 + x) is exact);
 * - one level +x%: the changes add up to zero (the pool is still paid out exactly), the level
 *   does not lose and the others do not gain.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../src/scenario/open.ts';
import { inflationBrief, pointInflation } from '../../src/engine/point-inflation.ts';
import { compile } from '../../src/engine/compile.ts';
import { fundResult, hospitalResultAt, runScenario, settle } from '../../src/engine/run.ts';
import { explain, explainAt } from '../../src/engine/explain.ts';
import { briefs } from '../../src/engine/briefs.ts';
import type { Scenario } from '../../src/format/types.ts';

const fen = (s: string): bigint => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s)!;
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
};
const pts = (u: bigint) => `${u / 10000n}.${(u % 10000n).toString().padStart(4, '0')}`;
const yuan = (f: bigint) => `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;
const units = (s: string) => BigInt(s.replace('.', ''));

interface Inst { raw: bigint; level: 'tertiary' | 'secondary' }

function scenario(budget: bigint, insts: Inst[], cap: string | null = null): Scenario {
  const doc = {
    format: 'gbsim-scenario', version: 2, meta: { name: 'point inflation' },
    fund: { budget: yuan(budget), revenue: yuan(budget), openingBalance: '0.00', riskReserveRate: '0', adjustmentFundRate: '0', carveOuts: [] },
    policy: {
      pools: [{ id: 'ip', name: 'inpatient', share: '1', classes: ['hospital'], settlement: 'points' }],
      historyWeights: ['1'], deposit: { base: 'target', rates: { hospital: '0.1' } },
      overspend: { mode: 'marginal', tiers: [{ upTo: '0.1', share: '0.5' }, { upTo: null, share: '0' }] },
      surplus: { mode: 'marginal', tiers: [{ upTo: null, share: '0.5' }] },
      ...(cap === null ? {} : { points: { pointValueCap: cap } }),
    },
    hospitals: insts.map((h, i) => ({
      id: `H${i}`, name: `H${i}`, level: h.level, category: 'general', class: 'hospital', history: ['1000.00'],
      claims: Array.from({ length: 12 }, () => '10.00'), points: { total: pts(h.raw) },
    })),
  };
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.scenario;
}

describe('point inflation: golden', () => {
  // P = 1,000.00 元; A (tertiary) 100 points, B (tertiary) 200, C (secondary) 100: Σ 400, pv = 2.5000.
  // Tertiary +5%: A 105, B 210, C 100, Σ 415; pv = 1000 / 415 = 2.40963… → 2.4096 元/分.
  // Quotas in fen: A 100000 × 105/415 = 25301.20…, B 50602.40…, C 24096.38…; floors add up to 99999,
  // the one fen left goes to the largest remainder (B): A 253.01, B 506.03, C 240.96.
  const s = scenario(100000n, [{ raw: 1000000n, level: 'tertiary' }, { raw: 2000000n, level: 'tertiary' }, { raw: 1000000n, level: 'secondary' }]);

  it('one level +5%: the level gains what the other loses, the point value falls', () => {
    const r = pointInflation(s, { pool: 'ip', level: 'tertiary', pct: '5' });
    expect(r.pointValue).toEqual({ before: '2.5000', after: '2.4096' });
    expect(r.points).toEqual({ before: '400.0000', after: '415.0000' });
    expect(r.members.map((m) => [m.id, m.inflated, m.pointsAfter, m.before, m.after, m.diff])).toEqual([
      ['H0', true, '105.0000', '250.00', '253.01', '3.01'],
      ['H1', true, '210.0000', '500.00', '506.03', '6.03'],
      ['H2', false, '100.0000', '250.00', '240.96', '-9.04'],
    ]);
    expect(r.total).toEqual({ before: '1000.00', after: '1000.00', diff: '0.00' });
  });

  it('all +10%: nobody gains, the point value falls to 2.5 / 1.1 = 2.27272… → 2.2727', () => {
    const r = pointInflation(s, { pool: 'ip', level: null, pct: '10' });
    expect(r.pointValue).toEqual({ before: '2.5000', after: '2.2727' });
    expect(r.members.map((m) => m.diff)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('the city points example: tertiary +5% moves money from the secondary hospitals, to the fen', () => {
    const v = validateScenario(JSON.parse(readFileSync('scenarios/city-points.json', 'utf8')));
    if (!v.ok) throw new Error('city-points does not open');
    const r = pointInflation(v.scenario, { pool: 'hospitals', level: 'tertiary', pct: '5' });
    expect(r.members.reduce((a, m) => a + fen(m.diff), 0n)).toBe(0n);
    expect(r.members.filter((m) => m.inflated).every((m) => fen(m.diff) > 0n)).toBe(true);
    expect(r.members.filter((m) => !m.inflated).every((m) => fen(m.diff) <= 0n)).toBe(true);
    expect(Number(r.pointValue.after)).toBeLessThan(Number(r.pointValue.before));
  });

  // The brief's table (inflationBriefOf): now, all +5%, all +10%, its level +5%, +10%.
  // All +5%: Σ 420, pv = 1000 / 420 = 2.38095… → 2.3810, A's quota 100000 × 105/420 = 25000 exactly.
  // Tertiary +10%: A 110, B 220, C 100, Σ 430, pv = 2.32558… → 2.3256; quotas 25581.39…, 51162.79…,
  // 23255.81…, floors 99998, the two fen left to C and B: A 255.81, B 511.63, C 232.56.
  // Secondary +5% (C's brief): Σ 405, pv = 2.46913… → 2.4691; quotas 24691.35…, 49382.71…, 25925.92…,
  // floors 99998, two fen to C and B: C 259.26. Secondary +10%: Σ 410, pv = 2.43902… → 2.4390; C's quota
  // 26829.26…, floors 99999, the fen left to B (.48… against C's .26…): C 268.29.
  it('a brief\'s table: the point value and this institution\'s entitlement and change, to the fen', () => {
    const a = inflationBrief(s, 'H0')!;
    expect([a.pointValue, a.entitlement, a.capped]).toEqual(['2.5000', '250.00', false]);
    expect(a.lines.map((l) => [l.scope, l.level, l.pct, l.pointValue, l.entitlement, l.diff])).toEqual([
      ['all', null, '5', '2.3810', '250.00', '0.00'],
      ['all', null, '10', '2.2727', '250.00', '0.00'],
      ['level', 'tertiary', '5', '2.4096', '253.01', '3.01'],
      ['level', 'tertiary', '10', '2.3256', '255.81', '5.81'],
    ]);
    const c = inflationBrief(s, 'H2')!;
    expect(c.lines.slice(2).map((l) => [l.level, l.pct, l.pointValue, l.entitlement, l.diff])).toEqual([
      ['secondary', '5', '2.4691', '259.26', '9.26'],
      ['secondary', '10', '2.4390', '268.29', '18.29'],
    ]);
    // The same figures as the pool's what-if, line by line.
    const pool = pointInflation(s, { pool: 'ip', level: 'tertiary', pct: '10' });
    expect(pool.members[1]!.after).toBe(inflationBrief(s, 'H1')!.lines[3]!.entitlement);
    expect(pool.members[1]!.after).toBe('511.63');
  });

  it('a brief\'s table: no level lines when the whole pool is of one level; null outside a points pool', () => {
    const one = scenario(100000n, [{ raw: 1000000n, level: 'tertiary' }, { raw: 3000000n, level: 'tertiary' }]);
    expect(inflationBrief(one, 'H0')!.lines.map((l) => l.scope)).toEqual(['all', 'all']);
    const city = validateScenario(JSON.parse(readFileSync('scenarios/city-points.json', 'utf8')));
    if (!city.ok) throw new Error('city-points does not open');
    const byTarget = (city.scenario.policy.pools ?? []).filter((p) => p.settlement !== 'points').flatMap((p) => p.classes);
    const outside = city.scenario.hospitals.find((h) => byTarget.includes(h.class))!;
    expect(inflationBrief(city.scenario, outside.id)).toBeNull();
  });

  it('the explanation carries the brief\'s table, the same with or without the shared what-ifs of print all', () => {
    const model = compile(s);
    const st = settle(model);
    const fund = fundResult(model, st);
    const memo = new Map();
    for (const [i, id] of ['H0', 'H1', 'H2'].entries()) {
      const ex = explainAt(s, fund, hospitalResultAt(model, st, i), i, { model, region: st.region, memo })!;
      expect(ex.inflation).toEqual(inflationBrief(s, id));
    }
    // Two what-ifs of the whole pool and two of each level, computed once each.
    expect(memo.size).toBe(6);
    expect(explain(s, runScenario(s), 0)!.inflation).toEqual(inflationBrief(s, 'H0'));
    expect(briefs(s, ['H2'], null)[0]!.explanation!.inflation).toEqual(inflationBrief(s, 'H2'));
  });

  it('refuses a pool not settled by points and a malformed percentage', () => {
    expect(() => pointInflation(s, { pool: 'nope', level: null, pct: '5' })).toThrow(/no pool settled by points/);
    expect(() => pointInflation(s, { pool: 'ip', level: null, pct: '5%' })).toThrow(/percentage/);
    expect(() => pointInflation(s, { pool: 'ip', level: null, pct: '-100' })).toThrow(/100%/);
  });
});

const inst = fc.record({ raw: fc.bigInt({ min: 0n, max: 10n ** 6n }), level: fc.constantFrom('tertiary' as const, 'secondary' as const) });
const world = fc.record({
  budget: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  insts: fc.array(inst, { minLength: 1, maxLength: 10 }),
  // Percent with up to 4 decimals, 0 to 50.
  pct: fc.integer({ min: 0, max: 500000 }).map((n) => (n / 10000).toFixed(4).replace(/\.?0+$/, '') || '0'),
}).filter((w) => w.insts.some((i) => i.raw > 0n));

describe('point inflation: properties', () => {
  it('x = 0 changes nothing', () => {
    fc.assert(fc.property(world, fc.constantFrom(null, 'tertiary', 'secondary'), (w, level) => {
      const r = pointInflation(scenario(w.budget, w.insts.map((h) => ({ ...h, raw: h.raw * 10000n }))), { pool: 'ip', level, pct: '0' });
      expect(r.pointValue.after).toBe(r.pointValue.before);
      for (const m of r.members) expect([m.after, m.diff, m.pointsAfter]).toEqual([m.before, '0.00', m.pointsBefore]);
    }), { numRuns: 40 });
  });

  it('every institution +x%: every entitlement unchanged, the point value ÷ (1 + x) exactly rounded', () => {
    fc.assert(fc.property(world, (w) => {
      // Whole hundreds of points (10^6 units): Pts × (1 + x) with x to 6 decimals needs no rounding.
      const r = pointInflation(scenario(w.budget, w.insts.map((h) => ({ ...h, raw: h.raw * 1000000n }))), { pool: 'ip', level: null, pct: w.pct });
      for (const m of r.members) expect(m.after).toBe(m.before);
      // pv' = P / (Σ Pts × (1 + pct/100)) 元/分 to 4 decimals, half-up: P fen × 100 × 10^4 / units, × 10^6 / (10^6 + pct × 10^4).
      const x = BigInt(Math.round(Number(w.pct) * 10000));
      const num = w.budget * 100n * 10000n * 1000000n;
      const den = units(r.points.before) * (1000000n + x);
      const q = (2n * num + den) / (2n * den);
      expect(r.pointValue.after).toBe(`${q / 10000n}.${(q % 10000n).toString().padStart(4, '0')}`);
    }), { numRuns: 60 });
  });

  it('one level +x%: the changes sum to zero; the level never loses, the others never gain', () => {
    fc.assert(fc.property(world, fc.constantFrom('tertiary', 'secondary'), (w, level) => {
      const r = pointInflation(scenario(w.budget, w.insts), { pool: 'ip', level, pct: w.pct });
      expect(r.members.reduce((a, m) => a + fen(m.diff), 0n)).toBe(0n);
      expect(fen(r.total.after)).toBe(w.budget);
      // With the inflated points exact (whole hundreds of points) the level's quota cannot fall: within a fen of it both times.
      const e = pointInflation(scenario(w.budget, w.insts.map((h) => ({ ...h, raw: h.raw * 1000000n }))), { pool: 'ip', level, pct: w.pct });
      expect(e.members.reduce((a, m) => a + fen(m.diff), 0n)).toBe(0n);
      for (const m of e.members) {
        if (m.inflated) expect(fen(m.diff)).toBeGreaterThanOrEqual(-1n);
        else expect(fen(m.diff)).toBeLessThanOrEqual(1n);
      }
      const sumPts = units(r.points.after);
      for (const m of r.members) {
        expect(fen(m.after) - fen(m.before)).toBe(fen(m.diff));
        // Within a fen of the exact quota of the inflated points.
        const d = fen(m.after) * sumPts - w.budget * units(m.pointsAfter);
        expect(d < 0n ? -d : d).toBeLessThan(sumPts);
      }
    }), { numRuns: 60 });
  });
});
