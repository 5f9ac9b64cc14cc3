/** explain() for a member of a pool settled by points: the figures of DESIGN §7 step by step, consistent with the result. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { explain } from '../../src/engine/explain.ts';
import { pointsSteps } from '../../src/display/points-steps.ts';

const loaded = loadScenario(readFileSync('scenarios/city-points.json', 'utf8'));
if (!loaded.ok) throw new Error('city-points.json does not load');
const s = loaded.scenario;
const r = runScenario(s);
const units = (x: string) => BigInt(x.replace('.', ''));

describe('explain: points', () => {
  it('derives T01\'s entitlement: raw points × level coefficient, share, point values, entitlement, payment rate', () => {
    const i = s.hospitals.findIndex((h) => h.id === 'T01');
    const x = explain(s, r, i)!.points!;
    const h = s.hospitals[i]!;
    expect(x.source).toBe('total');
    expect(x.raw).toBe(h.points!.total);
    expect(x.coefficientFrom).toBe('level');
    expect(x.coefficient).toBe('1.05');
    // Pts = round4(1.05 × raw) in 10^-4 units: (raw × 105 + 50) / 100.
    expect(units(x.points)).toBe((units(x.raw) * 105n + 50n) / 100n);
    expect(x.points).toBe(r.hospitals[i]!.points);
    expect(x.entitlement).toBe(r.hospitals[i]!.target);
    expect(x.pool.pointValue).toBe(r.fund.pools[0]!.pointValue);
    expect(x.paymentRate).toBe(r.hospitals[i]!.paymentRate);
    expect(x.topGroups).toHaveLength(5);
    const zh = pointsSteps(x, 'zh');
    expect(zh).toHaveLength(6);
    expect(zh[1]).toContain('点数法级别系数（三级）1.05');
    expect(zh[3]).toContain(`${x.pool.pointValue} 元/分`);
    expect(zh[4]).toContain('最大余数法');
    const en = pointsSteps(x, 'en');
    expect(en[2]).toContain(`= ${x.pool.budgetPointValue} yuan/point`);
    expect(en[5]).toMatch(/Payment rate = entitlement ÷ actual [\d,]+\.\d\d yuan = \d+\.\d\d%/);
  });

  it('is null outside a pool settled by points', () => {
    const i = s.hospitals.findIndex((h) => h.class === 'primary');
    expect(explain(s, r, i)!.points).toBeNull();
  });
});
