/**
 * The Float64 kernel against the exact engine, draw by draw: for each draw, the scenario with
 * that draw's claims and deductions is settled by runScenario and every institution's owed
 * (within one fen — in fact equal), actual, reward, fund share before and after any cut, the
 * deposit forfeited, the events (overspend above 10%, reward > 0, adjustment fund exhausted)
 * and the fund's figures must agree. runDraws (the path the runners take) must give the same
 * per-draw figures and counts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadScenario, validateScenario } from '../../src/scenario/open.ts';
import { prepareRisk } from '../../src/engine/risk/prepare.ts';
import { exactCheck } from '../../src/engine/risk/exact.ts';
import { drawDetail, runDraws } from '../../src/engine/risk/kernel.ts';
import { mergeBlocks } from '../../src/engine/risk/blocks.ts';
import { summarize } from '../../src/engine/risk/summary.ts';
import { riskParams, type RiskParams } from '../../src/engine/risk/params.ts';
import { parseMoney } from '../../src/engine/money.ts';
import type { Scenario } from '../../src/format/types.ts';

function scenario(name: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${r.issues[0]?.message}`);
  return r.scenario;
}

interface Tally { exhausted: number; over: number; reward: number; surplus: number; overspend: number; noPointValue: number }

/** Check draws 0 … draws − 1; return how often each event occurred (so a test can show it was exercised). */
function checkDraws(s: Scenario, params: Partial<RiskParams>, draws: number): Tally {
  const { input } = prepareRisk(s, riskParams({ ...params, draws }));
  const block = runDraws(input, 0, draws);
  const tally: Tally = { exhausted: 0, over: 0, reward: 0, surplus: 0, overspend: 0, noPointValue: 0 };
  const over = new Uint32Array(input.n), reward = new Uint32Array(input.n);
  const differences: string[] = [];
  for (let d = 0; d < draws; d++) {
    const c = exactCheck(s, input, d);
    differences.push(...c.differences);
    const f = c.result.fund;
    // The fast path's figures of the same draw.
    if (block.closing[d] !== parseMoney(f.closingBalance)) differences.push(`draw ${d}: runDraws closing ${block.closing[d]} vs ${f.closingBalance}`);
    if (block.afUsed[d] !== parseMoney(f.adjustmentFundUsed)) differences.push(`draw ${d}: runDraws AF used ${block.afUsed[d]} vs ${f.adjustmentFundUsed}`);
    if (block.exhausted[d] !== (c.detail.exhausted ? 1 : 0)) differences.push(`draw ${d}: runDraws exhausted differs`);
    tally.exhausted += c.detail.exhausted ? 1 : 0;
    tally.noPointValue += c.detail.noPointValue ? 1 : 0;
    c.result.hospitals.forEach((h, i) => {
      over[i]! += c.detail.over[i]!;
      reward[i]! += parseMoney(h.reward) > 0 ? 1 : 0;
      tally.surplus += parseMoney(h.surplus) > 0 ? 1 : 0;
      tally.overspend += parseMoney(h.overspend) > 0 ? 1 : 0;
    });
  }
  expect(differences.slice(0, 10)).toEqual([]);
  expect(Array.from(block.overCount)).toEqual(Array.from(over));
  expect(Array.from(block.rewardCount)).toEqual(Array.from(reward));
  expect(block.noPointValue).toBe(tally.noPointValue);
  tally.over = over.reduce((a, b) => a + b, 0);
  tally.reward = reward.reduce((a, b) => a + b, 0);
  return tally;
}

