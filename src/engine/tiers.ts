/**
 * Surplus-retention and overspend-sharing tier tables. A tier's bound is a rate of the
 * hospital's target T; the last tier is open. Marginal tiers work like tax brackets; step
 * tiers apply the share of the tier the amount falls in to the whole amount.
 */
import { divRoundHalfUp, RATE_ONE, type Fen, type Rate } from './money.ts';

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
