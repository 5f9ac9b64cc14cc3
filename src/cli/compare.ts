/** `gbsim compare A B`: fund and per-institution differences of B against A. */
import { runScenario } from '../engine/run.ts';
import { grouped, money, percent } from '../display/number.ts';
import { columnsOfResult, compareFund, differences, gainsAndLosses, matchRows, onlyIn, type GainsAndLosses } from '../engine/compare.ts';
import { formatMoney } from '../engine/money.ts';
import { renderTable } from './table.ts';
import { FUND_ROWS, fundRowLabel } from './run.ts';
import { hospitalName, unitName, word } from '../display/glossary.ts';
import type { Result, HospitalResult } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';

const H_FIELDS = ['target', 'deposit', 'owed', 'balance'] as const;

/** A pool settled by points in A or B: its point values (元/分) on each side (null: not by points there). */
export interface PointsPoolComparison {
  id: string;
  name: string;
  a: { points: string; budgetPointValue: string | null; pointValue: string | null } | null;
  b: { points: string; budgetPointValue: string | null; pointValue: string | null } | null;
}

export interface Comparison {
  fund: { field: string; a: string; b: string; delta: string }[];
  /** Who gains and who loses in B against A, by what each is owed at the year's end (年终应付). */
  gains: GainsAndLosses & { topGains: { id: string; row: number; delta: string }[]; topLosses: { id: string; row: number; delta: string }[] };
  /** Pools settled by points on either side (empty when neither has one). */
  pointsPools: PointsPoolComparison[];
  hospitals: { id: string; name: string; in: 'both' | 'a' | 'b'; a: Partial<HospitalResult>; b: Partial<HospitalResult>; delta: Record<string, string> }[];
}

export function compareResults(sa: Scenario, ra: Result, sb: Scenario, rb: Result): Comparison {
  const fund = compareFund([ra.fund, rb.fund], FUND_ROWS.map(([k]) => k)).map((r) =>
    ({ field: r.field, a: r.values[0]!, b: r.values[1]!, delta: r.deltas[0]! }));
  const ca = columnsOfResult(ra.hospitals);
  const cb = columnsOfResult(rb.hospitals);
  const rows = matchRows(ca.ids, cb.ids);
  const deltas = H_FIELDS.map((f) => differences(ca, cb, f, rows));
  const pick = (h: HospitalResult | undefined) => (h ? { ...Object.fromEntries(H_FIELDS.map((f) => [f, h[f]])), paymentRate: h.paymentRate } : {});
  const hospitals: Comparison['hospitals'] = ra.hospitals.map((ha, i) => {
    const j = rows[i]!;
    const hb = j < 0 ? undefined : rb.hospitals[j];
    // Only in A: the difference is what A had, taken away.
    const delta = Object.fromEntries(H_FIELDS.map((f, k) => [f, formatMoney(j < 0 ? -ca.fen(f)[i]! : deltas[k]![i]!)]));
    return { id: ha.id, name: sa.hospitals[i]?.name ?? '', in: hb ? 'both' : 'a', a: pick(ha), b: pick(hb), delta };
  });
  for (const j of onlyIn(cb.ids, ca.ids)) {
    const hb = rb.hospitals[j]!;
    hospitals.push({ id: hb.id, name: sb.hospitals[j]?.name ?? '', in: 'b', a: {}, b: pick(hb), delta: Object.fromEntries(H_FIELDS.map((f) => [f, hb[f]])) });
  }
  const g = gainsAndLosses(ca, cb, 'owed');
  const named = (xs: { row: number; delta: string }[]) => xs.map((x) => ({ id: ca.ids[x.row]!, ...x }));
  return { fund, gains: { ...g, topGains: named(g.topGains), topLosses: named(g.topLosses) }, pointsPools: pointsPools(ra, rb), hospitals };
}

function pointsPools(ra: Result, rb: Result): PointsPoolComparison[] {
  const side = (r: Result, id: string) => {
    const p = r.fund.pools.find((x) => x.id === id && x.settlement === 'points');
    return p ? { points: p.points!, budgetPointValue: p.budgetPointValue ?? null, pointValue: p.pointValue ?? null } : null;
  };
  const ids = new Map<string, string>();
  for (const r of [ra, rb]) for (const p of r.fund.pools) if (p.settlement === 'points' && !ids.has(p.id)) ids.set(p.id, p.name);
  return [...ids].map(([id, name]) => ({ id, name, a: side(ra, id), b: side(rb, id) }));
}

const T = {
  zh: { fund: '基金收支', amountsIn: '金额单位', differ: (n: number, all: number, sorted: boolean) => `${all} 家机构中 ${n} 家有变化${sorted ? '（按年终应付变化从大到小）' : ''}：`,
    none: '（无）', onlyA: '仅 A 有', onlyB: '仅 B 有', note: '备注', delta: '变化',
    gains: (g: GainsAndLosses) => `B 较 A（按年终应付）：${g.gainers} 家多得，合计 ${g.gained}；${g.losers} 家少得，合计 ${g.lost}；${g.unchanged} 家不变`,
    most: '增加最多', least: '减少最多', byPoints: (n: string) => `点数法结算池：${n}`, notByPoints: '按指标' },
  en: { fund: 'Fund', amountsIn: 'Amounts in', differ: (n: number, all: number, sorted: boolean) => `${n} of ${all} institutions differ${sorted ?
    ' (largest change in owed first)' : ''}:`,
    none: '(none)', onlyA: 'only in A', onlyB: 'only in B', note: 'note', delta: 'Δ',
    gains: (g: GainsAndLosses) =>
      `B against A (by what each is owed): ${g.gainers} gain, ${g.gained} in all; ${g.losers} lose, ${g.lost} in all; ${g.unchanged} unchanged`,
    most: 'Largest gains', least: 'Largest losses', byPoints: (n: string) => `Pool settled by points: ${n}`, notByPoints: 'by targets' },
} as const;

