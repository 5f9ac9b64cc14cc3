/**
 * The fund-level report (基金预算执行与清算报告, issue 10): the figures a bureau's finance section
 * reads, from one settled result. Where the budget goes (parts adding up to the budget to the
 * fen), the settlement summed per pool, per level and per category, the institutions with the
 * largest overspend and surplus, the point values of pools settled by points. Pure: amounts are
 * summed in integer fen and returned as decimal strings (yuan, two decimals), ratios as 4-decimal
 * strings. Words and formatting are the caller's (src/sheets/fund-report.ts).
 */
import { formatMoney as m, parseMoney, ratioOfAmounts, sum } from './money.ts';
import { columnsOfResult, type AmountField, type InstitutionColumns } from './compare.ts';
import type { Amount, FundResult, HospitalSummary, RatioStr } from './result.ts';
import type { Scenario } from '../format/types.ts';

/** One part of the budget: a carve-out item, the risk reserve, the adjustment fund or a pool's share. */
export interface BudgetPart { kind: 'carveOut' | 'riskReserve' | 'adjustmentFund' | 'pool'; id: string; name: string; amount: Amount;
  /** Of the budget. */ share: RatioStr }

/** The figures summed over a group of institutions (a pool, a level, a category, or all). */
export const GROUP_FIELDS = ['target', 'claimsTotal', 'actual', 'surplus', 'overspend', 'reward', 'fundShare', 'depositReturned', 'owed',
  'balance'] as const satisfies readonly AmountField[];
export type GroupField = (typeof GROUP_FIELDS)[number];

export interface GroupRow {
  /** Pool id, level code or category code ('' for the total). */
  key: string;
  count: number;
  sums: Record<GroupField, Amount>;
  /** Net surplus (+) / overspend (−) over the group's targets. */
  netRate: RatioStr;
}

/** An institution in a ranking: its figures from the result, named as in the file. */
export interface RankedInstitution {
  id: string;
  name: string;
  level: string;
  category: string;
  pool: string;
  target: Amount;
  actual: Amount;
  amount: Amount;
  rate: RatioStr;
  balance: Amount;
}

export interface PointsPoolRow {
  id: string;
  name: string;
  members: number;
  amount: Amount;
  points: string;
  projectedPoints: string;
  budgetPointValue: string | null;
  pointValue: string | null;
  capped: boolean;
  capCut: Amount;
  /** 支付率 of the pool: Σ targets (entitlements) / Σ actual. */
  paymentRate: RatioStr;
  /** Lowest and highest member payment rate (null without members with actual spending). */
  minPaymentRate: RatioStr;
  maxPaymentRate: RatioStr;
}

export interface FundReport {
  fund: FundResult;
  /** The budget's parts in order: carve-outs, risk reserve, adjustment fund, pools. Σ = budget. */
  budget: BudgetPart[];
  budgetTotal: Amount;
  budgetTotalShare: RatioStr;
  byPool: GroupRow[];
  byLevel: GroupRow[];
  byCategory: GroupRow[];
  total: GroupRow;
  topOverspend: RankedInstitution[];
  topSurplus: RankedInstitution[];
  pointsPools: PointsPoolRow[];
}

/** What the report reads of a result: the fund's figures, institutions' amounts (file order) and pool ids. */
export interface ReportInput {
  fund: FundResult;
  columns: InstitutionColumns;
  /** Each institution's pool id, file order. */
  pools: readonly string[];
  /** Each institution's payment rate, file order (points pools' spread). */
  paymentRates: readonly (string | null)[];
}


