/**
 * The rest of the year from the months known (DESIGN §10): with claims known through month k,
 * months k+1…12 together get R = round(claims to date × Σ_{m>k} pattern_m / Σ_{j≤k} pattern_j),
 * split over them by apportion(R, pattern_{k+1…12}). The pattern is last year's monthly claims
 * where given (and not zero over the months known), else the policy's monthly profile.
 *
 * Where §10 is silent:
 * - the pattern is zero over the months known (a profile that starts later than the claims):
 *   the even pattern is used instead, so claims already made are never projected to nothing;
 * - the pattern is zero over the months left: nothing more is projected (R = 0).
 */
import { apportion } from './apportion.ts';
import { divRoundHalfUp, type Fen } from './money.ts';

/** Claims of months 1…k (k = toDate.length, 0…12) completed to 12 months. */
export function projectYear(toDate: readonly Fen[], pattern: readonly bigint[], lastYear?: readonly Fen[]): Fen[] {
  const k = toDate.length;
  if (k >= 12) return toDate.slice(0, 12);
  const w = patternFor(k, pattern, lastYear);
  const head = sumBig(w.slice(0, k));
  const tail = w.slice(k);
  const tailSum = sumBig(tail);
  let known = 0n;
  for (const c of toDate) known += BigInt(c);
  const rest = k === 0 || tailSum === 0n ? 0 : Number(divRoundHalfUp(known * tailSum, head));
  return [...toDate, ...(rest === 0 ? new Array<Fen>(12 - k).fill(0 as Fen) : apportion(rest, tail))];
}

/** The weights months are projected by: last year's claims, else the profile, else even. */
export function patternFor(k: number, profile: readonly bigint[], lastYear?: readonly Fen[]): bigint[] {
  if (lastYear !== undefined && lastYear.length === 12) {
    const ly = lastYear.map((c) => BigInt(c));
    if (k === 0 || sumBig(ly.slice(0, k)) > 0n) return ly;
  }
  if (k === 0 || sumBig(profile.slice(0, k)) > 0n) return [...profile];
  return new Array<bigint>(12).fill(1n);
}

function sumBig(xs: readonly bigint[]): bigint {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
}
