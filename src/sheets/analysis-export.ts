/**
 * Workbooks of `gbsim years` and `gbsim sweep`: one sheet per output, amounts and ratios as
 * numbers with number formats (yuan or 万元), the current values marked, invalid points listed.
 */
import type ExcelJS from 'exceljs';
import { parseMoney } from '../engine/money.ts';
import { formatIssue } from '../format/issues.ts';
import { YEAR_COLUMNS, type YearsRun } from '../engine/years.ts';
import type { SweepResult } from '../engine/sweep.ts';
import type { TornadoResult } from '../engine/tornado.ts';
import type { OutputKind } from '../engine/sweep-outputs.ts';
import type { ParamInfo } from '../engine/sweep-params.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { newWorkbook, sheetName, styleHeader, tableSheet, toBytes } from './style.ts';
import { FUND_PATH, fieldLabel, outputLabel, paramLabel } from './analysis-words.ts';
import { FUND_FIGURES } from '../display/glossary.ts';

export const AMOUNT_FMT = '#,##0.00';
export const RATIO_FMT = '0.0000';
export const PERCENT_FMT = '0.00%';
/** Shows up to 12 decimals of a rate, at least 2. */
export const RATE_FMT = '0.00##########';

/** An exact decimal string as a sheet number: amounts in the unit, others as they are. */
export function cellNumber(v: string | null, kind: OutputKind, unit: Unit = 'yuan'): number | null {
  if (v === null) return null;
  if (kind === 'amount') {
    const fen = parseMoney(v);
    return unit === 'wan' ? fen / 1e6 : fen / 100;
  }
  return Number(v);
}

const paramCell = (v: string | null, p: ParamInfo, unit: Unit) => cellNumber(v, p.kind === 'amount' ? 'amount' : 'ratio', unit);
export const outputFmt = (kind: OutputKind): string => (kind === 'amount' ? AMOUNT_FMT : kind === 'ratio' ? PERCENT_FMT : RATIO_FMT);
export const paramFmt = (p: ParamInfo): string => (p.kind === 'amount' ? AMOUNT_FMT : p.kind === 'count' ? '#,##0' : RATE_FMT);

/** A point of a sweep by its values: "fund.adjustmentFundRate = 0.02, policy.pools[0].share = 0.81". */
export function pointName(r: SweepResult, i: number): string {
  const [a, b] = r.axes;
  if (!b) return `${a!.param.path} = ${a!.values[i]}`;
  const n = b.values.length;
  return `${a!.param.path} = ${a!.values[Math.floor(i / n)]}, ${b.param.path} = ${b.values[i % n]}`;
}

export const yearName = (run: YearsRun, k: number): string => String(run.years[k]!.year ?? `year ${run.years[k]!.index}`);

/** The fund path's column names in Chinese: the glossary's. */
const FUND_PATH_ZH: Record<string, string> = Object.fromEntries(Object.entries(FUND_FIGURES).map(([k, n]) => [k, n.zh]));

/** One sheet for the fund's path (a row per year), then one per institution figure (institutions × years). */
export async function yearsWorkbook(s: Scenario, run: YearsRun, fingerprints: readonly string[], lang: Lang, unit: Unit): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  const zh = lang === 'zh';
  const years = run.years.map((_, k) => yearName(run, k));
  const fund = tableSheet(wb, sheetName(zh ? '基金运行' : 'Fund path', taken), [
    { header: zh ? '年度' : 'Year', kind: 'text' },
    ...FUND_PATH.map((c) => ({ header: zh ? FUND_PATH_ZH[c.field]! : c.short, kind: c.kind === 'amount' ? 'amount' as const : c.kind === 'ratio' ?
      'percent' as const : 'months' as const })),
    { header: zh ? '结果指纹' : 'Fingerprint', kind: 'text' },
  ], { freezeCols: 1 });
  run.years.forEach((y, k) => {
    fund.addRow([years[k], ...FUND_PATH.map((c) => cellNumber(y.fund[c.field] as string | null, c.kind, unit)), fingerprints[k] ?? '']);
  });
  FUND_PATH.forEach((c, i) => { fund.getColumn(i + 2).numFmt = outputFmt(c.kind); });
  for (const col of YEAR_COLUMNS) {
    const ws = tableSheet(wb, sheetName(fieldLabel(col, lang), taken), [
      { header: zh ? '机构编码' : 'Institution code', kind: 'text' },
      { header: zh ? '机构名称' : 'Name', kind: 'text', width: 24 },
      ...years.map((y) => ({ header: y, kind: 'amount' as const })),
    ], { freezeCols: 2 });
    const scale = unit === 'wan' ? 1e6 : 100;
    s.hospitals.forEach((h, i) => { ws.addRow([h.id, h.name, ...run.years.map((y) => y.columns[col][i]! / scale)]); });
  }
  return toBytes(wb);
}

/** A finished sweep or tornado with its heading. */
export type SweepSheet = { name: string; result: SweepResult } | { name: string; result: TornadoResult };

