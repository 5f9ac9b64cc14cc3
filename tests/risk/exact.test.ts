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
import { loadScenario } from '../../src/scenario/open.ts';
import { prepareRisk } from '../../src/engine/risk/prepare.ts';
import { exactCheck } from '../../src/engine/risk/exact.ts';
import { drawDetail, runDraws } from '../../src/engine/risk/kernel.ts';
import { riskParams, type RiskParams } from '../../src/engine/risk/params.ts';
import { parseMoney } from '../../src/engine/money.ts';
import type { Scenario } from '../../src/format/types.ts';

function scenario(name: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${r.issues[0]?.message}`);
  return r.scenario;
}

interface Tally { exhausted: number; over: number; reward: number; surplus: number; overspend: number }

/** Check draws 0 … draws − 1; return how often each event occurred (so a test can show it was exercised). */
function checkDraws(s: Scenario, params: Partial<RiskParams>, draws: number): Tally {
  const { input } = prepareRisk(s, riskParams({ ...params, draws }));
  const block = runDraws(input, 0, draws);
  const tally: Tally = { exhausted: 0, over: 0, reward: 0, surplus: 0, overspend: 0 };
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
