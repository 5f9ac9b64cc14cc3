/** Several years of a scenario with a pool settled by points (DESIGN §7, §8): points roll forward by their growth. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { runYears } from '../../src/engine/years.ts';
import { compile } from '../../src/engine/compile.ts';
import type { Scenario } from '../../src/format/types.ts';

const loaded = loadScenario(readFileSync('scenarios/city-points.json', 'utf8'));
if (!loaded.ok) throw new Error('city-points.json does not load');
const s = loaded.scenario;
const units = (x: string) => BigInt(x.replace('.', ''));
const round4 = (u: bigint, num: bigint, den: bigint) => (2n * u * num + den) / (2n * den);

describe('years: points roll forward', () => {
  it('year y+1\'s raw points are year y\'s × (1 + growth of points), and every year the pool is paid out exactly', () => {
    const scenarios: Scenario[] = [];
    const run = runYears(s, { years: 3 }, (_p, cur) => scenarios.push(cur));
    expect(run.stopped).toBeNull();
    expect(run.years).toHaveLength(3);
    const t01 = s.hospitals.findIndex((h) => h.id === 'T01');
    const y2 = scenarios[1]!.hospitals[t01]!.points!;
    // Year one's raw points become last year's; the year's own figures are dropped (a plan).
    expect(y2.lastYear).toBe(s.hospitals[t01]!.points!.total);
    expect(y2.total).toBeUndefined();
    expect(y2.months).toBeUndefined();
    expect(y2.groups).toBeUndefined();
    const m2 = compile(scenarios[1]!);
    expect(m2.hospitals[t01]!.points!.raw).toBe(round4(units(s.hospitals[t01]!.points!.total!), 105n, 100n)); // policy growth 5%
    const y3 = scenarios[2]!.hospitals[t01]!.points!;
    expect(units(y3.lastYear!)).toBe(m2.hospitals[t01]!.points!.raw);
    // The pool is paid out exactly each year: the members' entitlements add up to its amount.
    for (const y of run.years) {
      const pool = y.fund.pools.find((p) => p.settlement === 'points')!;
      const members = s.hospitals.map((h, i) => ({ h, i })).filter((x) => x.h.class === 'hospital');
      const sum = members.reduce((a, x) => a + y.columns.target[x.i]!, 0);
      expect(BigInt(sum)).toBe(units(pool.amount));
    }
    // Later years: projected points only, so the settlement point value equals the budget's.
    const p2 = run.years[1]!.fund.pools.find((p) => p.settlement === 'points')!;
    expect(p2.pointValue).toBe(p2.budgetPointValue);
  });
});
