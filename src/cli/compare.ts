/** `gbsim compare A B`: fund and per-institution differences of B against A. */
import { runScenario } from '../engine/run.ts';
import { money } from '../display/number.ts';
import { columnsOfResult, compareFund, differences, matchRows, onlyIn } from '../engine/compare.ts';
import { formatMoney } from '../engine/money.ts';
import { renderTable } from './table.ts';
import { FUND_ROWS, fundRowLabel } from './run.ts';
import { hospitalName, unitName, word } from '../display/glossary.ts';
import type { Result, HospitalResult } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';

const H_FIELDS = ['target', 'deposit', 'owed', 'balance'] as const;

export interface Comparison {
  fund: { field: string; a: string; b: string; delta: string }[];
  hospitals: { id: string; name: string; in: 'both' | 'a' | 'b'; a: Partial<HospitalResult>; b: Partial<HospitalResult>; delta: Record<string, string> }[];
}

export function compareResults(sa: Scenario, ra: Result, sb: Scenario, rb: Result): Comparison {
  const fund = compareFund([ra.fund, rb.fund], FUND_ROWS.map(([k]) => k)).map((r) => ({ field: r.field, a: r.values[0]!, b: r.values[1]!, delta: r.deltas[0]! }));
  const ca = columnsOfResult(ra.hospitals);
  const cb = columnsOfResult(rb.hospitals);
  const rows = matchRows(ca.ids, cb.ids);
  const deltas = H_FIELDS.map((f) => differences(ca, cb, f, rows));
  const pick = (h: HospitalResult | undefined) => (h ? Object.fromEntries(H_FIELDS.map((f) => [f, h[f]])) : {});
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
  return { fund, hospitals };
}

const T = {
  zh: { fund: '基金收支', amountsIn: '金额单位', differ: (n: number, all: number, sorted: boolean) => `${all} 家机构中 ${n} 家有变化${sorted ? '（按年终应付变化从大到小）' : ''}：`,
    none: '（无）', onlyA: '仅 A 有', onlyB: '仅 B 有', note: '备注', delta: '变化' },
  en: { fund: 'Fund', amountsIn: 'Amounts in', differ: (n: number, all: number, sorted: boolean) => `${n} of ${all} institutions differ${sorted ? ' (largest change in owed first)' : ''}:`,
    none: '(none)', onlyA: 'only in A', onlyB: 'only in B', note: 'note', delta: 'Δ' },
} as const;

export function compareReport(sa: Scenario, sb: Scenario, names: [string, string], unit: Unit, sortByChange: boolean, lang: Lang = 'en'): { text: string; comparison: Comparison } {
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
  const hospText = renderTable(
    [{ header: word('code', lang) }, { header: word('name', lang) }, { header: `${target}${sp}A`, right: true }, { header: `${target}${sp}B`, right: true },
      { header: `${t.delta}${sp}${target}`, right: true }, { header: `${owed}${sp}A`, right: true }, { header: `${owed}${sp}B`, right: true },
      { header: `${t.delta}${sp}${owed}`, right: true }, { header: `${t.delta}${sp}${hospitalName('balance', lang)}`, right: true }, { header: t.note }],
    changed.map((h) => [h.id, h.name, fmt(h.a.target), fmt(h.b.target), fmt(h.delta.target), fmt(h.a.owed), fmt(h.b.owed), fmt(h.delta.owed), fmt(h.delta.balance), h.in === 'a' ? t.onlyA : h.in === 'b' ? t.onlyB : '']),
  );
  const text = [
    `A: ${names[0]} — ${sa.meta.name}`,
    `B: ${names[1]} — ${sb.meta.name}`,
    `${t.amountsIn}${lang === 'zh' ? '：' : ' '}${unitName(unit, lang)}`,
    '',
    fundText,
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
