/** `gbsim compare A B`: fund and per-institution differences of B against A. */
import { runScenario } from '../engine/run.ts';
import { money, subtractDecimals } from '../display/number.ts';
import { renderTable } from './table.ts';
import { FUND_ROWS } from './run.ts';
import type { Result, HospitalResult } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import type { Unit } from '../display/lang.ts';

const H_FIELDS = ['target', 'deposit', 'owed', 'balance'] as const;

export interface Comparison {
  fund: { field: string; a: string; b: string; delta: string }[];
  hospitals: { id: string; name: string; in: 'both' | 'a' | 'b'; a: Partial<HospitalResult>; b: Partial<HospitalResult>; delta: Record<string, string> }[];
}

export function compareResults(sa: Scenario, ra: Result, sb: Scenario, rb: Result): Comparison {
  const fund = FUND_ROWS.map(([k]) => {
    const a = ra.fund[k] as string;
    const b = rb.fund[k] as string;
    return { field: k, a, b, delta: subtractDecimals(b, a) };
  });
  const byIdB = new Map(rb.hospitals.map((h, i) => [h.id, i]));
  const seen = new Set<string>();
  const pick = (h: HospitalResult | undefined) => (h ? Object.fromEntries(H_FIELDS.map((f) => [f, h[f]])) : {});
  const hospitals: Comparison['hospitals'] = ra.hospitals.map((ha, i) => {
    const j = byIdB.get(ha.id);
    const hb = j === undefined ? undefined : rb.hospitals[j];
    seen.add(ha.id);
    const delta = Object.fromEntries(H_FIELDS.map((f) => [f, subtractDecimals(hb ? hb[f] : '0.00', ha[f])]));
    return { id: ha.id, name: sa.hospitals[i]?.name ?? '', in: hb ? 'both' : 'a', a: pick(ha), b: pick(hb), delta };
  });
  rb.hospitals.forEach((hb, j) => {
    if (seen.has(hb.id)) return;
    const delta = Object.fromEntries(H_FIELDS.map((f) => [f, hb[f]]));
    hospitals.push({ id: hb.id, name: sb.hospitals[j]?.name ?? '', in: 'b', a: {}, b: pick(hb), delta });
  });
  return { fund, hospitals };
}

export function compareReport(sa: Scenario, sb: Scenario, names: [string, string], unit: Unit, sortByChange: boolean): { text: string; comparison: Comparison } {
  const c = compareResults(sa, runScenario(sa), sb, runScenario(sb));
  const fmt = (s: string | undefined) => (s === undefined ? '—' : money(s, unit));
  const fundText = renderTable(
    [{ header: 'Fund' }, { header: 'A', right: true }, { header: 'B', right: true }, { header: 'B − A', right: true }],
    c.fund.map((r) => [FUND_ROWS.find(([k]) => k === r.field)![1], fmt(r.a), fmt(r.b), fmt(r.delta)]),
  );
  const rows = [...c.hospitals];
  if (sortByChange) rows.sort((x, y) => absFen(y.delta.owed!) - absFen(x.delta.owed!) || 0);
  const changed = rows.filter((h) => h.in !== 'both' || H_FIELDS.some((f) => h.delta[f] !== '0.00'));
  const hospText = renderTable(
    [{ header: 'id' }, { header: 'name' }, { header: 'target A', right: true }, { header: 'target B', right: true }, { header: 'Δ target', right: true }, { header: 'owed A', right: true }, { header: 'owed B', right: true }, { header: 'Δ owed', right: true }, { header: 'Δ balance', right: true }, { header: 'note' }],
    changed.map((h) => [h.id, h.name, fmt(h.a.target), fmt(h.b.target), fmt(h.delta.target), fmt(h.a.owed), fmt(h.b.owed), fmt(h.delta.owed), fmt(h.delta.balance), h.in === 'a' ? 'only in A' : h.in === 'b' ? 'only in B' : '']),
  );
  const text = [
    `A: ${names[0]} — ${sa.meta.name}`,
    `B: ${names[1]} — ${sb.meta.name}`,
    `Amounts in ${unit === 'wan' ? '万元' : '元'}`,
    '',
    fundText,
    '',
    `${changed.length} of ${c.hospitals.length} institutions differ${sortByChange ? ' (largest change in owed first)' : ''}:`,
    changed.length ? hospText : '(none)',
  ].join('\n');
  return { text, comparison: c };
}

function absFen(s: string): number {
  const v = Number(s.replace('.', ''));
  return Math.abs(v);
}
