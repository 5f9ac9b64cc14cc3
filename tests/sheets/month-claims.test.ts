/** A month's claims from a workbook: codes and amounts, and (for pools settled by points) the month's raw points; bad cells by row and column. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readMonthClaims } from '../../src/sheets/month-claims.ts';

async function book(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('7月');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a month’s claims workbook', () => {
  it('reads claims and the optional points column', async () => {
    const r = await readMonthClaims(await book([['机构编码', '申报费用', '点数'], ['T01', 1234.5, 9876.5432], ['S01', '200.00', null]]), 'm7.xlsx');
    expect(r).toEqual({ ok: true, claims: [['T01', '1234.50'], ['S01', '200.00']], points: [['T01', '9876.5432']], problems: [] });
  });
  it('refuses points with more than 4 decimals or below zero, naming row and column', async () => {
    const r = await readMonthClaims(await book([['机构编码', '申报费用', '点数'], ['T01', 1, '1.23456'], ['T02', 1, -3]]), 'm7.xlsx');
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[2, '点数'], [3, '点数']]);
    expect(r.problems[0]!.zh).toContain('至多 4 位小数');
  });
});
