/**
 * `npx tsx bench/sheets.ts`: spreadsheets at the sheet's maximum. Each workbook is generated with
 * exceljs' streaming writer into a temporary folder (never committed) and removed after.
 * - sheet-refuse-1048576: readSheets on a 1,048,576-row sheet (3 short columns, 44 MB packed,
 *   176 MB of XML, under the 300 MB unpacked bound): refused by its row count before exceljs
 *   parses it. Before the count, parsing it took 147 s and 2.7 GB (gbsim import, 2026-12-02);
 * - sheet-read-100000: readSheets on 100,000 rows of the template's eight columns (a large
 *   region's institutions), the time an accepted big sheet takes to parse.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheets } from '../src/sheets/read.ts';
import { printFigure } from './print.ts';

const HEAD = ['机构编码', '机构名称', '级别', '类别', '机构类型', '2022年基金支出', '2023年基金支出', '2024年基金支出'];

async function workbook(dir: string, rows: number, wide: boolean): Promise<Uint8Array> {
  const file = join(dir, `rows-${rows}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('定点机构数据');
  ws.addRow(wide ? HEAD : HEAD.slice(0, 3)).commit();
  for (let i = 1; i < rows; i++) ws.addRow(wide ? [`N${i}`, `机构${i}`, '一级', '综合', '医院', 1000 + i, 1100 + i, 1200 + i] : [`N${i}`, 'a', 'b']).commit();
  ws.commit();
  await wb.commit();
  return readFileSync(file);
}

async function timed(name: string, bytes: Uint8Array, expectOk: boolean): Promise<void> {
  const t0 = performance.now();
  const r = await readSheets(bytes, 'bench.xlsx');
  const ms = performance.now() - t0;
  if (r.ok !== expectOk) throw new Error(`${name}: ${r.ok ? 'read' : r.reason.en}`);
  printFigure(name, ms, 'ms');
}

const dir = mkdtempSync(join(tmpdir(), 'gbsim-bench-sheets-'));
try {
  await timed('sheet-refuse-1048576', await workbook(dir, 1_048_576, false), false);
  await timed('sheet-read-100000', await workbook(dir, 100_000, true), true);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
