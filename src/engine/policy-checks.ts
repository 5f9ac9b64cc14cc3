/** Cross-field rules of the policy: tier order and monotonicity, the quality table, pools. */
import { formatRate, parseRate, parseRateCached, RATE_ONE, type Rate } from './money.ts';
import type { Issues } from '../format/issues.ts';
import type { CompiledTierTable } from './tiers.ts';
import type { CompiledQuality } from './quality.ts';
import type { Hospital, Pool, QualityRule, TierTable } from '../format/types.ts';
import { ownValue } from '../format/json.ts';

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
    if (x.upTo === null && !last) issues.code(`${path}.tiers[${k}].upTo`, 'tierOpenNotLast');
    if (x.upTo !== null && last) issues.code(`${path}.tiers[${k}].upTo`, 'tierLastOpen');
    if (x.upTo !== null && x.upTo <= 0n) issues.code(`${path}.tiers[${k}].upTo`, 'greaterThan0');
    if (prev && prev.upTo !== null && x.upTo !== null && x.upTo <= prev.upTo) {
      issues.code(`${path}.tiers[${k}].upTo`, 'tierOrder', { prev: formatRate(prev.upTo) });
    }
    if (t.mode === 'step' && prev) {
      if (kind === 'surplus' && x.share < prev.share) {
        issues.code(`${path}.tiers[${k}].share`, 'stepShareFalls', { prev: formatRate(prev.share) });
      }
      if (kind === 'overspend' && x.share > prev.share) {
        issues.code(`${path}.tiers[${k}].share`, 'stepShareRises', { prev: formatRate(prev.share) });
      }
    }
  });
  return { mode: t.mode, tiers };
}

export function compileQuality(q: QualityRule, issues: Issues): CompiledQuality {
  const points = q.points.map((p) => ({ score: parseRate(p.score), ratio: parseRate(p.ratio) }));
  if (points[0] && points[0].score !== 0n) issues.code('policy.quality.points[0].score', 'qualityStartZero');
  points.forEach((p, k) => {
    const prev = points[k - 1];
    if (!prev) return;
    if (p.score <= prev.score) issues.code(`policy.quality.points[${k}].score`, 'qualityScoresRise', { prev: formatRate(prev.score) });
    if (p.ratio < prev.ratio) issues.code(`policy.quality.points[${k}].ratio`, 'qualityRatioFalls', { prev: formatRate(prev.ratio) });
  });
  if (q.indicators) {
    const ids = new Set<string>();
    q.indicators.forEach((ind, k) => {
      if (ids.has(ind.id)) issues.code(`policy.quality.indicators[${k}].id`, 'duplicateIndicator', { id: ind.id });
      ids.add(ind.id);
    });
    if (q.indicators.length > 0 && q.indicators.every((i) => parseRate(i.weight) === 0n)) {
      issues.code('policy.quality.indicators', 'indicatorWeightsZero');
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
    issues.code(`${path}.indicators`, 'indicatorsUndefined');
    return null;
  }
  let num = 0n;
  let den = 0n;
  for (const ind of inds) {
    const v = ownValue(h.indicators, ind.id);
    if (v === undefined) {
      issues.code(`${path}.indicators`, 'indicatorMissing', { id: ind.id });
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
export function assignPools(pools: readonly Pool[] | undefined, hospitals: readonly Hospital[],
  issues: Issues): { id: string; name: string; share: Rate; members: number[]; implicit?: boolean; byPoints: boolean }[] {
  if (!pools || pools.length === 0) {
    return [{ id: 'all', name: 'All institutions', share: RATE_ONE, members: hospitals.map((_, i) => i), implicit: true, byPoints: false }];
  }
  const byClass = new Map<string, number>();
  const ids = new Set<string>();
  let total = 0n;
  const out = pools.map((p, k) => {
    if (ids.has(p.id)) issues.code(`policy.pools[${k}].id`, 'duplicatePool', { id: p.id });
    ids.add(p.id);
    const share = parseRate(p.share);
    total += share;
    p.classes.forEach((c, j) => {
      const other = byClass.get(c);
      if (other !== undefined) {
        issues.code(`policy.pools[${k}].classes[${j}]`, 'classInTwoPools', { class: c, pool: pools[other]!.id, poolName: pools[other]!.name });
      } else byClass.set(c, k);
    });
    return { id: p.id, name: p.name, share, members: [] as number[], byPoints: p.settlement === 'points' };
  });
  if (total !== RATE_ONE) issues.code('policy.pools', 'poolShares', { total: formatRate(total) });
  const classes = [...byClass.keys()].map((c) => `"${c}"`).join(', ');
  hospitals.forEach((h, i) => {
    const k = byClass.get(h.class);
    if (k === undefined) issues.code(`hospitals[${i}].class`, 'classInNoPool', { class: h.class, classes });
    else out[k]!.members.push(i);
  });
  return out;
}
