/**
 * Surplus-retention and overspend-sharing tier tables. A tier's bound is a rate of the
 * hospital's target T; the last tier is open. Marginal tiers work like tax brackets; step
 * tiers apply the share of the tier the amount falls in to the whole amount.
 */
import { divRoundHalfUp, gcd, mulDivSmall, RATE_ONE, type Fen, type Rate } from './money.ts';

export type TierMode = 'marginal' | 'step';

export interface CompiledTier {
  /** null = open. */
  upTo: Rate | null;
  share: Rate;
}

export interface CompiledTierTable {
  mode: TierMode;
  tiers: readonly CompiledTier[];
}

/** round(tiers(X)) to the fen, for an amount X ≥ 0 against target T. */
export function applyTiers(table: CompiledTierTable, x: Fen, target: Fen): Fen {
  if (x <= 0) return 0 as Fen;
  const small = smallForm(table);
  if (small !== null && x <= small.xMax && target <= small.tMax) return applySmall(table.mode, small, x, target);
  return applyTiersExact(table, x, target);
}

/** The same in bigint at the rates' own scale: the reference the double path must match. */
export function applyTiersExact(table: CompiledTierTable, x: Fen, target: Fen): Fen {
  if (x <= 0) return 0 as Fen;
  const X = BigInt(x) * RATE_ONE; // scale: RATE_ONE
  const T = BigInt(target);
  if (table.mode === 'step') {
    for (const t of table.tiers) {
      if (t.upTo === null || X <= t.upTo * T) return Number(divRoundHalfUp(t.share * BigInt(x), RATE_ONE)) as Fen;
    }
    return 0 as Fen; // unreachable when the last tier is open
  }
  let acc = 0n; // scale: RATE_ONE²
  let lower = 0n;
  for (const t of table.tiers) {
    const upper = t.upTo === null ? X : t.upTo * T;
    const top = X < upper ? X : upper;
    if (top > lower) acc += t.share * (top - lower);
    if (t.upTo === null || X <= upper) break;
    lower = upper;
  }
  return Number(divRoundHalfUp(acc, RATE_ONE * RATE_ONE)) as Fen;
}

/**
 * A table whose rates are small fractions (0.05 = 1/20, 0.7 = 7/10 …) as integers over common
 * denominators: bound k is T × up[k] / du and share k is sh[k] / ds. For x ≤ xMax and T ≤ tMax
 * every product below stays an integer under 2^53, so doubles compute exactly what bigint does.
 */
export interface SmallTable {
  du: number;
  ds: number;
  /** Bound numerators; Infinity for the open tier. */
  up: readonly number[];
  sh: readonly number[];
  xMax: number;
  tMax: number;
}

/** 2^52, not 2^53: mulDivSmall's quotient correction needs headroom. */
const LIMIT = 2 ** 52;
const FRACTION_LIMIT = 1n << 20n;
const smallForms = new WeakMap<CompiledTierTable, SmallTable | null>();

export function smallForm(table: CompiledTierTable): SmallTable | null {
  let s = smallForms.get(table);
  if (s === undefined) {
    s = buildSmall(table);
    smallForms.set(table, s);
  }
  return s;
}

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** p/q in lowest terms, or null when negative or either part is large. */
function fraction(r: bigint): [bigint, bigint] | null {
  if (r < 0n) return null;
  const g = gcd(r, RATE_ONE);
  const p = r / g, q = RATE_ONE / g;
  return p <= FRACTION_LIMIT && q <= FRACTION_LIMIT ? [p, q] : null;
}

function buildSmall(table: CompiledTierTable): SmallTable | null {
  const ups: [bigint, bigint][] = [];
  const shs: [bigint, bigint][] = [];
  for (const t of table.tiers) {
    const s = fraction(t.share);
    const u = t.upTo === null ? ([0n, 1n] as [bigint, bigint]) : fraction(t.upTo);
    if (s === null || u === null) return null;
    shs.push(s);
    ups.push(u);
  }
  const du = ups.reduce((d, [, q]) => lcm(d, q), 1n);
  const ds = shs.reduce((d, [, q]) => lcm(d, q), 1n);
  const up = ups.map(([p, q]) => p * (du / q));
  const sh = shs.map(([p, q]) => p * (ds / q));
  const maxUp = up.reduce((m, v) => (v > m ? v : m), 1n);
  const maxSh = sh.reduce((m, v) => (v > m ? v : m), 1n);
  // Marginal: the sum of share × slice is at most maxSh × x × du; step: x × du and x × share.
  const xMax = BigInt(LIMIT) / (du * maxSh);
  const tMax = BigInt(LIMIT) / maxUp;
  if (xMax < 1n || du * ds >= BigInt(LIMIT)) return null;
  return {
    du: Number(du), ds: Number(ds),
    up: up.map((v, k) => (table.tiers[k]!.upTo === null ? Infinity : Number(v))),
    sh: sh.map(Number), xMax: Number(xMax), tMax: Number(tMax),
  };
}

function applySmall(mode: TierMode, s: SmallTable, x: number, target: number): Fen {
  const X = x * s.du; // the amount at the bounds' scale
  if (mode === 'step') {
    for (let k = 0; k < s.up.length; k++) {
      const u = s.up[k]!;
      if (u === Infinity || X <= target * u) return mulDivSmall(x, s.sh[k]!, s.ds) as Fen;
    }
    return 0 as Fen;
  }
  let acc = 0; // scale: du × ds
  let lower = 0;
  for (let k = 0; k < s.up.length; k++) {
    const open = s.up[k] === Infinity;
    const upper = open ? X : target * s.up[k]!;
    const top = X < upper ? X : upper;
    if (top > lower) acc += s.sh[k]! * (top - lower);
    if (open || X <= upper) break;
    lower = upper;
  }
  return mulDivSmall(acc, 1, s.du * s.ds) as Fen;
}