/** One sheet per output (a column for one parameter, a matrix for two); a tornado is one sheet. */
export async function sweepWorkbook(s: Scenario, done: readonly SweepSheet[], lang: Lang, unit: Unit): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  const zh = lang === 'zh';
  const prefix = (d: SweepSheet) => (done.length > 1 ? `${d.name} ` : '');
  const issues: [string, string][] = [];
  for (const d of done) {
    if (d.result.kind === 'tornado') {
      const r = d.result;
      const ws = wb.addWorksheet(sheetName(`${prefix(d)}${zh ? '龙卷风图' : 'Tornado'} ${outputLabel(r.output.name, lang, s)}`, taken),
        { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.addRow(zh ? ['排名', '参数', '路径', '当前值', '下调值', '上调值', '下调时结果', '当前结果', '上调时结果', '变动幅度']
        : ['Rank', 'Parameter', 'Path', 'Current', 'Low', 'High', 'Output at low', 'Output at current', 'Output at high', 'Spread']);
      styleHeader(ws.getRow(1));
      const base = r.base.values?.[0] ?? null;
      r.entries.forEach((e, k) => {
        const row = ws.addRow([k + 1, paramLabel(e.param, s, lang), e.param.path, paramCell(e.param.current, e.param, unit),
          paramCell(e.low, e.param, unit), paramCell(e.high, e.param, unit),
          cellNumber(e.outLow, r.output.kind, unit), cellNumber(base, r.output.kind, unit), cellNumber(e.outHigh, r.output.kind, unit),
            cellNumber(e.spread, r.output.kind, unit)]);
        for (const c of [4, 5, 6]) row.getCell(c).numFmt = paramFmt(e.param);
        for (const c of [7, 8, 9, 10]) row.getCell(c).numFmt = outputFmt(r.output.kind);
        for (const i of e.issues) issues.push([`${d.name} ${e.param.path}`, formatIssue(i)]);
      });
      ws.columns.forEach((c, i) => { c.width = i === 1 ? 28 : i === 2 ? 34 : 18; });
      continue;
    }
    const r = d.result;
    const [a, b] = r.axes;
    r.outputs.forEach((o, k) => {
      const ws = wb.addWorksheet(sheetName(`${prefix(d)}${outputLabel(o.name, lang, s)}`, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
      if (!b) {
        ws.addRow([`${paramLabel(a!.param, s, lang)} (${a!.param.path})`, outputLabel(o.name, lang, s), zh ? '说明' : 'Note']);
        styleHeader(ws.getRow(1));
        a!.values.forEach((v, i) => {
          const p = r.points[i]!;
          const row = ws.addRow([paramCell(v, a!.param, unit), p.values ? cellNumber(p.values[k]!, o.kind, unit) : null,
            i === a!.currentIndex ? (zh ? '当前值' : 'current') : p.values ? '' : (zh ? '无效：' : 'invalid: ') + p.issues.map(formatIssue).join('; ')]);
          row.getCell(1).numFmt = paramFmt(a!.param);
          row.getCell(2).numFmt = outputFmt(o.kind);
        });
        ws.columns.forEach((c, i) => { c.width = i === 2 ? 40 : 24; });
      } else {
        ws.addRow([`${a!.param.path} \\ ${b.param.path}`, ...b.values.map((v) => paramCell(v, b.param, unit))]);
        styleHeader(ws.getRow(1));
        ws.getRow(1).eachCell((c, col) => { if (col > 1) c.numFmt = paramFmt(b.param); });
        a!.values.forEach((v, i) => {
          const row = ws.addRow([paramCell(v, a!.param, unit), ...b.values.map((_, j) => {
            const p = r.points[i * b.values.length + j]!;
            return p.values ? cellNumber(p.values[k]!, o.kind, unit) : null;
          })]);
          row.getCell(1).numFmt = paramFmt(a!.param);
          row.getCell(1).font = { bold: true };
          for (let j = 0; j < b.values.length; j++) row.getCell(j + 2).numFmt = outputFmt(o.kind);
        });
        // The current values' row and column heads are highlighted.
        const mark = (cell: ExcelJS.Cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }; };
        if (b.currentIndex !== null) mark(ws.getRow(1).getCell(b.currentIndex + 2));
        if (a!.currentIndex !== null) mark(ws.getRow(a!.currentIndex + 2).getCell(1));
        ws.columns.forEach((c, i) => { c.width = i === 0 ? 30 : 16; });
      }
    });
    r.points.forEach((p, i) => { if (!p.values) issues.push([`${d.name} ${pointName(r, i)}`, p.issues.map(formatIssue).join('; ')]); });
  }
  if (issues.length) {
    const ws = wb.addWorksheet(sheetName(zh ? '无效点' : 'Invalid points', taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(zh ? ['点', '问题'] : ['Point', 'Issues']);
    styleHeader(ws.getRow(1));
    for (const row of issues) ws.addRow(row);
    ws.columns.forEach((c, i) => { c.width = i === 0 ? 50 : 80; });
  }
  return toBytes(wb);
}
