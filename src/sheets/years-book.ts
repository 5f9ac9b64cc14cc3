/**
 * The several-years workbook (DESIGN §8, issue 12), one builder for the page's export and
 * `gbsim years --xlsx`. One scenario: its fund path (a row per year) and one sheet per
 * institution figure (institutions × years). Several (the scenarios compared, or every scenario
 * of a workspace file): first their fund paths side by side (a row per year: closing balance,
 * months of coverage, current surplus rate, and each one's closing balance less the first's),
 * then each one's run parameters, then each one's own sheets under its name. Amounts and rates
 * are numbers with number formats, in yuan or 万元.
 */
import type ExcelJS from 'exceljs';
import { issueLine } from '../workspace/issue-text.ts';
import { formatMoney, parseMoney } from '../engine/money.ts';
import { YEAR_COLUMNS } from '../engine/years.ts';
import type { YearsOutcome } from '../engine/years-outcome.ts';
import type { YearsParams } from '../engine/analysis-params.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { commitRow, FMT, newWorkbook, sheetName, tableSheet, toBytes, type Col } from './style.ts';
import { FUND_PATH, fieldLabel } from './analysis-words.ts';
import { cellNumber, outputFmt, yearName } from './analysis-export.ts';

/** One scenario's run: its name, the scenario (null when it cannot be opened) and the engine's outcome. */
export interface YearsBookEntry { name: string; scenario: Scenario | null; outcome: YearsOutcome }

const WORDS = {
  zh: {
    compared: '方案对比', params: '测算参数', fund: '基金运行', year: '年度', code: '机构编码', name: '机构名称', fp: '结果指纹',
    scenario: '方案', years: '测算年数', baseRule: '下一年基数', budgetGrowth: '基金支出预算年增长率', revenueGrowth: '基金收入年增长率',
    locked: '协商锁定指标', warning: '可支付月数预警线（月）', settled: '已清算年数', note: '说明',
    rules: { actual: '按实际发生', target: '按总额控制指标', actualPlusRetained: '按实际发生＋结余留用' },
    lockedWords: { keep: '以后各年保持', release: '第二年起按权重分配' },
    yuan: '元', wan: '万元',
    unitNote: (u: string) => `年度（金额单位：${u}）`, minus: (a: string, b: string, fig: string) => `${a} 减 ${b} 的${fig}`,
    stopped: (n: number) => `第${n}年无法清算，测算到此为止：`, invalid: '无法测算：', below: '低于预警线的月数以红色标出',
  },
  en: {
    compared: 'Scenarios compared', params: 'Run parameters', fund: 'Fund path', year: 'Year', code: 'Institution code', name: 'Name', fp: 'Fingerprint',
    scenario: 'Scenario', years: 'Years', baseRule: 'Next year’s base', budgetGrowth: 'Budget growth per year', revenueGrowth: 'Revenue growth per year',
    locked: 'Locked targets', warning: 'Warning line (months)', settled: 'Years settled', note: 'Note',
    rules: { actual: 'actual', target: 'target', actualPlusRetained: 'actual + retained' },
    lockedWords: { keep: 'kept', release: 'allocated by weight from year two' },
    yuan: 'yuan', wan: '10k yuan',
    unitNote: (u: string) => `Year (amounts in ${u})`, minus: (a: string, b: string, fig: string) => `${a} − ${b}: ${fig}`,
    stopped: (n: number) => `year ${n} cannot be settled; the run stops there: `, invalid: 'cannot run: ', below: 'months below the warning line in red',
  },
} as const;

const COMPARED = ['closingBalance', 'monthsOfCoverage', 'currentSurplusRate'] as const;
const RED = { argb: 'FFC23B4B' };

export async function yearsBook(entries: readonly YearsBookEntry[], lang: Lang, unit: Unit): Promise<Uint8Array> {
  const first = entries[0];
  if (!first?.outcome.ok || !first.scenario) {
    throw new Error(first && !first.outcome.ok ? first.outcome.issues.map((i) => issueLine(i, lang, first.scenario)).join('\n') : 'no scenario');
  }
  const wb = newWorkbook();
  const taken = new Set<string>();
  const several = entries.length > 1;
  if (several) {
    comparedSheet(wb, taken, entries, lang, unit);
    paramsSheet(wb, taken, entries, lang);
  }
  for (const e of entries) {
    if (e.outcome.ok && e.scenario) scenarioSheets(wb, taken, several ? `${e.name} ` : '', e.scenario, e.outcome, lang, unit);
  }
  return toBytes(wb);
}

