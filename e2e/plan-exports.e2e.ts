/**
 * Exports of the planning views in real Chromium (issue 12): the years, the sweeps and the risk
 * run as .xlsx (read back with exceljs in Node: numbers with formats, equal to the Node engine's)
 * and their charts as PNG images.
 */
import { prepareRisk } from '../src/engine/risk/prepare.ts';
import { runDraws } from '../src/engine/risk/kernel.ts';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { exampleScenario } from './helpers.ts';
import { chartsDrawn } from './harness.ts';
import { yearsOutcome } from '../src/engine/years-outcome.ts';

const { start } = useBrowser();

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]) as [Download, void];
  return readFile((await d.path())!);
}

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && b.length > 2000;

describe('planning exports', () => {
  it('years, sweeps and risk as .xlsx with numbers, charts as PNG', async () => {
    const { page } = await start();
    await page.locator('[data-tab="years"]').click();
    await page.waitForFunction(() => { const s = (globalThis as any).__gb.ctl.state; return s.years && !s.years.running && s.years.ws === s.ws; }, undefined, { timeout: 60_000 });
    const wb = await workbook(await download(page, () => page.getByTestId('years-xlsx').click()));
    const fund = wb.worksheets[0]!;
    const out = yearsOutcome(exampleScenario());
    if (!out.ok) throw new Error('years');
    let col = -1;
    for (let c = 1; c <= fund.columnCount; c++) if (/(期末|年末)累计结存/.test(String(fund.getRow(1).getCell(c).value ?? ''))) col = c;
    expect(col).toBeGreaterThan(0);
    expect(fund.getRow(2).getCell(col).value).toBe(Number(out.run.years[0]!.fund.closingBalance) / 10_000);
    expect(fund.getRow(2).getCell(col).numFmt).toContain('0.00');
    await chartsDrawn(page);
    expect(isPng(await download(page, () => page.getByTestId('years-png').click()))).toBe(true);

    await page.locator('[data-tab="sweeps"]').click();
    await page.getByTestId('run-sweep-go').click();
    await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.sweeps.sweep?.status === 'done', undefined, { timeout: 120_000 });
    const sw = await workbook(await download(page, () => page.getByTestId('sweep-xlsx').click()));
    expect(sw.worksheets.length).toBeGreaterThanOrEqual(4);
    const first = sw.worksheets[0]!;
    expect(typeof first.getRow(2).getCell(2).value).toBe('number');
    await chartsDrawn(page);
    expect(isPng(await download(page, () => page.getByTestId('sweep-png').click()))).toBe(true);

    await page.locator('[data-tab="risk"]').click();
    const draws = page.locator('gb-field[data-path="analysis.risk.draws"] input');
    await draws.fill('2000');
    await draws.press('Enter');
    await page.getByTestId('run-risk').click();
    await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.risk?.status === 'done', undefined, { timeout: 120_000 });
    const rk = await workbook(await download(page, () => page.getByTestId('risk-xlsx').click()));
    const pEx = await page.evaluate(() => (globalThis as any).__gb.ctl.state.risk.summary.exhausted.probability as number);
    let found = false;
    rk.worksheets[0]!.eachRow((r) => { if (String(r.getCell(1).value).includes('调剂金用尽')) { found = true; expect(r.getCell(2).value).toBe(pEx); expect(r.getCell(2).numFmt).toBe('0.00%'); } });
    expect(found).toBe(true);
    expect(rk.worksheets[1]!.rowCount).toBe(exampleScenario().hospitals.length + 1);
    // The histograms and every draw, as numbers: the draws equal the kernel's in Node with the same seed, draw by draw.
    expect(rk.worksheets.map((w) => w.name)).toEqual(['概要', '机构风险', '直方图', '逐次抽样']);
    const params = await page.evaluate(() => (globalThis as any).__gb.ctl.state.risk.params);
    const node = runDraws(prepareRisk(exampleScenario(), params).input, 0, 2000);
    const perDraw = rk.getWorksheet('逐次抽样')!;
    expect(perDraw.rowCount).toBe(2001);
    const closing: number[] = [];
    perDraw.eachRow((r, i) => { if (i > 1) closing.push(r.getCell(2).value as number); });
    expect(closing).toEqual(Array.from(node.closing, (x) => x / 1e6));
    expect(perDraw.getRow(2).getCell(2).numFmt).toBe('#,##0.00');
    let binned = 0;
    rk.getWorksheet('直方图')!.eachRow((r, i) => { if (i > 1 && String(r.getCell(1).value).startsWith('年末累计结存')) binned += r.getCell(4).value as number; });
    expect(binned).toBe(2000);
    await chartsDrawn(page);
    expect(isPng(await download(page, () => page.getByTestId('risk-png-closingBalance').click()))).toBe(true);
  });
});
