/**
 * Year-end assessment: a score 0–100 maps to the share of the quality deposit returned.
 * Breakpoints start at score 0; step mode takes the ratio of the highest breakpoint at or
 * below the score, linear mode interpolates, and past the last point its ratio holds.
 */
import { divRoundHalfUp, gcd, mulDivSmall, RATE_ONE, smallRatioDigits, type Fen, type Rate } from './money.ts';

export interface CompiledQuality {
  mode: 'step' | 'linear';
  /** Scores as rates (exact), ascending, first is 0. */
  points: readonly { score: Rate; ratio: Rate }[];
}

/** A rational number num/den, den > 0. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

export const ONE: Ratio = { num: 1n, den: 1n };

export function qualityRatio(q: CompiledQuality, score: Rate): Ratio {
  const pts = q.points;
  let i = 0;
  while (i + 1 < pts.length && pts[i + 1]!.score <= score) i++;
  const p = pts[i]!;
  const next = pts[i + 1];
  if (q.mode === 'step' || next === undefined || score <= p.score) return { num: p.ratio, den: RATE_ONE };
  const ds = next.score - p.score;
  return { num: p.ratio * ds + (next.ratio - p.ratio) * (score - p.score), den: ds * RATE_ONE };
}

/** The same ratio in lowest terms (so small ratios take the double fast path). */
export function reduceRatio(r: Ratio): Ratio {
  const a = gcd(r.num < 0n ? -r.num : r.num, r.den);
  return a > 1n ? { num: r.num / a, den: r.den / a } : r;
}

const SMALL = 1n << 21n;

/** round(amount × ratio) to the fen. */
export function applyRatio(amount: Fen, r: Ratio): Fen {
  if (r.num >= 0n && r.num < SMALL && r.den < SMALL) {
    const p = Number(r.num);
    if (Math.abs(amount) * p <= Number.MAX_SAFE_INTEGER) return mulDivSmall(amount, p, Number(r.den)) as Fen;
  }
  return Number(divRoundHalfUp(BigInt(amount) * r.num, r.den)) as Fen;
}

/** The ratio as a decimal string to `dp` places (for display). */
export function ratioToString(r: Ratio, dp = 4): string {
  const small = smallRatioDigits(r.num, r.den, dp);
  if (small !== null) return small;
  const scale = 10n ** BigInt(dp);
  const v = divRoundHalfUp(r.num * scale, r.den);
  return `${v / scale}.${(v % scale).toString().padStart(dp, '0')}`;
}
