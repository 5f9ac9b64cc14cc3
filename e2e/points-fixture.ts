/**
 * The example city with its hospitals' pool settled by points, for the e2e tests until the
 * bundled example carries a points variant: every member of the 'hospitals' pool gets points of
 * the year and last year's, derived deterministically from its claims and newest history year
 * (one point per 10 yuan, a point value of about 10 元/分 as in many DIP regions, varied by ±12%
 * by its position so shares of points differ from shares of claims).
 */
import type { Scenario } from '../src/format/types.ts';
import { addVariant, newWorkspace, setVariantChanges } from '../src/workspace/workspace.ts';
import type { Workspace } from '../src/workspace/types.ts';
import { exampleScenario } from './helpers.ts';

const fen = (s: string): bigint => BigInt(s.replace('.', ''));
/** An amount (fen) / 10 yuan × a factor (‰), as points with 4 decimals (10^-4 units, truncated). */
function pointsOf(amountFen: bigint, factorPermille: bigint): string {
  const p = (amountFen * factorPermille) / 100n; // fen × 10^4 / 1,000 fen × ‰ / 1,000
  const s = p.toString().padStart(5, '0');
  return `${s.slice(0, -4)}.${s.slice(-4)}`;
}

export function cityWithPoints(): Scenario {
  const s = exampleScenario();
  const members = new Set(s.policy.pools![0]!.classes);
  s.policy.points = { levelCoefficients: { tertiary: '1.05', secondary: '1' }, growth: '0.06' };
  s.hospitals = s.hospitals.map((h, i) => {
    if (!members.has(h.class)) return h;
    const claims = h.claims!.reduce((a, c) => a + fen(c), 0n);
    const factor = 880n + BigInt((i * 37) % 240); // 0.880 … 1.119
    return { ...h, points: { total: pointsOf(claims, factor), lastYear: pointsOf(fen(h.history.at(-1)!), 1000n) } };
  });
  return s;
}

/** Baseline by per-institution targets; the variant settles the hospitals' pool by points. */
export function cityPointsWorkspace(): { ws: Workspace; id: string } {
  const base = cityWithPoints();
  const a = addVariant(newWorkspace(base), '点数法');
  const ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['policy', 'pools', 0, 'settlement'], value: 'points' }]);
  return { ws, id: a.id };
}
