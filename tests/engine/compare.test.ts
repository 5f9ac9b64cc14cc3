/** The one comparison: institutions matched by id, exact differences, largest change first; and the what-if. */
import { describe, expect, it } from 'vitest';
import { columnsOfResult, compareFund, difference, differences, largestChangeFirst, matchRows, onlyIn, subtractDecimals } from '../../src/engine/compare.ts';
import { whatIf } from '../../src/engine/whatif.ts';
import { runScenario } from '../../src/engine/run.ts';
import { parseMoney } from '../../src/engine/money.ts';
import { setIn } from '../../src/workspace/edit.ts';
import { smallScenario } from '../workspace/fixture.ts';

describe('exact differences of decimal strings', () => {
  it('subtracts on the digits', () => {
    expect(subtractDecimals('10.00', '12.35')).toBe('-2.35');
    expect(subtractDecimals('0.10', '0.10')).toBe('0.00');
    expect(subtractDecimals('90071992547409.91', '0.01')).toBe('90071992547409.90');
    expect(subtractDecimals('0.1', '0.0525')).toBe('0.0475');
    expect(difference('1.0000', null)).toBeNull();
    expect(difference('0.1200', '0.1000')).toBe('-0.0200');
  });
});

describe('comparing two results', () => {
  const a = smallScenario();
  const b = setIn(a, ['fund', 'adjustmentFundRate'], '0.08');
  const ra = runScenario(a);
  const rb = runScenario(b);

  it('differences are b − a in fen, institution by institution', () => {
    const ca = columnsOfResult(ra.hospitals);
    const cb = columnsOfResult(rb.hospitals);
    const d = differences(ca, cb, 'target');
    ra.hospitals.forEach((h, i) => expect(d[i]).toBe(parseMoney(rb.hospitals[i]!.target) - parseMoney(h.target)));
    // A bigger adjustment fund leaves less to allocate: the targets fall by the change of AF in all.
    const total = Array.from(d).reduce((x, y) => x + y, 0);
    expect(total).toBe(parseMoney(ra.fund.adjustmentFund) - parseMoney(rb.fund.adjustmentFund));
  });

  it('matches by id, whatever the order, and says who is missing', () => {
    const ids = ['H1', 'H2', 'H3'];
    expect(Array.from(matchRows(ids, ['H3', 'H1']))).toEqual([1, -1, 0]);
    expect(onlyIn(['H3', 'H4', 'H1'], ids)).toEqual([1]);
    const col = (xs: string[], v: number[]) => ({ ids: xs, fen: () => v });
    const d = differences(col(ids, [100, 200, 300]), col(['H3', 'H1'], [330, 90]), 'owed');
    expect(Array.from(d)).toEqual([-10, NaN, 30]);
  });

  it('orders by the largest absolute change across the others, ties in file order', () => {
    const col = (v: number[]) => ({ ids: ['A', 'B', 'C', 'D'], fen: () => v });
    const ref = col([10, 10, 10, 10]);
    expect(largestChangeFirst(ref, [col([10, 15, 5, 10]), col([13, 10, 10, 30])], 'owed')).toEqual([3, 1, 2, 0]);
  });

  it('the fund rows carry each figure and its difference', () => {
    const [row] = compareFund([ra.fund, rb.fund], ['adjustmentFund']);
    expect(row!.deltas[0]).toBe(subtractDecimals(rb.fund.adjustmentFund, ra.fund.adjustmentFund));
  });
});

describe('what if one target moves ±X%', () => {
  it('locks it at target × (1 ± X%) and the pool absorbs the change to the fen', () => {
    const s = smallScenario();
    const w = whatIf(s, 'H002', '5');
    const me = w.members.find((m) => m.id === 'H002')!;
    expect(parseMoney(me.plus)).toBe(Math.round(parseMoney(me.before) * 1.05));
    expect(parseMoney(me.minus)).toBe(Math.round(parseMoney(me.before) * 0.95));
    // The pool's amount does not move: the changes of its members add up to zero.
    expect(w.total).toEqual({ dPlus: '0.00', dMinus: '0.00' });
    expect(w.members.map((m) => m.id).sort()).toEqual(['H001', 'H002', 'H003']);
  });

  it('refuses what is not a percentage', () => {
    expect(() => whatIf(smallScenario(), 'H002', '150')).toThrow(/percentage/);
    expect(() => whatIf(smallScenario(), 'X', '5')).toThrow(/no institution/);
  });
});
