/**
 * `gbsim run` on a scenario with pools settled by points (DESIGN §7): each such pool's points
 * and point values (元/分, 4 decimals), and its members' points, share, entitlement, payment rate
 * and surplus or overspend against the entitlement. Nothing here for a scenario of targets.
 */
import { grouped, money, percent } from '../display/number.ts';
import { hospitalName, word } from '../display/glossary.ts';
import { subtractDecimals } from '../engine/compare.ts';
import { renderTable, type Column } from './table.ts';
import type { Result } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';

const T = {
  zh: { pool: (n: string) => `点数法结算池：${n}`, item: '项目', value: '数值', amount: '池内金额', capped: '点值封顶', yes: '是（封顶留存基金）', no: '否',
    capCut: '封顶留存', surplus: '结余(+)/超支(−)', none: '无点数' },
  en: { pool: (n: string) => `Pool settled by points: ${n}`, item: 'Item', value: 'Value', amount: 'Pool amount', capped: 'Point-value cap binds',
    yes: 'yes (the rest stays with the fund)', no: 'no',
    capCut: 'Kept by the cap', surplus: 'Surplus(+)/overspend(−)', none: 'no points' },
} as const;

const pts = (s: string | null | undefined): string => (s === null || s === undefined ? '—' : grouped(s, 4));

/** One block per pool settled by points; '' when there is none. */
export function pointsReport(s: Scenario, r: Result, unit: Unit, lang: Lang = 'en'): string {
  const t = T[lang];
  const per = lang === 'zh' ? `（${word('pointValueUnit', lang)}）` : ` (${word('pointValueUnit', lang)})`;
  const blocks: string[] = [];
  for (const p of r.fund.pools) {
    if (p.settlement !== 'points') continue;
    const rows: string[][] = [
      [t.amount, money(p.amount, unit)],
      [hospitalName('points', lang), pts(p.points)],
      [hospitalName('projectedPoints', lang), pts(p.projectedPoints)],
      [`${word('budgetPointValue', lang)}${per}`, p.budgetPointValue ?? '—'],
      [`${word('pointValue', lang)}${per}`, p.pointValue ?? t.none],
      [t.capped, p.pointValueCapped ? t.yes : t.no],
      [word('entitlement', lang), money(p.entitled, unit)],
    ];
    if (p.pointValueCapped) rows.push([t.capCut, money(p.capCut, unit)]);
    const head = renderTable([{ header: t.pool(p.name) }, { header: t.value, right: true }], rows);
    const columns: Column[] = [
      { header: word('code', lang) }, { header: word('name', lang) },
      ...(['points', 'pointShare'] as const).map((k) => ({ header: hospitalName(k, lang), right: true })),
      { header: word('entitlement', lang), right: true },
      { header: hospitalName('actual', lang), right: true },
      { header: hospitalName('paymentRate', lang), right: true },
      { header: t.surplus, right: true },
      { header: hospitalName('owed', lang), right: true },
    ];
    const members = r.hospitals.map((h, i) => ({ h, i })).filter((x) => x.h.pool === p.id);
    const table = renderTable(columns, members.map(({ h, i }) => [
      h.id, s.hospitals[i]?.name ?? '', pts(h.points), percent(h.pointShare, 2), money(h.target, unit), money(h.actual, unit),
      percent(h.paymentRate, 2), money(subtractDecimals(h.surplus, h.overspend), unit, true), money(h.owed, unit),
    ]));
    blocks.push(`${head}\n\n${table}`);
  }
  return blocks.join('\n\n');
}
