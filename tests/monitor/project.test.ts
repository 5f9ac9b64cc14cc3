/** The rest of the year from the months known (DESIGN §10), hand-derived. */
import { describe, expect, it } from 'vitest';
import { projectYear } from '../../src/engine/project.ts';
import type { Fen } from '../../src/engine/money.ts';

const fen = (xs: number[]) => xs as Fen[];
const even = new Array<bigint>(12).fill(1n);

describe('projectYear', () => {
  it('even profile: R = round(known × 9 / 3), split evenly with the remainder to the earliest months', () => {
    // Known 100.00 + 200.00 + 0.01 = 30,001 fen; R = 30,001 × 9 / 3 = 90,003 fen;
    // 90,003 / 9 = 10,000 rem 3 → months 4, 5, 6 get 10,001 fen, months 7–12 10,000.
    expect(projectYear(fen([10000, 20000, 1]), even)).toEqual([10000, 20000, 1, 10001, 10001, 10001, 10000, 10000, 10000, 10000, 10000, 10000]);
  });

  it('seasonal profile: the remaining months weigh twice the first three', () => {
    // Profile 1,1,1,2×9: head 3, tail 18 → R = 30,001 × 18 / 3 = 180,006; 9 equal weights:
    // 20,000 each rem 6 → months 4–9 get 20,001.
    const p = [1n, 1n, 1n, ...new Array<bigint>(9).fill(2n)];
    expect(projectYear(fen([10000, 20000, 1]), p).slice(3)).toEqual([20001, 20001, 20001, 20001, 20001, 20001, 20000, 20000, 20000]);
  });

  it('rounds R half-up to the fen', () => {
    // Known 1 fen through January, profile 2,1×11: R = 1 × 11 / 2 = 5.5 → 6 fen, the first six
    // of the 11 remaining months get one fen each.
    const p = [2n, ...new Array<bigint>(11).fill(1n)];
    expect(projectYear(fen([1]), p)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it("follows last year's monthly pattern where given", () => {
    // Last year 10, 10, 20, … (fen): head 20, tail of months 3–12 = 20 + 9 × 10 = 110;
    // known 200 fen → R = 200 × 110 / 20 = 1,100; apportioned 20:10:…: 200, then 100 × 9.
    const last = fen([10, 10, 20, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(projectYear(fen([100, 100]), even, last)).toEqual([100, 100, 200, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
  });

  it('a profile with no weight in the months known falls back to the even pattern; none left: nothing projected', () => {
    const late = [0n, 0n, 0n, ...new Array<bigint>(9).fill(1n)];
    // Even: R = 300 × 9 / 3 = 900 → 100 a month.
    expect(projectYear(fen([100, 100, 100]), late)).toEqual(new Array(12).fill(100));
    const early = [1n, 1n, 1n, ...new Array<bigint>(9).fill(0n)];
    expect(projectYear(fen([100, 100, 100]), early)).toEqual([100, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('k = 12 is the claims themselves', () => {
    const c = fen([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(projectYear(c, even)).toEqual(c);
  });
});
