/**
 * The point-inflation what-if in the results view (views/point-inflation.ts): offered only for a
 * scenario with a pool settled by points, its levels in a bureau's words; the answer shown is the
 * engine's (gainers first), and it is marked stale once the shown run is newer than the answer.
 */
import { describe, expect, it } from 'vitest';
import { resultsView } from '../../src/app/views/results.ts';
import { pointInflation } from '../../src/engine/point-inflation.ts';
import { scenarioOf } from '../../src/workspace/workspace.ts';
import { stateOf } from './fixture.ts';
import { pointsWorkspace } from './points-fixture.ts';

describe('point inflation in the results view', () => {
  const { ws, id } = pointsWorkspace();

  it('is not offered for a per-target scenario', () => {
    expect(resultsView(stateOf(ws)).inflation).toBeNull();
  });

  it('offers the points pool with its levels, and shows the engine’s answer, gainers first', () => {
    const s0 = stateOf(ws, { active: id });
    const v0 = resultsView(s0).inflation!;
    expect(v0.pools.map((p) => p.id)).toEqual(['hosp']);
    expect(v0.levels['hosp']!.map((l) => l.name)).toContain('三级');
    expect(v0.query).toEqual({ pool: 'hosp', level: null, pct: '5' });
    expect(v0.result).toBeNull();

    const q = { pool: 'hosp', level: 'tertiary', pct: '5' };
    const r = pointInflation(scenarioOf(ws, id), q);
    const key = s0.cols[id]!.out!.ok ? s0.cols[id]!.out!.key : -1;
    const s1 = { ...s0, unit: 'yuan' as const, inflation: { ref: id, key, query: q, result: r, busy: false, error: null } };
    const v1 = resultsView(s1).inflation!;
    expect(v1.stale).toBe(false);
    expect(v1.result!.who).toBe('三级');
    expect(v1.result!.rawPvAfter).toBe(r.pointValue.after);
    expect(v1.result!.rows.map((m) => m.rawDiff).sort()).toEqual(r.members.map((m) => m.diff).sort());
    const diffs = v1.result!.rows.map((m) => Number(m.rawDiff));
    expect(diffs).toEqual([...diffs].sort((a, b) => b - a));
    expect(v1.result!.total.rawDiff).toBe('0.00');

    // A newer run of the scenario: the answer is of an earlier one.
    const v2 = resultsView({ ...s1, inflation: { ...s1.inflation, key: key - 1 } }).inflation!;
    expect(v2.stale).toBe(true);
  });
});
