/**
 * One institution, explained for a negotiator: how its target was derived and how it sits
 * among its peers: those of the same level and category, widened (same level, same category,
 * its pool, every institution) until there are at least MIN_PEERS, so a median is never one
 * institution's figure and a percentile never reads 0 or 100 for want of company.
 * Pure, exact; runs in a worker next to the engine and in Node; views only display strings.
 */
import { divRoundHalfUp, formatMoney, formatRate, parseMoney, parseRate, RATE_ONE, ratioString } from './money.ts';
import type { FundResult, HospitalResult, Result } from './result.ts';
import type { Scenario } from '../format/types.ts';
import { ownValue } from '../format/json.ts';
import { explainPoints, type PointsExplanation } from './explain-points.ts';
import { inflationBriefOf, type InflationBrief, type InflationMemo } from './point-inflation.ts';
import { compile } from './compile.ts';
import { allocate, type Region } from './allocate.ts';
import type { Model } from './model.ts';

export interface Explanation {
  id: string;
  history: { year: number; amount: string; weight: string }[];
  weightedHistory: string;
  levelCoefficient: string;
  categoryCoefficient: string;
  /** Default weight in yuan (weighted history × coefficients), rounded to the fen for display. */
  defaultWeight: string;
  formula: string | null;
  pool: { id: string; name: string; amount: string; locked: string; remainder: string; members: number } | null;
  weightShare: string | null;
  hospital: HospitalResult;
  depositRate: string;
  peers: PeerStats;
  /** In a pool settled by points (DESIGN §7): how its entitlement was derived; else null. */
  points: PointsExplanation | null;
  /** In a pool settled by points: point inflation's what-ifs for its brief (engine/point-inflation.ts); else null. */
  inflation: InflationBrief | null;
}

/** The compiled scenario and its allocation an explanation's what-ifs start from (and the what-ifs already computed for this run). */
export interface Allocation { model: Model; region: Region; memo?: InflationMemo }

export interface PeerStats {
  count: number;
  /** Who counts as a peer: the first group with at least MIN_PEERS others (or the widest, when none has). */
  basis: PeerBasis;
  /** The fewest peers a group needs before it is used (MIN_PEERS). */
  minimum: number;
  /** Last year's fund-payable spending: this hospital and the peers' median. */
  cost: { mine: string; median: string | null };
  /** Cost per case (last year / fields.cases), when cases are known. */
  perCase: { mine: string | null; median: string | null; percentile: number | null };
  /** Growth of the last history year over the one before, 4 decimals. */
  growth: { mine: string | null; median: string | null; percentile: number | null };
}

export type PeerBasis = 'level+category' | 'level' | 'category' | 'pool' | 'all';

/** Fewest peers a comparison is made with, when the file has that many other institutions. */
export const MIN_PEERS = 3;

const coef = (m: Record<string, string> | undefined, k: string) => m?.[k] ?? '1';

function medianFen(xs: number[]): string | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? formatMoney(s[mid]!) : formatMoney(Number(divRoundHalfUp(BigInt(s[mid - 1]!) + BigInt(s[mid]!), 2n)));
}

function growthRatio(history: string[]): [bigint, bigint] | null {
  if (history.length < 2) return null;
  const a = BigInt(parseMoney(history[history.length - 2]!));
  const b = BigInt(parseMoney(history[history.length - 1]!));
  return a === 0n ? null : [b - a, a];
}

