/**
 * A sheet's rows are counted before it is parsed (zip-bounds.ts checkInflated): a sheet filled to
 * Excel's 1,048,576 rows is refused with its size in words, not parsed for minutes (bench/sheets.ts
 * times that one). Here the same path at 3,000 rows with a smaller bound.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInflated, MAX_SHEET_ROWS } from '../../src/sheets/zip-bounds.ts';
import { readSheets } from '../../src/sheets/read.ts';

async function sheetOf(rows: number): Promise<Uint8Array> {
  const file = join(mkdtempSync(join(tmpdir(), 'gbsim-rows-')), 'rows.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('定点机构数据');
  ws.addRow(['机构编码', '机构名称', '级别']).commit();
  for (let i = 1; i < rows; i++) ws.addRow([`N${i}`, `机构${i}`, '一级']).commit();
  ws.commit();
  wb.addWorksheet('说明').addRow(['说明']).commit();
  await wb.commit();
  return readFileSync(file);
}

describe('rows counted before a sheet is parsed', () => {
  it('counts every row with cells, and refuses past the bound with the size in words', async () => {
    const b = await sheetOf(3000);
    expect((await checkInflated(b, 3000)).ok).toBe(true);
    const over = await checkInflated(b, 2999);
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(over.reason.zh).toContain('超过 2,999 行数据');
    expect(over.reason.en).toContain('more than 2,999 rows of data');
    expect(MAX_SHEET_ROWS).toBeGreaterThanOrEqual(200_000);
  });

  it('readSheets refuses such a workbook before exceljs reads it, and reads it under the bound', async () => {
    const b = await sheetOf(3000);
    const refused = await readSheets(b, 'rows.xlsx', 2000);
    expect(refused).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('一个方案最多 200,000 家机构') } });
    const read = await readSheets(b, 'rows.xlsx');
    expect(read.ok && read.sheets[0]!.rows.length).toBe(3000);
  });
});
