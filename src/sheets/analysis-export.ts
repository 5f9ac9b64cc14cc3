/**
 * Workbooks of `gbsim sweep` (and the page's sweeps): one sheet per output, amounts and ratios as
 * numbers with number formats (yuan or 万元), the current values marked, invalid points listed;
 * the cell helpers the years workbook (years-book.ts) shares.
 */
import type ExcelJS from 'exceljs';
import { parseMoney } from '../engine/money.ts';
import type { Issue } from '../format/issues.ts';
import { issueLine } from '../workspace/issue-text.ts';
import { paramValue } from '../display/analysis.ts';
import type { YearsRun } from '../engine/years.ts';
import type { SweepResult } from '../engine/sweep.ts';
import type { TornadoResult } from '../engine/tornado.ts';
import type { OutputKind } from '../engine/sweep-outputs.ts';
import type { ParamInfo } from '../engine/sweep-params.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { newWorkbook, sheetName, styleHeader, toBytes } from './style.ts';
import { outputLabel, paramLabel } from './analysis-words.ts';

export const AMOUNT_FMT = '#,##0.00';
export const RATIO_FMT = '0.0000';
export const PERCENT_FMT = '0.00%';
/** Shows up to 12 decimals of a coefficient or weight, at least 2. */
export const RATE_FMT = '0.00##########';
/** A ratio (a share, a rate of the target, growth) as a percentage, as the app types it: 0.08 → 8.00%, 0.00125 → 0.125%. */
export const PARAM_PERCENT_FMT = '0.00##########%';

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
export const paramFmt = (p: ParamInfo): string => (p.kind === 'amount' ? AMOUNT_FMT : p.kind === 'count' ? '#,##0' : p.percent ? PARAM_PERCENT_FMT : RATE_FMT);

/**
 * A point of a sweep by its parameters' names and values as the tables show them: "年终清算调剂金比例
 * = 2.00%，分配池份额（医院） = 81.00%" (English: "Adjustment fund rate = 2.00%, …").
 */
export function pointName(r: SweepResult, i: number, s: Scenario, lang: Lang, unit: Unit): string {
  const [a, b] = r.axes;
  const one = (ax: SweepResult['axes'][number], v: string) => `${paramLabel(ax.param, s, lang)} = ${paramValue(v, ax.param, unit)}`;
  if (!b) return one(a!, a!.values[i]!);
  const n = b.values.length;
  return `${one(a!, a!.values[Math.floor(i / n)]!)}${lang === 'zh' ? '，' : ', '}${one(b, b.values[i % n]!)}`;
}

export const yearName = (run: YearsRun, k: number): string => String(run.years[k]!.year ?? `year ${run.years[k]!.index}`);

/** A finished sweep or tornado with its heading. */
export type SweepSheet = { name: string; result: SweepResult } | { name: string; result: TornadoResult };

/** One sheet per output (a column for one parameter, a matrix for two); a tornado is one sheet. */
export async function sweepWorkbook(s: Scenario, done: readonly SweepSheet[], lang: Lang, unit: Unit): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  const zh = lang === 'zh';
  const prefix = (d: SweepSheet) => (done.length > 1 ? `${d.name} ` : '');
  const issues: [string, string][] = [];
  const said = (is: readonly Issue[]) => is.map((i) => issueLine(i, lang, s)).join(zh ? '；' : '; ');
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
        for (const i of e.issues) issues.push([`${d.name} ${paramLabel(e.param, s, lang)}`, said([i])]);
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
            i === a!.currentIndex ? (zh ? '当前值' : 'current') : p.values ? '' : (zh ? '无效：' : 'invalid: ') + said(p.issues)]);
          row.getCell(1).numFmt = paramFmt(a!.param);
          row.getCell(2).numFmt = outputFmt(o.kind);
        });
        ws.columns.forEach((c, i) => { c.width = i === 2 ? 40 : 24; });
      } else {
        ws.addRow([`${paramLabel(a!.param, s, lang)} \\ ${paramLabel(b.param, s, lang)}`, ...b.values.map((v) => paramCell(v, b.param, unit))]);
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
    r.points.forEach((p, i) => { if (!p.values) issues.push([`${d.name} ${pointName(r, i, s, lang, unit)}`, said(p.issues)]); });
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
