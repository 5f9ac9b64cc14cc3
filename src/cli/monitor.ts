/**
 * `gbsim monitor FILE [--as-of K]`: the monthly report (每月通报) — the warning list and the
 * fund's projection with claims known through month K (the file's monitoring.asOf, or the
 * first K months of a year-end file's claims), the rest of the year projected (DESIGN §10).
 */
import { writeFileSync } from 'node:fs';
import { parse, oneOf, langOption } from './args.ts';
import { CliError, FileError, fileReason, IssuesError, readScenario, wroteLine, type Io } from './io.ts';
import { renderTable } from './table.ts';
import { asOfMonth } from '../engine/as-of.ts';
import { monitor, type MonitorReport, type MonitorRow } from '../engine/monitor.ts';
import { validateScenario } from '../scenario/open.ts';
import { money, percent, plain } from '../display/number.ts';
import { sourceText, warningText } from '../sheets/monitor-book.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { FUND_FIGURES as F, MONITOR_WORDS as M, WORDS as W, hospitalName, monitorWord, unitName, word, type MonitorWord } from '../display/glossary.ts';

export async function monitorCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' }, unit: { type: 'string' }, xlsx: { type: 'string' },
      lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError('monitor takes exactly one scenario file', 2);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const lang = langOption(values.lang);
  const file = positionals[0]!;
  let s = readScenario(file);
  if (values['as-of'] !== undefined) {
    const k = Number(values['as-of']);
    if (!/^\d{1,2}$/.test(String(values['as-of'])) || k < 0 || k > 12) throw new CliError('--as-of must be a month from 0 (none known yet) to 12', 2);
    s = throughGate(file, s, asOfMonth(s, k));
  }
  const rep = monitor(s);
  io.out(values.json ? JSON.stringify(rep, null, 2) : monitorText(s, rep, unit, values.all === true, lang));
  if (typeof values.xlsx === 'string') {
    const { monitorWorkbook } = await import('../sheets/monitor-book.ts');
    const bytes = await monitorWorkbook(s.meta.name, rep, lang, unit);
    try {
      writeFileSync(values.xlsx, bytes);
    } catch (e) {
      throw new FileError(values.xlsx, 'write', fileReason(e));
    }
    io.err(wroteLine(values.xlsx, lang));
  }
  return 0;
}

/** The scenario as of month K passes the same gate as any file (its issues named by the file's institutions). */
function throughGate(file: string, s: Scenario, r: ReturnType<typeof asOfMonth>): Scenario {
  const v = r.ok ? validateScenario(r.scenario) : r;
  if (!v.ok) throw new IssuesError(file, v.issues, r.ok ? r.scenario : s);
  return v.scenario;
}

/** The report's columns: names from the one glossary. */
const COLS: [MonitorWord | 'target', (r: MonitorRow, u: Unit) => string][] = [
  ['target', (r, u) => money(r.target, u)],
  ['budgetToDate', (r, u) => money(r.budgetToDate, u)],
  ['claimsToDate', (r, u) => money(r.claimsToDate, u)],
  ['progress', (r) => percent(r.progress)],
  ['deferredToDate', (r, u) => money(r.deferredToDate, u)],
  ['projectedClaims', (r, u) => money(r.projectedClaims, u)],
  ['projectedRate', (r) => percent(r.projectedRate, 2, true)],
];