export function fundReport(s: Scenario, input: ReportInput, top = 10): FundReport {
  const { fund, columns } = input;
  const n = columns.ids.length;
  const parts: Omit<BudgetPart, 'share'>[] = [
    ...fund.carveOutItems.map((c) => ({ kind: 'carveOut' as const, id: c.id, name: c.name, amount: c.amount })),
    { kind: 'riskReserve', id: 'riskReserve', name: '', amount: fund.riskReserve },
    { kind: 'adjustmentFund', id: 'adjustmentFund', name: '', amount: fund.adjustmentFund },
    ...fund.pools.map((p) => ({ kind: 'pool' as const, id: p.id, name: p.name, amount: p.amount })),
  ];
  const base = parseMoney(fund.base);
  const budget: BudgetPart[] = parts.map((b) => ({ ...b, share: ratioOfAmounts(parseMoney(b.amount), base) }));
  const total = sum(budget.map((b) => parseMoney(b.amount)));
  const budgetTotal = m(total);
  const col = Object.fromEntries(GROUP_FIELDS.map((f) => [f, columns.fen(f)])) as Record<GroupField, ArrayLike<number>>;
  const group = (keyOf: (i: number) => string, order: readonly string[]): GroupRow[] => {
    const rows = new Map<string, number[]>(order.map((k) => [k, []]));
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      let r = rows.get(k);
      if (!r) rows.set(k, (r = []));
      r.push(i);
    }
    return [...rows].map(([key, idx]) => groupRow(key, idx, col));
  };
  const hs = s.hospitals;
  const firstSeen = (f: (i: number) => string): string[] => [...new Set(Array.from({ length: n }, (_, i) => f(i)))];
  const levelOf = (i: number) => hs[i]?.level ?? '';
  const categoryOf = (i: number) => hs[i]?.category ?? '';
  const poolOf = (i: number) => input.pools[i] ?? '';
  const rank = (field: 'overspend' | 'surplus'): RankedInstitution[] => {
    const c = col[field];
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (c[i]! > 0) idx.push(i);
    idx.sort((a, b) => c[b]! - c[a]! || a - b);
    return idx.slice(0, top).map((i) => ({
      id: columns.ids[i]!, name: hs[i]?.name ?? columns.ids[i]!, level: levelOf(i), category: categoryOf(i), pool: poolOf(i),
      target: m(col.target[i]!), actual: m(col.actual[i]!), amount: m(c[i]!), rate: ratioOfAmounts(c[i]!, col.target[i]!), balance: m(col.balance[i]!),
    }));
  };
  const pointsPools: PointsPoolRow[] = fund.pools.filter((p) => p.settlement === 'points').map((p) => {
    let target = 0;
    let actual = 0;
    let lo: { q: number; s: string } | null = null;
    let hi: { q: number; s: string } | null = null;
    for (let i = 0; i < n; i++) {
      if (poolOf(i) !== p.id) continue;
      target += col.target[i]!;
      actual += col.actual[i]!;
      const r = input.paymentRates[i];
      if (r === null || r === undefined || r === '') continue;
      const q = Number(r);
      if (!lo || q < lo.q) lo = { q, s: r };
      if (!hi || q > hi.q) hi = { q, s: r };
    }
    return {
      id: p.id, name: p.name, members: p.members, amount: p.amount, points: p.points ?? '0', projectedPoints: p.projectedPoints ?? '0',
      budgetPointValue: p.budgetPointValue ?? null, pointValue: p.pointValue ?? null, capped: p.pointValueCapped ?? false, capCut: p.capCut ?? '0.00',
      paymentRate: ratioOfAmounts(target, actual), minPaymentRate: lo?.s ?? null, maxPaymentRate: hi?.s ?? null,
    };
  });
  return {
    fund, budget, budgetTotal, budgetTotalShare: ratioOfAmounts(total, base),
    byPool: group(poolOf, fund.pools.map((p) => p.id)),
    byLevel: group(levelOf, firstSeen(levelOf)),
    byCategory: group(categoryOf, firstSeen(categoryOf)),
    total: groupRow('', Array.from({ length: n }, (_, i) => i), col),
    topOverspend: rank('overspend'),
    topSurplus: rank('surplus'),
    pointsPools,
  };
}

function groupRow(key: string, idx: readonly number[], col: Record<GroupField, ArrayLike<number>>): GroupRow {
  const sums = {} as Record<GroupField, Amount>;
  const fen = {} as Record<GroupField, number>;
  for (const f of GROUP_FIELDS) {
    const c = col[f];
    fen[f] = sum(idx.map((i) => c[i]!));
    sums[f] = m(fen[f]);
  }
  return { key, count: idx.length, sums, netRate: ratioOfAmounts(fen.surplus - fen.overspend, fen.target) };
}

/** The report's input from a result or summary (the command line; the app reads its packed columns). */
export function reportInputOf(r: { fund: FundResult; hospitals: readonly HospitalSummary[] }): ReportInput {
  return { fund: r.fund, columns: columnsOfResult(r.hospitals), pools: r.hospitals.map((h) => h.pool), paymentRates: r.hospitals.map((h) => h.paymentRate) };
}
