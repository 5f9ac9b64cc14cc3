/** Cross-field rules of the policy: tier order and monotonicity, the quality table, pools. */
import { formatRate, parseRate, parseRateCached, RATE_ONE, type Rate } from './money.ts';
import type { Issues } from '../format/issues.ts';
import type { CompiledTierTable } from './tiers.ts';
import type { CompiledQuality } from './quality.ts';
import type { Hospital, Pool, QualityRule, TierTable } from '../format/types.ts';

/**
 * Tiers must rise, only the last is open, and the hospital's side must be monotone:
 * step surplus shares never fall (more surplus, never less reward); step overspend fund
 * shares never rise (more overspend, never a smaller hospital share). Marginal tables are
 * monotone for any shares in [0, 1].
 */
export function compileTiers(t: TierTable, path: string, kind: 'surplus' | 'overspend', issues: Issues): CompiledTierTable {
  const tiers = t.tiers.map((x) => ({ upTo: x.upTo === null ? null : parseRate(x.upTo), share: parseRate(x.share) }));
  tiers.forEach((x, k) => {
    const last = k === tiers.length - 1;
    const prev = tiers[k - 1];
    if (x.upTo === null && !last) issues.add(`${path}.tiers[${k}].upTo`, 'only the last tier may be open (null); tiers are out of order');
    if (x.upTo !== null && last) issues.add(`${path}.tiers[${k}].upTo`, 'the last tier must be open (null) so that every amount falls in a tier');
    if (x.upTo !== null && x.upTo <= 0n) issues.add(`${path}.tiers[${k}].upTo`, 'must be greater than 0');
    if (prev && prev.upTo !== null && x.upTo !== null && x.upTo <= prev.upTo) {
      issues.add(`${path}.tiers[${k}].upTo`, `tiers are out of order: must be greater than the tier before (${formatRate(prev.upTo)})`);
    }
    if (t.mode === 'step' && prev) {
      if (kind === 'surplus' && x.share < prev.share) {
        issues.add(`${path}.tiers[${k}].share`, `step shares must not fall (${formatRate(prev.share)} before): more surplus would mean less reward`);
      }
      if (kind === 'overspend' && x.share > prev.share) {
        issues.add(`${path}.tiers[${k}].share`, `step fund shares must not rise (${formatRate(prev.share)} before): more overspend would mean a smaller hospital share`);
      }
    }
  });
  return { mode: t.mode, tiers };
}

export function compileQuality(q: QualityRule, issues: Issues): CompiledQuality {
  const points = q.points.map((p) => ({ score: parseRate(p.score), ratio: parseRate(p.ratio) }));
  if (points[0] && points[0].score !== 0n) issues.add('policy.quality.points[0].score', 'the quality table must start at score 0');
  points.forEach((p, k) => {
    const prev = points[k - 1];
    if (!prev) return;
    if (p.score <= prev.score) issues.add(`policy.quality.points[${k}].score`, `scores must rise: must be greater than ${formatRate(prev.score)}`);
    if (p.ratio < prev.ratio) issues.add(`policy.quality.points[${k}].ratio`, `a higher score must never return less of the deposit (${formatRate(prev.ratio)} before)`);
  });
  if (q.indicators) {
    const ids = new Set<string>();
    q.indicators.forEach((ind, k) => {
      if (ids.has(ind.id)) issues.add(`policy.quality.indicators[${k}].id`, `duplicate indicator "${ind.id}"`);
      ids.add(ind.id);
    });
    if (q.indicators.length > 0 && q.indicators.every((i) => parseRate(i.weight) === 0n)) {
      issues.add('policy.quality.indicators', 'at least one indicator must have a positive weight');
    }
  }
  return { mode: q.mode, points };
}

/** A hospital's score: given directly, or weighted from its indicator scores (to 12 decimals). */
export function hospitalScore(h: Hospital, q: QualityRule | undefined, path: string, issues: Issues): Rate | null {
  if (h.score !== undefined) return parseRateCached(h.score);
  if (!h.indicators) return null;
  const inds = q?.indicators;
  if (!inds || inds.length === 0) {
    issues.add(`${path}.indicators`, 'indicator scores are given but policy.quality.indicators does not define their weights');
    return null;
  }
  let num = 0n;
  let den = 0n;
  for (const ind of inds) {
    const v = h.indicators[ind.id];
    if (v === undefined) {
      issues.add(`${path}.indicators`, `missing the score of indicator "${ind.id}"`);
      return null;
    }
    const w = parseRate(ind.weight);
    num += w * parseRate(v);
    den += w;
  }
  if (den === 0n) return null;
  // num is weight × score (scale RATE_ONE²), den Σ weight (scale RATE_ONE): num / den is the
  // score at scale RATE_ONE, rounded half-up (num ≥ 0).
  return ((2n * num + den) / (2n * den)) as Rate;
}

/** Which pool each hospital belongs to; every hospital in exactly one pool. */
export function assignPools(pools: readonly Pool[] | undefined, hospitals: readonly Hospital[], issues: Issues): { id: string; name: string; share: Rate; members: number[]; implicit?: boolean; byPoints: boolean }[] {
  if (!pools || pools.length === 0) {
    return [{ id: 'all', name: 'All institutions', share: RATE_ONE, members: hospitals.map((_, i) => i), implicit: true, byPoints: false }];
  }
  const byClass = new Map<string, number>();
  const ids = new Set<string>();
  let total = 0n;
  const out = pools.map((p, k) => {
    if (ids.has(p.id)) issues.add(`policy.pools[${k}].id`, `duplicate pool id "${p.id}"`);
    ids.add(p.id);
    const share = parseRate(p.share);
    total += share;
    p.classes.forEach((c, j) => {
      const other = byClass.get(c);
      if (other !== undefined) issues.add(`policy.pools[${k}].classes[${j}]`, `class "${c}" is already in pool "${pools[other]!.id}": every institution must fall in exactly one pool`);
      else byClass.set(c, k);
    });
    return { id: p.id, name: p.name, share, members: [] as number[], byPoints: p.settlement === 'points' };
  });
  if (total !== RATE_ONE) issues.add('policy.pools', `pool shares must add up to 1; they add up to ${formatRate(total)}`);
  hospitals.forEach((h, i) => {
    const k = byClass.get(h.class);
    if (k === undefined) issues.add(`hospitals[${i}].class`, `class "${h.class}" is in no pool (policy.pools)`);
    else out[k]!.members.push(i);
  });
  return out;
}
