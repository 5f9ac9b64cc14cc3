/** A patch from diffPaths, applied to a copy of the old tree, gives the new tree; untouched branches cost nothing. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatch, diffPaths } from '../../src/transport/patch.ts';
import { getIn, removeIn, setIn } from '../../src/workspace/edit.ts';
import { smallScenario } from '../workspace/fixture.ts';

const clone = <T>(x: T): T => structuredClone(x);

/** A random edit of the small scenario: a set at an existing leaf, or the removal of an optional field. */
type Edit = { path: (string | number)[]; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.oneof<fc.Arbitrary<Edit>[]>(
  fc.record({ i: fc.integer({ min: 0, max: 3 }), v: fc.integer({ min: 0, max: 10 ** 9 }) }).map(({ i, v }) => ({ path: ['hospitals', i, 'history', 2], value: `${v}.00` })),
  fc.record({ i: fc.integer({ min: 0, max: 3 }), v: fc.integer({ min: 0, max: 100 }) }).map(({ i, v }) => ({ path: ['hospitals', i, 'score'], value: v })),
  fc.integer({ min: 0, max: 99 }).map((v) => ({ path: ['fund', 'adjustmentFundRate'], value: `0.${String(v).padStart(2, '0')}` })),
  fc.constantFrom(0, 1, 2, 3).map((i) => ({ path: ['hospitals', i, 'score'], value: undefined })),
  fc.constant<Edit>({ path: ['policy', 'surplus', 'cap'], value: undefined }),
  fc.constant<Edit>({ path: ['policy', 'advance'], value: { months: '1' } }),
);

describe('patches between structurally shared trees', () => {
  it('applying diffPaths(a, b) to a copy of a gives b', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const a = smallScenario();
      let b = a;
      for (const e of edits) b = e.value === undefined ? removeIn(b, e.path) : setIn(b, e.path, e.value);
      const patch = diffPaths(a, b);
      const copy = clone(a);
      applyPatch(copy as unknown as Record<string, unknown>, patch);
      expect(copy).toEqual(JSON.parse(JSON.stringify(b)));
    }), { numRuns: 300 });
  });

  it('one edited cell is one change, and the other branches are shared', () => {
    const a = smallScenario();
    const b = setIn(a, ['hospitals', 2, 'history', 1], '1.00');
    expect(b.hospitals[0]).toBe(a.hospitals[0]);
    expect(b.policy).toBe(a.policy);
    expect(diffPaths(a, b)).toEqual([{ op: 'set', path: ['hospitals', 2, 'history', 1], value: '1.00' }]);
    expect(getIn(b, ['hospitals', 2, 'history', 1])).toBe('1.00');
  });

  it('a removed field and a new field cross as remove and set', () => {
    const a = smallScenario();
    const b = setIn(removeIn(a, ['hospitals', 0, 'score']), ['policy', 'volumeFloor'], true);
    expect(diffPaths(a, b)).toEqual([
      { op: 'set', path: ['policy', 'volumeFloor'], value: true },
      { op: 'remove', path: ['hospitals', 0, 'score'] },
    ]);
  });

  it('a list that changes length crosses whole', () => {
    const a = smallScenario();
    const b = { ...a, hospitals: a.hospitals.slice(1) };
    expect(diffPaths(a, b)).toEqual([{ op: 'set', path: ['hospitals'], value: b.hospitals }]);
  });
});
