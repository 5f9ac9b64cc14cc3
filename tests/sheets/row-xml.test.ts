import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cacheStyleIds } from '../../src/sheets/style-ids.ts';
import { writeRowsDirectly } from '../../src/sheets/row-xml.ts';
import { styleHeader } from '../../src/sheets/style.ts';

/** One streamed workbook's parts (but its dates), written with or without the direct row writer and the style cache. */
async function parts(direct: boolean): Promise<Record<string, string>> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  if (direct) cacheStyleIds((wb as unknown as { styles: Parameters<typeof cacheStyleIds>[0] }).styles);
  for (const name of ['a', 'b']) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    if (direct) writeRowsDirectly(ws);
    ws.columns = [{ header: '代码', width: 12, style: { numFmt: '@' } }, { header: 'Amount', width: 14, style: { numFmt: '#,##0.00' } },
      { header: 'Ratio', style: { numFmt: '0.0000' } }, { header: 'Flag' }, { header: 'Note' }];
    styleHeader(ws.getRow(1));
    ws.getRow(1).commit();
    const values: unknown[][] = [
      ['H001', 1234.56, 0.1234, true, 'plain'],
      ['H002', -0.01, null, false, 'a <b> & "c" \'d\''],
      ['H003', 1e21, 5e-7, null, ''],
      [null, null, null, null, null],
      ['H004', 0, 1, true, 'H001'],
      ['日期', new Date(Date.UTC(2025, 0, 31)), 2, false, 'a date: exceljs writes this row'],
      ['公式', { formula: 'B2+B3', result: 3 }, 3, true, 'a formula'],
      ['H005', 7, 8, false, 'after the others'],
    ];
    for (const [k, v] of values.entries()) {
      const row = ws.addRow(v);
      if (k === 1) row.font = { bold: true };
      if (k === 2) row.getCell(5).alignment = { wrapText: true };
      if (k === 4) row.height = 30;
      row.commit();
    }
    const sparse = ws.addRow([]);
    sparse.getCell(3).value = 9;
    sparse.getCell(5).numFmt = '0.00%';
    sparse.commit();
    ws.commit();
  }
  await wb.commit();
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const out: Record<string, string> = {};
  for (const f of Object.keys(zip.files).filter((f) => f !== 'docProps/core.xml' && !zip.files[f]!.dir)) out[f] = await zip.file(f)!.async('string');
  return out;
}

describe('rows written directly', () => {
  it('make the very parts exceljs writes itself: cells, styles, shared strings', async () => {
    const [own, direct] = await Promise.all([parts(false), parts(true)]);
    expect(Object.keys(direct).sort()).toEqual(Object.keys(own).sort());
    for (const f of Object.keys(own)) expect(direct[f], f).toBe(own[f]);
    // The rows under test are there: numbers, shared strings, booleans, an empty styled cell.
    expect(own['xl/worksheets/sheet1.xml']).toMatch(/<c r="B2" s="\d+"><v>1234\.56<\/v><\/c>/);
    expect(own['xl/worksheets/sheet1.xml']).toMatch(/t="b"><v>1<\/v>/);
  });
});
