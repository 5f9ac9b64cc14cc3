/**
 * Small helpers for writing sheets with exceljs: a header row that is bold and frozen,
 * column widths and number formats, exact amounts as numbers. Browser-safe (no file APIs).
 */
import ExcelJS from 'exceljs';
import { parseMoney } from '../engine/money.ts';
import { cacheStyleIds } from './style-ids.ts';
import { writeRowsDirectly } from './row-xml.ts';

import type { Unit } from '../display/lang.ts';


export const FMT = {
  /** Also for 万元: the cell keeps every digit (fen / 10^6), the format shows 2 decimals. */
  amount: '#,##0.00',
  count: '#,##0',
  ratio: '0.0000',
  points: '#,##0.0000',
  percent: '0.00%',
  months: '0.00',
  text: '@',
} as const;

/** points: 分值/点数, 4 decimals. */
export type Kind = 'amount' | 'count' | 'number' | 'ratio' | 'points' | 'percent' | 'months' | 'text' | 'bool';

export interface Col {
  header: string;
  kind: Kind;
  width?: number;
}

export function numFmtOf(kind: Kind): string | undefined {
  switch (kind) {
    case 'amount': return FMT.amount;
    case 'count': return FMT.count;
    case 'ratio': return FMT.ratio;
    case 'points': return FMT.points;
    case 'percent': return FMT.percent;
    case 'months': return FMT.months;
    case 'text': return FMT.text;
    default: return undefined;
  }
}

/** Width in characters for a header: CJK characters count double. */
export function widthFor(text: string, min = 8, max = 40): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return Math.max(min, Math.min(max, w + 2));
}

/** An exact decimal amount string → a number in the unit (yuan: fen/100; 万元: fen/10^6). */
export function amountValue(s: string | null | undefined, unit: Unit = 'yuan'): number | null {
  if (s === null || s === undefined || s === '') return null;
  const fen = parseMoney(s);
  return unit === 'wan' ? fen / 1e6 : fen / 100;
}

/** A ratio string ("0.1234") → number; difference of two, exact at 4 decimals. */
export function ratioValue(s: string | null | undefined): number | null {
  if (s === null || s === undefined || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Set up columns (width, number format) and a bold, frozen header row; returns the sheet. */
export function tableSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], opts: { unit?: Unit; freezeCols?: number } = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: opts.freezeCols ?? 0, ySplit: 1 }] });
  ws.columns = cols.map((c) => {
    const numFmt = numFmtOf(c.kind);
    return { header: c.header, width: c.width ?? widthFor(c.header), style: numFmt ? { numFmt } : {} };
  });
  styleHeader(ws.getRow(1));
  return ws;
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8899AA' } } };
    cell.numFmt = 'General';
  });
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique within the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Global Budget Simulator';
  return wb;
}

/** Where a streamed workbook goes (a Node writable stream: a file). */
export type WorkbookStream = ExcelJS.stream.xlsx.WorkbookWriterOptions['stream'];

/**
 * A workbook written to `stream` as it is built: each committed row is written out and dropped,
 * so a sheet of 200,000 institutions (or 800,000 monthly rows) never sits in memory as cells.
 * The same sheet code fills it as an in-memory workbook (`commitRow` / `commitSheet` are no-ops
 * there). Node only (the command line).
 */
export function streamingWorkbook(stream: WorkbookStream): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  // The writer's styles are not in exceljs's typings.
  cacheStyleIds((wb as unknown as { styles: Parameters<typeof cacheStyleIds>[0] }).styles);
  const addWorksheet = wb.addWorksheet.bind(wb);
  wb.addWorksheet = (...args: Parameters<typeof addWorksheet>) => {
    const ws = addWorksheet(...args);
    writeRowsDirectly(ws);
    return ws;
  };
  wb.creator = 'Global Budget Simulator';
  return wb;
}

/** A finished row: written out by a streamed workbook (a no-op in memory). */
export function commitRow(row: ExcelJS.Row): ExcelJS.Row {
  row.commit();
  return row;
}

/** A finished sheet: a streamed workbook writes its rows and closes it (in memory there is nothing to do). */
export function commitSheet(ws: ExcelJS.Worksheet): void {
  // The in-memory worksheet has no commit at run time, whatever the typings say.
  (ws as { commit?: () => void }).commit?.();
}

/**
 * A CSV cell a spreadsheet would read as a formula, neutralised with a leading `'` (OWASP's list:
 * `= + - @`, tab, carriage return, with no exemption: `-2+3+cmd|' /C calc'!A0` starts with a
 * digit after its minus, and is prefixed). Only a cell that is wholly a decimal number (an amount
 * such as -5.00 that we wrote) is left as it is: a spreadsheet reads it as that number, and a
 * prefix would turn every overspend into text. In an .xlsx a text cell is a string, never a
 * formula (exceljs writes formulas only from `{ formula }` values), so it needs no prefix there.
 */
export function csvSafe(cell: string): string {
  return FORMULA_START.test(cell) && !DECIMAL.test(cell) ? `'${cell}` : cell;
}
const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
