/** `gbsim run FILE`: the fund position and a per-institution settlement table. */
import { runScenario } from '../engine/run.ts';
import { money, percent } from '../display/number.ts';
import { subtractDecimals, type FundField } from '../engine/compare.ts';
import { fingerprint } from '../engine/fingerprint.ts';
import { renderTable, type Column } from './table.ts';
import type { Result } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import type { Unit } from '../display/lang.ts';

export const FUND_ROWS: [FundField, string][] = [
  ['base', 'Fund expenditure budget'],
  ['carveOuts', '− carve-outs'],
  ['riskReserve', '− risk reserve'],
  ['globalTarget', '= global target (G)'],
  ['adjustmentFund', '− adjustment fund (AF)'],
  ['allocatable', '= allocated to institutions (P)'],
  ['totalDeposit', 'quality deposits held'],
  ['totalPaid', 'paid monthly'],
  ['totalDeferred', 'deferred to year-end'],
  ['fundSharesClaimed', 'fund shares of overspend (claimed)'],
  ['adjustmentFundUsed', 'adjustment fund used'],
  ['adjustmentFundTopUp', 'of which topped up from balance'],
  ['adjustmentFundUnused', 'adjustment fund unused'],
  ['hospitalsOwed', 'owed to institutions for the year'],
  ['totalBalance', 'balance due at year-end (+ pay / − recover)'],
  ['retainedFromTargets', 'kept by the fund from targets'],
  ['expenditure', 'expenditure (owed + carve-outs)'],
  ['openingBalance', 'opening balance'],
  ['revenue', 'revenue'],
  ['closingBalance', 'closing balance'],
];

export function fundTable(r: Result, unit: Unit): string {
  const rows = FUND_ROWS.map(([k, label]) => [label, money(r.fund[k] as string, unit)]);
  rows.push(['months of coverage (可支付月数)', r.fund.monthsOfCoverage ?? '—']);
  rows.push(['current-year surplus rate (当年结存率)', percent(r.fund.currentSurplusRate)]);
  rows.push(['cumulative surplus rate (累计结存率)', percent(r.fund.cumulativeSurplusRate)]);
  return renderTable([{ header: 'Fund position' }, { header: unit === 'wan' ? '万元' : '元', right: true }], rows);
}

const H_COLS: [string, (h: Result['hospitals'][number]) => string, boolean][] = [
  ['target', (h) => h.target, true],
  ['deposit', (h) => h.deposit, true],
  ['paid', (h) => h.paidTotal, true],
  ['deferred', (h) => h.deferred, true],
  ['actual', (h) => h.actual, true],
  ['surplus/-over', (h) => subtractDecimals(h.surplus, h.overspend), true],
  ['reward/fund', (h) => (h.reward !== '0.00' ? h.reward : h.fundShare), true],
  ['dep.returned', (h) => h.depositReturned, true],
  ['owed', (h) => h.owed, true],
  ['balance', (h) => h.balance, true],
];

export function hospitalTable(s: Scenario, r: Result, unit: Unit): string {
  const columns: Column[] = [{ header: 'id' }, { header: 'name' }, ...H_COLS.map(([header]) => ({ header, right: true }))];
  const rows = r.hospitals.map((h, i) => [h.id, s.hospitals[i]?.name ?? '', ...H_COLS.map(([, get]) => money(get(h), unit))]);
  const t = r.fund;
  rows.push(['TOTAL', '', money(t.totalTargets, unit), money(t.totalDeposit, unit), money(t.totalPaid, unit), money(t.totalDeferred, unit), '', '', '', '', money(t.hospitalsOwed, unit), money(t.totalBalance, unit)]);
  return renderTable(columns, rows);
}

/** The money-conservation check, shown so a reader can see the totals reconcile to the fen. */
export function reconciliation(r: Result): string {
  const fen = (s: string) => BigInt(s.replace('.', ''));
  const f = r.fund;
  const left = fen(f.globalTarget) + fen(f.adjustmentFundTopUp);
  const right = fen(f.hospitalsOwed) + fen(f.retainedFromTargets) + fen(f.adjustmentFundUnused);
  const ok = left === right;
  return `Reconciliation: global target + top-up = owed + kept from targets + unused adjustment fund: ${ok ? 'OK to the fen' : `MISMATCH (${left - right} fen)`}`;
}

export function runReport(s: Scenario, unit: Unit): { text: string; result: Result } {
  const r = runScenario(s);
  const head = `${s.meta.name}${s.meta.year ? ` (${s.meta.year})` : ''} — ${s.hospitals.length} institutions, amounts in ${unit === 'wan' ? '万元' : '元'}`;
  const text = [head, '', fundTable(r, unit), '', hospitalTable(s, r, unit), '', reconciliation(r), `Result fingerprint: ${fingerprint(r)}`].join('\n');
  return { text, result: r };
}
