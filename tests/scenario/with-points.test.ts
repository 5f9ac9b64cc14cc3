/** withImportedPoints: the year's points replaced, planning fields kept, points-pool members without cases zeroed. */
import { describe, expect, it } from 'vitest';
import { withImportedPoints } from '../../src/scenario/with-points.ts';
import type { Scenario } from '../../src/format/types.ts';

const h = (id: string, klass: string, points?: object) => ({ id, name: id, level: 'secondary', category: 'general', class: klass, history: ['100.00'], ...(points ? { points } : {}) });
const base = {
  policy: { pools: [{ id: 'ip', name: 'ip', share: '0.8', classes: ['hospital'], settlement: 'points' }, { id: 'pc', name: 'pc', share: '0.2', classes: ['primary'] }] },
  hospitals: [
    h('A', 'hospital', { total: '9.0000', cases: 3, lastYear: '80.0000', coefficient: '1.1', groups: [{ group: 'X', cases: 1, points: '1.0000' }] }),
    h('B', 'hospital', { lastYear: '50.0000' }),
    h('C', 'primary'),
    h('D', 'primary'),
  ],
} as unknown as Scenario;
const months = (x: string) => Array.from({ length: 12 }, (_, m) => ({ points: m === 0 ? x : '0.0000' }));
const t = (cases: number, points: string) => ({ cases, points, low: 0, high: 1, special: 0 });

describe('withImportedPoints', () => {
  it('replaces the year, keeps planning fields, zeroes points-pool members without cases, leaves others', () => {
    const r = withImportedPoints(base, {
      institutions: [
        { id: 'A', ...t(2, '12.5000'), months: months('12.5000'), topGroups: [{ group: 'G1', ...t(2, '12.5000') }] },
        { id: 'C', ...t(1, '3.0000'), months: months('3.0000'), topGroups: [] },
      ],
    });
    expect(r.written).toEqual(['A', 'C']);
    expect(r.zeroed).toEqual(['B']);
    // C is in a pool settled by targets: its points are written, and named as not counting.
    expect(r.outside).toEqual([{ id: 'C', name: 'C', cases: 1 }]);
    const [a, b, c, d] = r.scenario.hospitals;
    expect(a!.points).toEqual({ total: '12.5000', months: months('12.5000').map((m) => m.points), cases: 2, lastYear: '80.0000', coefficient: '1.1', groups: [{ group: 'G1', cases: 2, points: '12.5000', high: 1 }] });
    expect(b!.points).toEqual({ total: '0.0000', months: Array(12).fill('0.0000'), cases: 0, lastYear: '50.0000' });
    expect(c!.points?.total).toBe('3.0000');
    expect(d).toBe(base.hospitals[3]);
    expect(r.scenario.catalogue).toBeUndefined();
    expect(base.hospitals[0]!.points!.total).toBe('9.0000'); // the input is not changed
  });
});
