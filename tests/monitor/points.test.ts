/**
 * Monitoring a pool settled by points (DESIGN §10 with §7): as of month k the points of months
 * 1…k are the points to date (pointsToDate, raw), the rest of the year is projected as claims
 * are (by the profile), and the projected year settles at its point value. As of December the
 * report is the settlement itself; a file whose points are known only for the year is refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, validateScenario } from '../../src/scenario/open.ts';
import { addMonth, asOfMonth } from '../../src/engine/as-of.ts';
import { monitor } from '../../src/engine/monitor.ts';
import { runScenario } from '../../src/engine/run.ts';
import { pointsCoefficient } from '../../src/engine/points-compile.ts';
import { formatPoints, mulPoints, parsePoints } from '../../src/engine/points.ts';
import { projectYear } from '../../src/engine/project.ts';
import type { Scenario } from '../../src/format/types.ts';

const city = (): Scenario => {
  const r = loadScenario(readFileSync('scenarios/city-points.json', 'utf8'));
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.scenario;
};
const asOf = (s: Scenario, k: number): Scenario => {
  const r = asOfMonth(s, k);
  if (!r.ok) throw new Error(r.issues[0]!.message);
  const v = validateScenario(r.scenario);
  if (!v.ok) throw new Error(v.issues[0]!.message);
  return v.scenario;
};

describe('monitoring a points pool', () => {
  const s = city();
  const members = s.hospitals.filter((h) => h.points?.months);
  const profile = (s.policy.monthlyProfile ?? new Array(12).fill('1')).map((x) => BigInt(Math.round(Number(x) * 1e12)));

  it('as of June: points to date are the members’ first six months after k_h; the year is those months and the rest projected by the profile', () => {
    const june = asOf(s, 6);
    const t01 = june.hospitals.find((h) => h.id === members[0]!.id)!;
    expect(t01.pointsToDate).toEqual(members[0]!.points!.months!.slice(0, 6));
    expect(t01.points?.months).toBeUndefined();
    const [p] = monitor(june).points;
    let toDate = 0n, year = 0n;
    for (const h of members) {
      const k = pointsCoefficient(h, s.policy.points);
      const raw = h.points!.months!.slice(0, 6).map(parsePoints);
      for (const x of raw) toDate += mulPoints(x, k);
      // Pts_h = round4(k_h × the year's raw points) (DESIGN §7): one rounding of the year.
      year += mulPoints(projectYear(raw.map((u) => Number(u) as never), profile).reduce((a, x) => a + BigInt(x), 0n), k);
    }
    expect(p!.pointsToDate).toBe(formatPoints(toDate));
    expect(p!.projectedPoints).toBe(formatPoints(year));
    const pool = runScenario(june).fund.pools.find((x) => x.id === p!.pool)!;
    expect(p!.projectedPointValue).toBe(pool.pointValue);
    expect(p!.projectedPointValue).not.toBe(runScenario(s).fund.pools.find((x) => x.id === p!.pool)!.pointValue);
  });

  it('as of December the projected point value is the settlement’s', () => {
    const [p] = monitor(asOf(s, 12)).points;
    const pool = runScenario(s).fund.pools.find((x) => x.id === p!.pool)!;
    expect(p!.projectedPoints).toBe(pool.points);
    expect(p!.projectedPointValue).toBe(pool.pointValue);
  });

  it('a month added needs each points institution’s points of that month; a year known only in total has no points to date', () => {
    const june = asOf(s, 6);
    const claims = new Map(june.hospitals.map((h) => [h.id, h.claimsToDate![5]!] as const));
    const refused = addMonth(june, 7, claims);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues[0]!.message).toContain('no points for month 7');
    const points = new Map(members.map((h) => [h.id, h.points!.months![6]!] as const));
    const july = addMonth(june, 7, claims, points);
    expect(july.ok).toBe(true);
    if (july.ok) expect(validateScenario(july.scenario).ok).toBe(true);
    const totalOnly = city();
    const { months: _m, ...rest } = totalOnly.hospitals.find((h) => h.id === members[0]!.id)!.points!;
    totalOnly.hospitals = totalOnly.hospitals.map((h) => (h.id === members[0]!.id ? { ...h, points: rest } : h));
    const r = asOfMonth(totalOnly, 6);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toMatch(/points\.months$/);
  });

  it('the gate refuses points to date without monitoring, of the wrong length, or beside the whole year’s points', () => {
    const june = asOf(s, 6);
    const i = june.hospitals.findIndex((h) => h.pointsToDate);
    const bad1 = structuredClone(june); bad1.hospitals[i]!.pointsToDate = bad1.hospitals[i]!.pointsToDate!.slice(0, 5);
    const bad2 = structuredClone(june); bad2.hospitals[i]!.points = { ...bad2.hospitals[i]!.points, total: '1.0000' };
    for (const [bad, field] of [[bad1, 'pointsToDate'], [bad2, 'points']] as const) {
      const v = validateScenario(bad);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.issues.map((x) => x.path)).toContain(`hospitals[${i}].${field}`);
    }
  });

  it('as of 0: no points known yet, the year’s points as the plan projects them; January added equals the city as of January', () => {
    const zero = asOf(s, 0);
    expect(zero.hospitals.find((h) => h.id === members[0]!.id)!.pointsToDate).toEqual([]);
    // The plan: the same institutions with no points of the year, projected from lastYear × (1 + growth).
    const plan: Scenario = { ...s, hospitals: s.hospitals.map((h) => {
      if (!h.points) return h;
      const { total: _t, months: _m, ...rest } = h.points;
      return { ...h, points: rest };
    }) };
    const [z] = monitor(zero).points;
    const [p] = monitor(plan).points;
    expect(z!.pointsToDate).toBe('0.0000');
    expect(z!.projectedPoints).toBe(p!.projectedPoints);
    expect(z!.projectedPointValue).toBe(p!.projectedPointValue);
    const jan = addMonth(zero, 1, new Map(s.hospitals.map((h) => [h.id, h.claims![0]!])),
      new Map(members.map((h) => [h.id, h.points!.months![0]!])));
    if (!jan.ok) throw new Error(jan.issues[0]!.message);
    expect(jan.scenario).toEqual(asOf(s, 1));
  });
});
