/**
 * The several-years workbook (sheets/years-book.ts), opened back with exceljs: one scenario's
 * sheets as before; with several, their fund paths side by side (a row per year, numbers with
 * formats, the differences exact), their run parameters, and each one's sheets under its name.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { yearsBook, type YearsBookEntry } from '../../src/sheets/years-book.ts';
import { yearsWorkbookOf } from '../../src/sheets/plan-export.ts';
import { yearsOutcome } from '../../src/engine/years-outcome.ts';
import { parseMoney } from '../../src/engine/money.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import type { Scenario } from '../../src/format/types.ts';

const city = (): Scenario => {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city invalid');
  return r.scenario;
};

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const entry = (name: string, s: Scenario): YearsBookEntry => ({ name, scenario: s, outcome: yearsOutcome(s) });
const FIGURES = ['Fund path', 'target', 'claims', 'actual', 'reward', 'fund share', 'owed', 'next base'];

describe('years workbook', () => {
  const base: Scenario = { ...city(), analysis: { years: { years: 3, baseRule: 'actual' } } };
  const variant: Scenario = { ...base, analysis: { years: { years: 4, baseRule: 'target', budgetGrowth: '0.03' } } };

  it('one scenario: the fund path and one sheet per institution figure, numbers with formats', async () => {
    const e = entry('基线', base);
    if (!e.outcome.ok) throw new Error('years');
    const wb = await open(await yearsBook([e], 'en', 'yuan'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(FIGURES);
    const fund = wb.getWorksheet('Fund path')!;
    expect(fund.rowCount).toBe(4);
    expect(fund.getRow(1).getCell(10).value).toBe('closing balance');
    const closing = fund.getRow(3).getCell(10);
    expect(closing.value).toBe(Number(e.outcome.run.years[1]!.fund.closingBalance));
    expect(closing.numFmt).toBe('#,##0.00');
    expect(fund.getRow(2).getCell(14).value).toBe(e.outcome.fingerprints[0]);
    const owed = wb.getWorksheet('owed')!;
    expect(owed.getRow(2).getCell(1).value).toBe(base.hospitals[0]!.id);
    expect(owed.getRow(2).getCell(4).value).toBe(e.outcome.run.years[1]!.columns.owed[0]! / 100);
  });

  it('several scenarios: fund paths side by side a row per year, run parameters, each one\'s sheets under its name', async () => {
    const entries = [entry('基线', base), entry('按指标', variant)];
    const [a, b] = entries.map((e) => (e.outcome.ok ? e.outcome.run : null));
    if (!a || !b) throw new Error('years');
    const wb = await open(await yearsBook(entries, 'zh', 'wan'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['方案对比', '测算参数',
      ...['基线', '按指标'].flatMap((n) => ['基金运行', '总额控制指标', '全年申报', '实际发生', '结余留用', '基金分担', '年终应付', '下年基数'].map((f) => `${n} ${f}`))]);
    const cmp = wb.getWorksheet('方案对比')!;
    const head = (cmp.getRow(1).values as unknown[]).slice(1);
    expect(head[0]).toBe('年度（金额单位：万元）');
    expect(head.slice(1, 4)).toEqual(['基线 年末累计结存', '基线 可支付月数', '基线 当年结存率']);
    expect(head.slice(4, 7)).toEqual(['按指标 年末累计结存', '按指标 可支付月数', '按指标 当年结存率']);
    expect(head[7]).toBe('按指标 减 基线 的年末累计结存');
    // A row per year of the longest run (the variant's 4); the baseline's 3 years leave its fourth empty.
    const years = [2, 3, 4, 5].map((r) => cmp.getRow(r).getCell(1).value);
    expect(years).toEqual(['2025', '2026', '2027', '2028']);
    for (let k = 0; k < 4; k++) {
      const row = cmp.getRow(k + 2);
      const ya = a.years[k], yb = b.years[k]!;
      expect(row.getCell(2).value).toBe(ya ? parseMoney(ya.fund.closingBalance) / 1e6 : null);
      expect(row.getCell(5).value).toBe(parseMoney(yb.fund.closingBalance) / 1e6);
      expect(row.getCell(6).value).toBe(yb.fund.monthsOfCoverage === null ? null : Number(yb.fund.monthsOfCoverage));
      expect(row.getCell(7).value).toBe(Number(yb.fund.currentSurplusRate));
      expect(row.getCell(8).value).toBe(ya ? (parseMoney(yb.fund.closingBalance) - parseMoney(ya.fund.closingBalance)) / 1e6 : null);
      expect(row.getCell(5).numFmt).toBe('#,##0.00');
      expect(row.getCell(6).numFmt).toBe('0.0000');
      expect(row.getCell(7).numFmt).toBe('0.00%');
      expect(row.getCell(8).numFmt).toBe('#,##0.00');
    }
    expect(typeof cmp.getRow(2).getCell(2).value).toBe('number');
    expect(cmp.getRow(5).getCell(2).value).toBeNull();
    // Year one is the same scenario under both rules: no difference yet.
    expect(cmp.getRow(2).getCell(8).value).toBe(0);
    const params = wb.getWorksheet('测算参数')!;
    expect((params.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['基线', 3, '按实际发生', 0, 0, '以后各年保持', 6, 3]);
    expect((params.getRow(3).values as unknown[]).slice(1, 9)).toEqual(['按指标', 4, '按总额控制指标', 0.03, 0, '以后各年保持', 6, 4]);
    expect(params.getRow(3).getCell(4).numFmt).toBe('0.00%');
    // Each scenario's own figures, under its name.
    const tgt = wb.getWorksheet('按指标 总额控制指标')!;
    expect(tgt.getRow(2).getCell(6).value).toBe(b.years[3]!.columns.target[0]! / 1e6);
  });

  it('the page\'s export: the scenario shown first, a compared one that cannot be opened is named with why', async () => {
    const wb = await open(await yearsWorkbookOf([{ name: '基线', scenario: base }, { name: '坏方案', scenario: null, problem: 'budget: not a number' }], 'en', 'yuan'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scenarios compared', 'Run parameters', ...FIGURES.map((f) => `基线 ${f}`)]);
    const cmp = wb.getWorksheet('Scenarios compared')!;
    expect(cmp.rowCount).toBe(4);
    expect(cmp.getRow(2).getCell(5).value).toBeNull();
    expect(String(wb.getWorksheet('Run parameters')!.getRow(3).getCell(9).value)).toBe('cannot run: budget: not a number');
    await expect(yearsWorkbookOf([{ name: 'x', scenario: null, problem: 'broken' }], 'en', 'yuan')).rejects.toThrow('broken');
  });
});