describe('the kernel equals the exact engine draw by draw', () => {
  it('the example city, 500 draws (national rule, two pools, deductions scaled with claims)', () => {
    const t = checkDraws(scenario('city'), { seed: 11 }, 500);
    expect(t.over).toBeGreaterThan(0);
    expect(t.reward).toBeGreaterThan(0);
  });

  it('the city with a wide common shock: the adjustment fund runs out in some draws and not in others', () => {
    const t = checkDraws(scenario('city'), { seed: 5, sigmaCommon: 0.15, deductions: 'fixed' }, 500);
    expect(t.exhausted).toBeGreaterThan(0);
    expect(t.exhausted).toBeLessThan(500);
  });

  it('a deposit withheld from each month\'s claims (the monthly path), 500 draws', () => {
    const t = checkDraws(scenario('claims-withholding'), { seed: 2, sigmaCommon: 0.05, sigma: 0.08 }, 500);
    expect(t.overspend).toBeGreaterThan(0);
    expect(t.surplus).toBeGreaterThan(0);
  });

  it('a shortfall of the adjustment fund (pro-rata cut), 500 draws', () => {
    const t = checkDraws(scenario('af-shortfall'), { seed: 3, sigmaCommon: 0.06, sigma: 0.08 }, 500);
    expect(t.exhausted).toBeGreaterThan(0);
    expect(t.exhausted).toBeLessThan(500);
  });

  it('step tiers with a minimum savings rate, 500 draws', () => {
    const t = checkDraws(scenario('min-savings-step'), { seed: 4, sigmaCommon: 0.05, sigma: 0.08 }, 500);
    expect(t.reward).toBeGreaterThan(0);
    expect(t.surplus).toBeGreaterThan(t.reward); // some surpluses below the minimum savings rate earn nothing
  });

  it('mid-year adjustments (年中调整) are honoured: the adjusted targets and re-split months, 200 draws each', () => {
    const city = scenario('city');
    city.adjustments = [{ hospital: 'T01', from: 7, change: '-5000000.00', reason: '停诊整改' }];
    const t = checkDraws(city, { seed: 12, sigmaCommon: 0.06 }, 200);
    expect(t.over).toBeGreaterThan(0);
    const monthly = scenario('claims-withholding');
    monthly.adjustments = [{ hospital: monthly.hospitals[0]!.id, from: 4, change: '-200000.00', reason: '服务量下降' }];
    checkDraws(monthly, { seed: 2, sigmaCommon: 0.05, sigma: 0.08 }, 200);
    // The kernel's targets are the adjusted ones.
    const { input } = prepareRisk(city, riskParams({ draws: 1 }));
    const plain = prepareRisk(scenario('city'), riskParams({ draws: 1 })).input;
    const i = city.hospitals.findIndex((h) => h.id === 'T01');
    expect(plain.target[i]! - input.target[i]!).toBe(500_000_000);
  });

  it('the city settled by points (DIP): entitlements float with the draw\'s points, 300 draws', () => {
    const s = scenario('city-points');
    const t = checkDraws(s, { seed: 21, sigmaCommon: 0.05, sigma: 0.08 }, 300);
    expect(t.over).toBeGreaterThan(0);
    expect(t.reward).toBeGreaterThan(0);
    // The pool is paid out exactly in every draw, by entitlements that are not the file's.
    const { input } = prepareRisk(s, riskParams({ draws: 2 }));
    const pool = input.pointsPools[0]!;
    for (const d of [0, 1]) {
      const det = drawDetail(input, d);
      expect(pool.members.reduce((a, h) => a + det.target[h]!, 0)).toBe(pool.amount);
      expect(pool.members.some((h) => det.target[h] !== input.target[h])).toBe(true);
    }
  });

  it('the other example rules (top-up, prepaid months with eligibility, a weight formula and growth, a reward cap, a volume floor), 200 draws each', () => {
    for (const name of ['af-shortfall-topup', 'community-prepay', 'planning-2026', 'reward-cap', 'volume-floor']) {
      checkDraws(scenario(name), { seed: 6, sigmaCommon: 0.06, sigma: 0.08 }, 200);
    }
  });
});