export function compareReport(sa: Scenario, sb: Scenario, names: [string, string], unit: Unit, sortByChange: boolean,
  lang: Lang = 'en'): { text: string; comparison: Comparison } {
  const c = compareResults(sa, runScenario(sa), sb, runScenario(sb));
  const t = T[lang];
  const fmt = (s: string | undefined) => (s === undefined ? '—' : money(s, unit));
  const fundText = renderTable(
    [{ header: t.fund }, { header: 'A', right: true }, { header: 'B', right: true }, { header: 'B − A', right: true }],
    c.fund.map((r) => [fundRowLabel(r.field as (typeof FUND_ROWS)[number][0], lang), fmt(r.a), fmt(r.b), fmt(r.delta)]),
  );
  const rows = [...c.hospitals];
  if (sortByChange) rows.sort((x, y) => absFen(y.delta.owed!) - absFen(x.delta.owed!) || 0);
  const changed = rows.filter((h) => h.in !== 'both' || H_FIELDS.some((f) => h.delta[f] !== '0.00'));
  const target = hospitalName('target', lang);
  const owed = hospitalName('owed', lang);
  const sp = lang === 'zh' ? '' : ' ';
  const withRates = c.pointsPools.length > 0;
  const rate = hospitalName('paymentRate', lang);
  const hospText = renderTable(
    [{ header: word('code', lang) }, { header: word('name', lang) }, { header: `${target}${sp}A`, right: true }, { header: `${target}${sp}B`, right: true },
      { header: `${t.delta}${sp}${target}`, right: true }, { header: `${owed}${sp}A`, right: true }, { header: `${owed}${sp}B`, right: true },
      { header: `${t.delta}${sp}${owed}`, right: true }, { header: `${t.delta}${sp}${hospitalName('balance', lang)}`, right: true },
      // With a pool settled by points on either side, the payment rate (entitlement or target / actual) on each.
      ...(withRates ? [{ header: `${rate}${sp}A`, right: true }, { header: `${rate}${sp}B`, right: true }] : []), { header: t.note }],
    changed.map((h) => [h.id, h.name, fmt(h.a.target), fmt(h.b.target), fmt(h.delta.target), fmt(h.a.owed), fmt(h.b.owed), fmt(h.delta.owed),
      fmt(h.delta.balance),
      ...(withRates ? [percent(h.a.paymentRate), percent(h.b.paymentRate)] : []), h.in === 'a' ? t.onlyA : h.in === 'b' ? t.onlyB : '']),
  );
  // Who gains and who loses, said in money (exact sums) and by name.
  const byName = new Map(c.hospitals.map((h) => [h.id, h.name]));
  const list = (xs: { id: string; delta: string }[]) => xs.map((x) => `${x.id} ${byName.get(x.id) ?? ''} ${money(x.delta, unit, true)}`).join(lang === 'zh' ?
    '；' : '; ');
  const g = c.gains;
  const gainsText = [
    t.gains({ ...g, gained: money(g.gained, unit, true), lost: money(g.lost, unit, true) }),
    ...(g.topGains.length ? [`  ${t.most}${lang === 'zh' ? '：' : ': '}${list(g.topGains)}`] : []),
    ...(g.topLosses.length ? [`  ${t.least}${lang === 'zh' ? '：' : ': '}${list(g.topLosses)}`] : []),
  ].join('\n');
  const per = lang === 'zh' ? `（${word('pointValueUnit', lang)}）` : ` (${word('pointValueUnit', lang)})`;
  const pointsText = c.pointsPools.map((p) => renderTable(
    [{ header: t.byPoints(p.name) }, { header: 'A', right: true }, { header: 'B', right: true }],
    [
      [hospitalName('points', lang), p.a ? grouped(p.a.points, 4) : t.notByPoints, p.b ? grouped(p.b.points, 4) : t.notByPoints],
      [`${word('budgetPointValue', lang)}${per}`, p.a?.budgetPointValue ?? '—', p.b?.budgetPointValue ?? '—'],
      [`${word('pointValue', lang)}${per}`, p.a?.pointValue ?? '—', p.b?.pointValue ?? '—'],
    ],
  )).join('\n\n');
  const text = [
    `A: ${names[0]} — ${sa.meta.name}`,
    `B: ${names[1]} — ${sb.meta.name}`,
    `${t.amountsIn}${lang === 'zh' ? '：' : ' '}${unitName(unit, lang)}`,
    '',
    fundText,
    '',
    ...(pointsText ? [pointsText, ''] : []),
    gainsText,
    '',
    t.differ(changed.length, c.hospitals.length, sortByChange),
    changed.length ? hospText : t.none,
  ].join('\n');
  return { text, comparison: c };
}

function absFen(s: string): number {
  const v = Number(s.replace('.', ''));
  return Math.abs(v);
}
