/** Which rows the institutions' table shows and in which order; surplus/overspend read as one signed figure. */
import { describe, expect, it } from 'vitest';
import { distinct, netOf, netRateOf, NO_FILTERS, rewardShareOf, rowOrder } from '../../src/app/views/table-model.ts';
import { runScenario } from '../../src/engine/run.ts';
import { computed } from './fixture.ts';
import { newWorkspace } from '../../src/workspace/workspace.ts';
import { smallScenario } from '../workspace/fixture.ts';
import { parseMoney } from '../../src/engine/money.ts';

const s = smallScenario();
// The small city has savers and overspenders (asserted below).
const view = computed(newWorkspace(s), 'baseline').view!;
const result = runScenario(s);

describe('table model', () => {
  it('lists levels, categories and classes in first-seen order', () => {
    expect(distinct(s, 'level')).toEqual(['tertiary', 'secondary', 'community']);
    expect(distinct(s, 'class')).toEqual(['hospital', 'primary']);
  });

  it('reads surplus as positive and overspend as negative, with its rate and the reward or fund share', () => {
    result.hospitals.forEach((h, i) => {
      const over = h.overspend !== '0.00';
      expect(netOf(view, i)).toBe(over ? `-${h.overspend}` : h.surplus);
      expect(netRateOf(view, i)).toBe(over ? `-${h.overspendRate}` : h.surplusRate);
      expect(rewardShareOf(view, i)).toBe(over ? h.fundShare : h.reward);
    });
    expect(result.hospitals.some((h) => h.overspend !== '0.00')).toBe(true);
    expect(result.hospitals.some((h) => h.surplus !== '0.00')).toBe(true);
  });

  it('filters by level, category, pool, overspending and text (name or code)', () => {
    expect(rowOrder(view, s, NO_FILTERS, { key: null, desc: true })).toEqual([0, 1, 2, 3]);
    expect(rowOrder(view, s, { ...NO_FILTERS, level: 'secondary' }, { key: null, desc: true })).toEqual([1, 2]);
    expect(rowOrder(view, s, { ...NO_FILTERS, category: 'general' }, { key: null, desc: true })).toEqual([0, 2]);
    expect(rowOrder(view, s, { ...NO_FILTERS, pool: 'prim' }, { key: null, desc: true })).toEqual([3]);
    const over = result.hospitals.flatMap((h, i) => (h.overspend !== '0.00' ? [i] : []));
    expect(rowOrder(view, s, { ...NO_FILTERS, overspendOnly: true }, { key: null, desc: true })).toEqual(over);
    expect(rowOrder(view, s, { ...NO_FILTERS, text: '中医' }, { key: null, desc: true })).toEqual([1]);
    expect(rowOrder(view, s, { ...NO_FILTERS, text: 'c001' }, { key: null, desc: true })).toEqual([3]);
  });

  it('sorts by amounts exactly, by net figure, by name, with ties in file order', () => {
    const byTarget = [...result.hospitals.keys()].sort((a, b) => parseMoney(result.hospitals[b]!.target) - parseMoney(result.hospitals[a]!.target));
    expect(rowOrder(view, s, NO_FILTERS, { key: 'target', desc: true })).toEqual(byTarget);
    expect(rowOrder(view, s, NO_FILTERS, { key: 'target', desc: false })).toEqual([...byTarget].reverse());
    const net = (i: number) => parseMoney(result.hospitals[i]!.surplus) - parseMoney(result.hospitals[i]!.overspend);
    expect(rowOrder(view, s, NO_FILTERS, { key: 'net', desc: false })).toEqual([0, 1, 2, 3].sort((a, b) => net(a) - net(b)));
    const names = s.hospitals.map((h) => h.name);
    expect(rowOrder(view, s, NO_FILTERS, { key: 'name', desc: false }).map((i) => names[i])).toEqual([...names].sort());
    // Equal keys keep file order: every institution has the same level key twice.
    expect(rowOrder(view, s, { ...NO_FILTERS, level: 'secondary' }, { key: 'level', desc: false })).toEqual([1, 2]);
  });

  it('sorts by a comparison column through the value it is given', () => {
    const delta = (_k: string, i: number) => ['5.00', '-30.00', '0.00', '12.00'][i]!;
    expect(rowOrder(view, s, NO_FILTERS, { key: 'delta:owed', desc: true }, delta)).toEqual([1, 3, 0, 2]);
  });
});