/** The sentences of the text report, in each language (names from the glossary). */
const T = {
  zh: {
    head: (name: string, year: string, k: number, unit: string) => `${name}${year ? `（${year}年）` : ''} — ${M.monthlyReport.zh}，`
      + `${k === 0 ? '尚无月度申报数据，1–12 月均为预测' : `申报数据截至 ${k} 月${k < 12 ? `，${k + 1}–12 月为预测` : '（全年均为实际）'}`}；金额单位：${unit}`,
    warnWhen: (o: string, d: string, c: string) => `预警条件：预计超支率高于 ${o}；累计暂缓拨付高于累计月度预算的 ${d}；基金可支付月数低于 ${c} 个月`,
    list: (n: number, total: number) => `${M.warningList.zh}：${total} 家机构中 ${n} 家`,
    every: `全部机构${M.progress.zh}`,
    coverage: (v: string, below: boolean, c: string) => `${F.monthsOfCoverage.zh}：${v}，${below ? '低于' : '未低于'} ${c} 个月的预警线`,
    adjustments: `${M.adjustments.zh}（上表 * 号：指标经年中调整）`,
    adjustment: (id: string, f: number, before: string, after: string, change: string, n: number, reason: string) =>
      `  ${id} 自 ${f} 月起：${before} → ${after}（${change}，由分配池内 ${n} 家机构分担）— ${reason}`,
    points: (pool: string, pts: string, proj: string, pv: string) =>
      `  分配池 ${pool}：${M.pointsToDate.zh} ${pts}，${M.projectedYearPoints.zh} ${proj}，${M.projectedPointValue.zh} ${pv} ${W.pointValueUnit.zh}`,
    pointsHead: '按点数法结算的分配池',
  },
  en: {
    head: (name: string, year: string, k: number, unit: string) => `${name}${year ? ` (${year})` : ''} — ${M.monthlyReport.en}, `
      + `${k === 0 ? 'no month’s claims known yet; months 1–12 projected' : `claims known through month ${k}${k < 12 ? `; months ${k + 1}–12 projected` :
        ' (the whole year)'}`}`
      + `; amounts in ${unit}`,
    warnWhen: (o: string, d: string, c: string) =>
      `Warn when: projected overspend rate above ${o}; deferred claims above ${d} of the budget to date; fund below ${c} months of coverage`,
    list: (n: number, total: number) => `${M.warningList.en}: ${n} of ${total} institutions`,
    every: `${M.progress.en} of every institution`,
    coverage: (v: string, below: boolean, c: string) => `${F.monthsOfCoverage.en}: ${v} — ${below ? 'BELOW' : 'not below'} the warning line of ${c} months`,
    adjustments: `${M.adjustments.en} (* above: target adjusted)`,
    adjustment: (id: string, f: number, before: string, after: string, change: string, n: number, reason: string) =>
      `  ${id} from month ${f}: ${before} → ${after} (${change}, absorbed by ${n} pool members) — ${reason}`,
    points: (pool: string, pts: string, proj: string, pv: string) =>
      `  pool ${pool}: ${M.pointsToDate.en} ${pts}, ${M.projectedYearPoints.en.toLowerCase()} ${proj}, `
        + `${M.projectedPointValue.en.toLowerCase()} ${pv} ${W.pointValueUnit.en}`,
    pointsHead: 'Pools settled by points',
  },
} as const;

export function monitorText(s: Scenario, rep: MonitorReport, unit: Unit, all: boolean, lang: Lang = 'en'): string {
  const k = rep.asOf;
  const t = rep.thresholds;
  const x = T[lang];
  const src = (th: typeof t.overspendRate) => { const w = sourceText(th, lang); return w ? ` [${w}]` : ''; };
  const lines = [
    x.head(s.meta.name, s.meta.year ? String(s.meta.year) : '', k, unitName(unit, lang)),
    x.warnWhen(`${percent(t.overspendRate.value)}${src(t.overspendRate)}`, `${percent(t.deferredRate.value)}${src(t.deferredRate)}`,
      `${t.coverageMonths.value}${src(t.coverageMonths)}`),
    '',
  ];
  const head = (c: MonitorWord | 'target') => (c === 'target' ? hospitalName('target', lang) : monitorWord(c, lang));
  const table = (idx: readonly number[]) => renderTable(
    [{ header: word('code', lang) }, { header: word('name', lang) }, ...COLS.map(([h]) => ({ header: head(h), right: true })),
      { header: monitorWord('warnings', lang) }],
    idx.map((i) => { const r = rep.rows[i]!; return [r.id + (r.adjusted ? '*' : ''), r.name, ...COLS.map(([, g]) => g(r, unit)), warningText(r, lang)]; }),
  );
  lines.push(x.list(rep.warningList.length, rep.rows.length));
  if (rep.warningList.length) lines.push(table(rep.warningList));
  if (all) lines.push('', x.every, table(rep.rows.map((_, i) => i)));
  const f = rep.fund;
  const g = (w: MonitorWord) => monitorWord(w, lang);
  lines.push('', renderTable([{ header: g('fundProjection') }, { header: unitName(unit, lang), right: true }], [
    [g('budgetToDate'), money(f.budgetToDate, unit)],
    [g('claimsToDate'), money(f.claimsToDate, unit)],
    [g('paidToDate'), money(f.paidToDate, unit)],
    [g('deferredToDate'), money(f.deferredToDate, unit)],
    [g('projectedExpenditure'), money(f.projectedExpenditure, unit)],
    [g('projectedClosing'), money(f.projectedClosingBalance, unit)],
    [g('projectedCoverage'), f.projectedMonthsOfCoverage ?? '—'],
  ]));
  lines.push(x.coverage(f.projectedMonthsOfCoverage ?? '—', f.belowWarningLine, t.coverageMonths.value));
  if (rep.points.length) {
    lines.push('', x.pointsHead);
    for (const p of rep.points) lines.push(x.points(p.name, plain(p.pointsToDate, 4), plain(p.projectedPoints, 4), p.projectedPointValue ?? '—'));
  }
  if (rep.adjustments.length) {
    lines.push('', x.adjustments);
    for (const a of rep.adjustments) {
      lines.push(x.adjustment(a.hospital, a.from, money(a.targetBefore, unit), money(a.targetAfter, unit), money(a.change, unit, true), a.members, a.reason));
    }
  }
  return lines.join('\n');
}
