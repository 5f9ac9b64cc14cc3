/**
 * Mid-year adjustments as records (issue 13): the engine's records (month, institution, amount,
 * reason, what each other pool member took — adding up to the fen), the brief of an adjusted
 * institution and of one that absorbed part of it, and the comparison listing each scenario's.
 */
import { describe, expect, it } from 'vitest';
import { adjustmentRecords, changeFor } from '../../src/engine/adjust-records.ts';
import { briefs } from '../../src/engine/briefs.ts';
import { briefContext, briefView } from '../../src/app/views/brief.ts';
import { CompareViews } from '../../src/app/views/compare.ts';
import { addVariant, newWorkspace, setVariantChanges } from '../../src/workspace/workspace.ts';
import { parseMoney } from '../../src/engine/money.ts';
import { threeHospitals } from '../monitor/fixture.ts';
import { smallScenario } from '../workspace/fixture.ts';
import { stateOf } from './fixture.ts';
import type { Scenario } from '../../src/format/types.ts';

const sum = (xs: string[]) => xs.reduce((a, x) => a + parseMoney(x), 0);

describe('adjustment records', () => {
  it('three equal hospitals: A −100,000.01 from July; B and C take 50,000.01 and 50,000.00 (largest remainder, file order), the pool unchanged', () => {
    const s = threeHospitals();
    s.adjustments = [{ hospital: 'A', from: 7, change: '-100000.01', reason: '重点专科停诊整改', date: '2025-07-03' }];
    const [r] = adjustmentRecords(s);
    expect(r).toEqual({
      index: 0, from: 7, hospital: 'A', name: '医院A', reason: '重点专科停诊整改', date: '2025-07-03',
      change: '-100000.01', targetBefore: '1200000.00', targetAfter: '1099999.99',
      members: [{ id: 'B', name: '医院B', change: '50000.01' }, { id: 'C', name: '医院C', change: '50000.00' }],
    });
    expect(sum([r!.change, ...r!.members.map((x) => x.change)])).toBe(0);
    expect(changeFor(r!, 'A')).toBe('-100000.01');
    expect(changeFor(r!, 'C')).toBe('50000.00');
    expect(adjustmentRecords(threeHospitals())).toEqual([]);
  });
});

describe('adjustments in the brief and the comparison', () => {
  const base: Scenario = { ...smallScenario(), adjustments: [{ hospital: 'H001', from: 7, change: '-100000.00', reason: '病区改造' }] };
  const v = addVariant(newWorkspace(base), '不调整');
  const ws = setVariantChanges(v.ws, v.id, [{ op: 'set', path: ['adjustments'], value: [] }]);
  const s = stateOf(ws, { compare: ['baseline', v.id] });
  const explained = (id: string) => briefs(base, [id], null)[0]!.explanation!;
  const brief = (id: string) => briefView(briefContext(s), explained(id), { result: null, interactive: false })!;
  const [rec] = adjustmentRecords(base);

  it('the brief lists the adjustments that moved this institution: its own, or its part of another one', () => {
    expect(brief('H001').adjustments).toEqual([{ from: 7, hospital: 'H001', name: '市第一人民医院', change: '-100000.00', own: '-100000.00', self: true, reason: '病区改造', date: null }]);
    const h2 = brief('H002').adjustments;
    expect(h2).toHaveLength(1);
    expect(h2[0]).toMatchObject({ hospital: 'H001', change: '-100000.00', self: false, own: changeFor(rec!, 'H002') });
    expect(parseMoney(h2[0]!.own)).toBeGreaterThan(0);
    expect(parseMoney(h2[0]!.own) + parseMoney(brief('H003').adjustments[0]!.own)).toBe(100000_00);
    expect(brief('C001').adjustments).toEqual([]); // another pool
  });

  it('the comparison lists every scenario’s adjustments, “none” where a scenario has not made it', () => {
    const c = new CompareViews().of(s);
    expect(c.adjustments).toEqual([{ hospital: 'H001', name: '市第一人民医院', from: 7, reason: '病区改造', changes: ['-100000.00', null] }]);
    expect(new CompareViews().of(stateOf(newWorkspace(smallScenario()), {})).adjustments).toBeNull();
  });
});