/** The fund path of each scenario side by side, a row per year (of the longest run); a year a scenario does not run is empty. */
function comparedSheet(wb: ExcelJS.Workbook, taken: Set<string>, entries: readonly YearsBookEntry[], lang: Lang, unit: Unit): void {
  const w = WORDS[lang];
  const runs = entries.map((e) => (e.outcome.ok ? e.outcome.run : null));
  const longest = runs.reduce((a, r) => (r && (!a || r.years.length > a.years.length) ? r : a), null as (typeof runs)[number]);
  const firstRun = runs[0]!;
  const kindOf = (f: (typeof COMPARED)[number]) => FUND_PATH.find((c) => c.field === f)!.kind;
  const cols: Col[] = [
    { header: w.unitNote(w[unit]), kind: 'text', width: 22 },
    ...entries.flatMap((e) => COMPARED.map((f) => ({ header: `${e.name} ${fieldLabel(f, lang)}`, kind: 'number' as const }))),
    ...entries.slice(1).map((e) => ({ header: w.minus(e.name, entries[0]!.name, fieldLabel('closingBalance', lang)), kind: 'number' as const })),
  ];
  const ws = tableSheet(wb, sheetName(w.compared, taken), cols, { freezeCols: 1 });
  longest?.years.forEach((_, k) => {
    const cells: (string | number | null)[] = [yearName(longest, k)];
    for (const r of runs) for (const f of COMPARED) cells.push(r?.years[k] ? cellNumber(r.years[k]!.fund[f], kindOf(f), unit) : null);
    const base = firstRun.years[k]?.fund.closingBalance ?? null;
    for (const r of runs.slice(1)) {
      const b = r?.years[k]?.fund.closingBalance ?? null;
      cells.push(b === null || base === null ? null : cellNumber(formatMoney(parseMoney(b) - parseMoney(base)), 'amount', unit));
    }
    const row = ws.addRow(cells);
    runs.forEach((r, s) => COMPARED.forEach((f, j) => {
      const cell = row.getCell(2 + s * COMPARED.length + j);
      cell.numFmt = outputFmt(kindOf(f));
      if (f === 'monthsOfCoverage' && r?.years[k]?.belowWarning) cell.font = { color: RED, bold: true };
    }));
    for (let j = 0; j < entries.length - 1; j++) row.getCell(2 + runs.length * COMPARED.length + j).numFmt = FMT.amount;
    commitRow(row);
  });
  if (runs.some((r) => r?.years.some((y) => y.belowWarning))) ws.addRow([]).getCell(1).value = w.below;
}

/** Each scenario's run parameters (as used), how many years it settled and why it stopped. */
function paramsSheet(wb: ExcelJS.Workbook, taken: Set<string>, entries: readonly YearsBookEntry[], lang: Lang): void {
  const w = WORDS[lang];
  const ws = tableSheet(wb, sheetName(w.params, taken), [
    { header: w.scenario, kind: 'text', width: 24 }, { header: w.years, kind: 'count' }, { header: w.baseRule, kind: 'text', width: 22 },
    { header: w.budgetGrowth, kind: 'percent' }, { header: w.revenueGrowth, kind: 'percent' }, { header: w.locked, kind: 'text', width: 22 },
    { header: w.warning, kind: 'months' }, { header: w.settled, kind: 'count' }, { header: w.note, kind: 'text', width: 60 },
  ], { freezeCols: 1 });
  for (const e of entries) {
    const o = e.outcome;
    if (!o.ok) {
      ws.addRow([e.name, null, '', null, null, '', null, 0, w.invalid + o.issues.map((i) => issueLine(i, lang, e.scenario)).join('; ')]);
      continue;
    }
    const p: YearsParams = o.run.params;
    const stop = o.run.stopped;
    ws.addRow([e.name, p.years, w.rules[p.baseRule], Number(p.budgetGrowth), Number(p.revenueGrowth), w.lockedWords[p.lockedTargets],
      Number(p.warningMonths), o.run.years.length, stop ? w.stopped(stop.index) + stop.issues.map((i) => issueLine(i, lang, e.scenario)).join('; ') : '']);
  }
}

/** One scenario's fund path and its institutions' figures, sheet names after `prefix`. */
function scenarioSheets(wb: ExcelJS.Workbook, taken: Set<string>, prefix: string, s: Scenario, out: Extract<YearsOutcome, { ok: true }>, lang: Lang,
  unit: Unit): void {
  const w = WORDS[lang];
  const { run, fingerprints } = out;
  const years = run.years.map((_, k) => yearName(run, k));
  const fund = tableSheet(wb, sheetName(`${prefix}${w.fund}`, taken), [
    { header: w.year, kind: 'text' },
    ...FUND_PATH.map((c) => ({ header: lang === 'zh' ? fieldLabel(c.field, 'zh') : c.short, kind: c.kind === 'amount' ? 'amount' as const :
      c.kind === 'ratio' ? 'percent' as const : 'months' as const })),
    { header: w.fp, kind: 'text' },
  ], { freezeCols: 1 });
  run.years.forEach((y, k) => {
    fund.addRow([years[k], ...FUND_PATH.map((c) => cellNumber(y.fund[c.field] as string | null, c.kind, unit)), fingerprints[k] ?? '']);
  });
  FUND_PATH.forEach((c, i) => { fund.getColumn(i + 2).numFmt = outputFmt(c.kind); });
  const scale = unit === 'wan' ? 1e6 : 100;
  for (const col of YEAR_COLUMNS) {
    const ws = tableSheet(wb, sheetName(`${prefix}${fieldLabel(col, lang)}`, taken), [
      { header: w.code, kind: 'text' },
      { header: w.name, kind: 'text', width: 24 },
      ...years.map((y) => ({ header: y, kind: 'amount' as const })),
    ], { freezeCols: 2 });
    s.hospitals.forEach((h, i) => { ws.addRow([h.id, h.name, ...run.years.map((y) => y.columns[col][i]! / scale)]); });
  }
}
