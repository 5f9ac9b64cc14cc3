/**
 * A city with a pool that can be settled by points (DESIGN §7): the small city's hospitals carry
 * their points of the year (and last year's, for the budget point value); the baseline pays the
 * pool by per-institution targets, the variant `points` settles the same pool by points.
 */
import type { Scenario } from '../../src/format/types.ts';
import { addVariant, newWorkspace, setVariantChanges } from '../../src/workspace/workspace.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import { smallScenario } from '../workspace/fixture.ts';

/** Raw points of the year and last year (before k_h), by hospital of the 'hosp' pool. */
const POINTS: Record<string, { total: string; lastYear: string }> = {
  H001: { total: '42000.5000', lastYear: '40000' },
  H002: { total: '25000', lastYear: '24000' },
  H003: { total: '18000.2500', lastYear: '15000' },
};

export function pointsScenario(): Scenario {
  const s = smallScenario();
  s.policy.points = { levelCoefficients: { tertiary: '1.05' }, growth: '0.05' };
  s.hospitals = s.hospitals.map((h) => (POINTS[h.id] ? { ...h, points: { ...POINTS[h.id]! } } : h));
  return s;
}

/** Baseline by targets; variant (its id returned) settles the 'hosp' pool by points. */
export function pointsWorkspace(): { ws: Workspace; id: string } {
  const a = addVariant(newWorkspace(pointsScenario()), '点数法');
  const ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['policy', 'pools', 0, 'settlement'], value: 'points' }]);
  return { ws, id: a.id };
}
