/**
 * Pools settled by points in the app's views (issue 11, views): the fund summary is given the
 * engine's point values, the institutions' table its points, share of points and payment rate,
 * exactly as the engine's own summary says; a per-target scenario shows none of it.
 */
import { describe, expect, it } from 'vitest';
import { resultsView } from '../../src/app/views/results.ts';
import { runScenario } from '../../src/engine/run.ts';
import { scenarioOf } from '../../src/workspace/workspace.ts';
import { stateOf } from './fixture.ts';
import { pointsWorkspace } from './points-fixture.ts';

describe('points in the results view', () => {
  const { ws, id } = pointsWorkspace();

  it('the points variant: point values of the pool and every institution’s points, share and payment rate from the engine', () => {
    const v = resultsView(stateOf(ws, { active: id }));
    const want = runScenario(scenarioOf(ws, id));
    const pool = v.fund!.pools.find((p) => p.id === 'hosp')!;
    expect(pool.settlement).toBe('points');
    expect(pool.pointValue).toMatch(/^\d+\.\d{4}$/);
    expect(pool).toEqual(want.fund.pools.find((p) => p.id === 'hosp'));
    const t = v.table!.view;
    expect(t.byPoints).toBe(true);
    want.hospitals.forEach((h, i) => {
      expect(t.get('points', i)).toBe(h.points);
      expect(t.get('pointShare', i)).toBe(h.pointShare);
      expect(t.get('paymentRate', i)).toBe(h.paymentRate);
      expect(t.get('target', i)).toBe(h.target);
    });
    // The pool's entitlements add up to what it shares by points, to the fen.
    const hosp = want.hospitals.filter((h) => h.pool === 'hosp');
    const fen = hosp.reduce((a, h) => a + BigInt(h.target.replace('.', '')), 0n);
    expect(fen).toBe(BigInt(pool.entitled!.replace('.', '')));
    // The primary pool stays per-target: no points.
    expect(t.get('points', t.indexOf('C001')!)).toBeNull();
  });

  it('the per-target baseline of the same city has no points pool and no points columns', () => {
    const v = resultsView(stateOf(ws));
    expect(v.fund!.pools.every((p) => p.settlement === undefined)).toBe(true);
    expect(v.table!.view.byPoints).toBe(false);
    expect(v.table!.view.get('points', 0)).toBeNull();
    expect(v.table!.view.get('paymentRate', 0)).toBe(runScenario(scenarioOf(ws, 'baseline')).hospitals[0]!.paymentRate);
  });
});