// Random scenarios with a pool settled by points beside a pool of targets: points given for the
// year, by month or projected from last year; coefficients; a point-value cap or none; the
// deposit on targets or on claims (points institutions withhold it from pre-settlement either
// way); claims given or projected; an adjustment fund that is ample or short.
const yuan = (f: bigint) => `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;
const pts = (u: bigint) => `${u / 10000n}.${(u % 10000n).toString().padStart(4, '0')}`;
const pointsInst = fc.record({
  points: fc.boolean(),
  raw: fc.bigInt({ min: 1n, max: 10n ** 10n }),
  form: fc.constantFrom('total', 'months', 'lastYear'),
  coef: fc.option(fc.integer({ min: 50, max: 150 }), { nil: null }),
  last: fc.bigInt({ min: 10n ** 5n, max: 10n ** 10n }),
  claimsGiven: fc.boolean(),
  claimsPct: fc.integer({ min: 60, max: 140 }),
  score: fc.option(fc.integer({ min: 60, max: 100 }), { nil: null }),
});
const pointsWorld = fc.record({
  budgetPct: fc.integer({ min: 70, max: 130 }),
  afBp: fc.integer({ min: 0, max: 1500 }),
  cap: fc.option(fc.integer({ min: 90, max: 130 }), { nil: null }),
  base: fc.constantFrom('target', 'claims'),
  rewardCap: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  hospitals: fc.array(pointsInst, { minLength: 1, maxLength: 8 }),
  primary: fc.array(fc.bigInt({ min: 10n ** 5n, max: 10n ** 9n }), { minLength: 1, maxLength: 4 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  sigma: fc.integer({ min: 1, max: 30 }),
}).filter((w) => w.hospitals.some((h) => h.points));

function pointsScenario(w: typeof pointsWorld extends fc.Arbitrary<infer T> ? T : never): Scenario {
  const history = [...w.hospitals.map((h) => h.last), ...w.primary];
  const total = history.reduce((a, b) => a + b, 0n) + 100n;
  const budget = (total * BigInt(w.budgetPct)) / 100n;
  const claims = (last: bigint, pct: number) => Array.from({ length: 12 }, () => yuan((last * BigInt(pct)) / 1200n));
  const doc = {
    format: 'gbsim-scenario', version: 2, meta: { name: 'risk by points, random' },
    fund: { budget: yuan(budget), revenue: yuan(budget), openingBalance: yuan(budget / 4n), riskReserveRate: '0.02', adjustmentFundRate: (w.afBp / 10000).toString(), carveOuts: [] },
    policy: {
      pools: [{ id: 'ip', name: 'inpatient', share: '0.8', classes: ['hospital'], settlement: 'points' }, { id: 'pc', name: 'primary', share: '0.2', classes: ['primary'] }],
      historyWeights: ['1'], deposit: { base: w.base, rates: { hospital: '0.1', primary: '0.05' } },
      growth: { default: '0.04' },
      quality: { mode: 'linear', points: [{ score: 0, ratio: '0' }, { score: 100, ratio: '1' }] },
      overspend: { mode: 'marginal', tiers: [{ upTo: '0.1', share: '0.7' }, { upTo: '0.2', share: '0.4' }, { upTo: null, share: '0' }] },
      surplus: { mode: 'marginal', tiers: [{ upTo: '0.1', share: '0.5' }, { upTo: null, share: '0.2' }], ...(w.rewardCap === null ? {} : { cap: (w.rewardCap / 100).toString() }) },
      points: { growth: '0.03', ...(w.cap === null ? {} : { pointValueCap: (w.cap / 100).toString() }) },
    },
    hospitals: [
      ...w.hospitals.map((h, i) => {
        const monthly = Array.from({ length: 12 }, (_, m) => (h.raw / 12n) + (BigInt(m) < h.raw % 12n ? 1n : 0n));
        const points = h.form === 'total' ? { total: pts(h.raw) } : h.form === 'months' ? { months: monthly.map(pts) } : { lastYear: pts(h.raw) };
        return {
          id: `H${i}`, name: `H${i}`, level: 'tertiary', category: 'general', class: 'hospital', history: [yuan(h.last)],
          ...(h.claimsGiven ? { claims: claims(h.last, h.claimsPct) } : {}),
          ...(h.score === null ? {} : { score: h.score }),
          ...(h.points ? { points: { ...points, ...(h.coef === null ? {} : { coefficient: (h.coef / 100).toString() }) } } : {}),
        };
      }),
      ...w.primary.map((last, i) => ({ id: `P${i}`, name: `P${i}`, level: 'primary', category: 'community', class: 'primary', history: [yuan(last)], claims: claims(last, 100) })),
    ],
  };
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.issues.slice(0, 3)));
  return v.scenario;
}

describe('the kernel equals the exact engine draw by draw on random scenarios settled by points', () => {
  it('every draw\'s entitlements, deposits, owed and the fund\'s figures (fast-check, 40 scenarios × 25 draws)', () => {
    fc.assert(fc.property(pointsWorld, (w) => {
      checkDraws(pointsScenario(w), { seed: w.seed, sigmaCommon: w.sigma / 200, sigma: w.sigma / 100 }, 25);
    }), { numRuns: 40 });
  });
});

describe('a draw that leaves a pool settled by points without points (no point value)', () => {
  // One points institution and a wide spread (σ_h = 0.6): in some draws its growth is ≤ −100%
  // (no claims, so no points); with 0.0001 points in the file its points also round to 0 whenever
  // its drawn claims fall below half the file's — claims without points. Either way the pool
  // cannot set a point value (P_k / 0): every entitlement is 0, the pool's amount is not paid and
  // stays with the fund; the exact engine settles the draw so (model.noPoints 'unpaid'), the kernel
  // agrees draw by draw, and the draws are counted.
  const world = (raw: bigint) => ({
    budgetPct: 100, afBp: 500, cap: null, base: 'target' as const, rewardCap: null, seed: 0, sigma: 1, primary: [10n ** 8n],
    hospitals: [{ points: true, raw, form: 'total' as const, coef: null, last: 10n ** 9n, claimsGiven: true, claimsPct: 100, score: null }],
  });

  for (const [what, raw] of [['no claims, no points', 10n ** 8n], ['claims without points', 1n]] as const) {
    it(`${what}: kernel and exact engine agree draw by draw, the pool's amount kept by the fund, the draws counted`, () => {
      const s = pointsScenario(world(raw));
      const params = { seed: 31, sigmaCommon: 0.02, sigma: 0.6 };
      const t = checkDraws(s, params, 150);
      expect(t.noPointValue).toBeGreaterThan(0);
      expect(t.noPointValue).toBeLessThan(150);
      const { input } = prepareRisk(s, riskParams({ ...params, draws: 150 }));
      const pool = input.pointsPools[0]!;
      const d = Array.from({ length: 150 }, (_, k) => k).find((k) => drawDetail(input, k).noPointValue)!;
      const c = exactCheck(s, input, d);
      const p = c.result.fund.pools.find((x) => x.settlement === 'points')!;
      expect([p.pointValue, p.entitled, p.capCut]).toEqual([null, '0.00', p.amount]);
      expect(parseMoney(p.amount)).toBe(pool.amount);
      expect(c.detail.target[pool.members[0]!]).toBe(0);
      if (raw === 1n) expect(c.detail.annual[pool.members[0]!]).toBeGreaterThan(0);
      // The summary's line: the share of draws without a point value.
      const merged = mergeBlocks([runDraws(input, 0, 150)], 150, input.n);
      expect(summarize(merged).noPointValue).toEqual({ draws: t.noPointValue, probability: t.noPointValue / 150 });
    });
  }

  it('a file whose points pool has no points is still refused (points not imported), naming the pool', () => {
    const s = pointsScenario(world(10n ** 8n));
    const doc = JSON.parse(JSON.stringify(s));
    doc.hospitals[0].points = { total: '0.0000', projected: '100.0000' };
    const v = validateScenario(doc);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.map((i) => i.message).join('\n')).toMatch(/pool "ip" is settled by points .* but its institutions have no points/);
  });
});