function medianRatio(rs: [bigint, bigint][]): string | null {
  if (rs.length === 0) return null;
  const SCALE = 10n ** 12n;
  const vals = rs.map(([n, d]) => divRoundHalfUp(n * SCALE, d)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = vals.length >> 1;
  const v = vals.length % 2 ? vals[mid]! : divRoundHalfUp(vals[mid - 1]! + vals[mid]!, 2n);
  return ratioString(v, SCALE);
}

function perCase(h: Scenario['hospitals'][number]): number | null {
  const cases = h.fields?.cases;
  if (!cases || !Number.isInteger(cases) || cases <= 0 || h.history.length === 0) return null;
  return Number(divRoundHalfUp(BigInt(parseMoney(h.history[h.history.length - 1]!)), BigInt(cases)));
}

/**
 * Percentile rank among peers: the share of peers below, counting ties as half (0–100,
 * whole number); null without peers. Denominators of growth ratios are positive.
 */
function percentile<T>(mine: T, peers: readonly T[], cmp: (a: T, b: T) => number): number | null {
  if (peers.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const p of peers) {
    const c = cmp(p, mine);
    if (c < 0) below++;
    else if (c === 0) equal++;
  }
  return Math.round(((below + equal / 2) / peers.length) * 100);
}

export function explain(s: Scenario, r: Result, index: number): Explanation | null {
  const hr = r.hospitals[index];
  if (!hr) return null;
  // Only a member of a points pool needs the compiled scenario (its point-inflation what-ifs).
  const byPoints = r.fund.pools.some((p) => p.id === hr.pool && p.settlement === 'points');
  const model = byPoints ? compile(s) : null;
  return explainAt(s, r.fund, hr, index, model ? { model, region: allocate(model) } : undefined);
}

/**
 * The explanation from the fund's figures and this institution's full result (the others' are
 * not needed). `alloc`, the run's compiled scenario and allocation, is needed for the
 * point-inflation what-ifs of a member of a points pool (without it they are left out: null).
 */
export function explainAt(s: Scenario, fund: FundResult, hr: HospitalResult, index: number, alloc?: Allocation): Explanation | null {
  const h = s.hospitals[index];
  if (!h) return null;
  const p = s.policy;
  let weightedScaled = 0n; // fen × RATE_ONE
  const history = h.history.map((amount, y) => {
    const w = p.historyWeights[y] ?? '0';
    weightedScaled += BigInt(parseMoney(amount)) * parseRate(w);
    return { year: y + 1, amount, weight: w };
  });
  const lc = coef(p.levelCoefficients, h.level);
  const cc = coef(p.categoryCoefficients, h.category);
  const weighted = divRoundHalfUp(weightedScaled, RATE_ONE);
  const dw = divRoundHalfUp(weightedScaled * parseRate(lc) * parseRate(cc), RATE_ONE * RATE_ONE * RATE_ONE);
  const pool = fund.pools.find((x) => x.id === hr.pool) ?? null;

  const others = s.hospitals.map((x, i) => ({ x, i })).filter(({ i }) => i !== index);
  const poolClasses = new Set(s.policy.pools?.find((x) => x.id === hr.pool)?.classes ?? []);
  const groups: [PeerBasis, (x: Scenario['hospitals'][number]) => boolean][] = [
    ['level+category', (x) => x.level === h.level && x.category === h.category],
    ['level', (x) => x.level === h.level],
    ['category', (x) => x.category === h.category],
    ['pool', (x) => poolClasses.has(x.class)],
    ['all', () => true],
  ];
  let basis: PeerBasis = 'all';
  let peers = others;
  for (const [b, keep] of groups) {
    const g = others.filter(({ x }) => keep(x));
    if (g.length >= Math.min(MIN_PEERS, others.length)) { basis = b; peers = g; break; }
  }
  const lastFen = (x: Scenario['hospitals'][number]) => (x.history.length ? parseMoney(x.history[x.history.length - 1]!) : 0);
  const peerPerCase = peers.map(({ x }) => perCase(x)).filter((v): v is number => v !== null);
  const peerGrowth = peers.map(({ x }) => growthRatio(x.history)).filter((v): v is [bigint, bigint] => v !== null);
  const g = growthRatio(h.history);
  const pc = perCase(h);

  return {
    id: h.id,
    history,
    weightedHistory: formatMoney(Number(weighted)),
    levelCoefficient: lc,
    categoryCoefficient: cc,
    defaultWeight: formatMoney(Number(dw)),
    formula: p.weightFormula ?? null,
    pool: pool ? { id: pool.id, name: pool.name, amount: pool.amount, locked: pool.locked,
      remainder: formatMoney(parseMoney(pool.amount) - parseMoney(pool.locked)), members: pool.members } : null,
    weightShare: hr.weightShare,
    hospital: hr,
    depositRate: formatRate(parseRate(ownValue(p.deposit.rates, h.class) ?? '0')),
    peers: {
      count: peers.length,
      basis,
      minimum: MIN_PEERS,
      cost: { mine: formatMoney(lastFen(h)), median: medianFen(peers.map(({ x }) => lastFen(x))) },
      perCase: { mine: pc === null ? null : formatMoney(pc), median: medianFen(peerPerCase),
        percentile: pc === null ? null : percentile(pc, peerPerCase, (a, b) => a - b) },
      growth: {
        mine: g ? ratioString(g[0], g[1]) : null,
        median: medianRatio(peerGrowth),
        percentile: g ? percentile(g, peerGrowth, (a, b) => Number(a[0] * b[1] - b[0] * a[1] > 0n) - Number(a[0] * b[1] - b[0] * a[1] < 0n)) : null,
      },
    },
    points: explainPoints(s, fund, hr, index),
    inflation: alloc ? inflationBriefOf(s, alloc.model, alloc.region, index, alloc.memo) : null,
  };
}
