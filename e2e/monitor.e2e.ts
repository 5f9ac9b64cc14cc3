/**
 * Monitoring in real Chromium (DESIGN §10, issue 13): the example city monitored through June,
 * the warning list read, 5,000,000 元 of one hospital's target moved to its pool from July (the
 * effects shown before accepting, equal to the engine's in Node), July's claims imported from a
 * workbook (the warning list changes and k moves to 7), the monthly report printed and exported.
 * A second flow starts at the beginning of the year (as of 0: nothing known, all projected) and
 * imports January–June from month workbooks, each checked against the engine in Node, before
 * the same steps. Screenshots zh/en at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { chartsDrawn, settled, shot } from './harness.ts';
import { afterRecompute, exampleScenario, state } from './helpers.ts';
import { ROOT } from './serve.ts';
import { addMonth, asOfMonth } from '../src/engine/as-of.ts';
import { monitor } from '../src/engine/monitor.ts';
import { shownMonitor, type ShownMonitor } from '../src/transport/engine-session.ts';
import { previewAdjustment } from '../src/engine/adjust-preview.ts';
import { adjustmentRecords } from '../src/engine/adjust-records.ts';
import { money } from '../src/display/number.ts';
import type { Adjustment, Scenario } from '../src/format/types.ts';

const { start } = useBrowser();

const report = async (page: Page, k: number): Promise<ShownMonitor> => {
  await page.waitForFunction((kk) => {
    const m = (globalThis as any).__gb.ctl.state.monitor;
    return !!m && !m.stale && m.report?.asOf === kk;
  }, k, { timeout: 60_000, polling: 50 });
  return state<ShownMonitor>(page, 'monitor.report');
};
const ids = (r: ShownMonitor) => r.warned.map((w) => w.id);

/** Month k's claims as a bureau's monthly workbook (机构编码, 申报费用), written to test-artifacts. */
async function monthWorkbook(k: number, claims: ReadonlyMap<string, string>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${k}月`);
  ws.addRow(['机构编码', '申报费用']);
  for (const [id, c] of claims) ws.addRow([id, Number(c)]);
  const dir = join(ROOT, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `claims-month-${k}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

/** July's claims: June's again for everyone, three times June's for S06 (a hospital not warned through June). */
async function julyWorkbook(s: Scenario): Promise<{ path: string; claims: Map<string, string> }> {
  const claims = new Map<string, string>();
  for (const h of s.hospitals) {
    const june = BigInt(h.claimsToDate![5]!.replace('.', ''));
    const fen = h.id === 'S06' ? june * 3n : june;
    claims.set(h.id, `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`);
  }
  return { path: await monthWorkbook(7, claims), claims };
}

describe('monitoring: as of June, a mid-year adjustment from July, July imported, the report printed', () => {
  it('the whole flow, checked against the engine in Node', async () => {
    const { page } = await start();
    await page.locator('[data-tab="monitor"]').click();
    await page.getByTestId('monitor').waitFor();
    // A year-end file: not monitored yet; start as of June.
    expect(await page.getByTestId('as-of').innerText()).toContain('尚未按月监测');
    await page.getByTestId('start-month').selectOption('6');
    await afterRecompute(page, () => page.getByTestId('start').click());
    const june = await report(page, 6);
    const cityJune = asOfMonth(exampleScenario(), 6);
    if (!cityJune.ok) throw new Error('as of June');
    const nodeJune = shownMonitor(monitor(cityJune.scenario));
    expect(ids(june)).toEqual(ids(nodeJune));
    expect(await page.getByTestId('as-of').innerText()).toContain('申报数据截至 6 月；7–12 月为预测');
    expect(await page.locator('.months .actual').count()).toBe(6);
    expect(await page.locator('.months .projected').count()).toBe(6);
    await fromJune(page, june, cityJune.scenario);
  });

  it('from the start of the year: January–June imported from month workbooks, then the same steps', async () => {
    const { page } = await start();
    await page.locator('[data-tab="monitor"]').click();
    await page.getByTestId('monitor').waitFor();
    const city = exampleScenario();
    await page.getByTestId('start-month').selectOption('0');
    await afterRecompute(page, () => page.getByTestId('start').click());
    const r0 = await report(page, 0);
    const zero = asOfMonth(city, 0);
    if (!zero.ok) throw new Error('as of 0 refused in Node');
    expect(r0).toEqual(shownMonitor(monitor(zero.scenario)));
    expect(await page.getByTestId('as-of').innerText()).toContain('尚无月度申报数据：1–12 月均为预测');
    expect(await page.locator('.months .actual').count()).toBe(0);
    expect(await page.locator('.months .projected').count()).toBe(12);
    await shot(page, 'monitor-start-of-year-zh-1440');
    let node = zero.scenario;
    let last = r0;
    for (let k = 1; k <= 6; k++) {
      const claims = new Map(city.hospitals.map((h) => [h.id, h.claims![k - 1]!]));
      const path = await monthWorkbook(k, claims);
      await afterRecompute(page, () => page.getByTestId('month-file').setInputFiles(path));
      last = await report(page, k);
      const next = addMonth(node, k, claims);
      if (!next.ok) throw new Error(`month ${k} refused in Node`);
      node = next.scenario;
      // Every figure of the month's report, institution by institution and for the fund, as the engine's.
      expect(last).toEqual(shownMonitor(monitor(node)));
      expect(await page.getByTestId('as-of').innerText()).toContain(`申报数据截至 ${k} 月；${k + 1}–12 月为预测`);
      expect(await page.locator('.months .actual').count()).toBe(k);
      expect(await page.locator('.months .projected').count()).toBe(12 - k);
      expect(await page.locator('[data-testid="warnings"] tbody tr').count()).toBe(last.warned.length);
    }
    // Six months imported are the year-end file as of June, exactly.
    const cityJune = asOfMonth(city, 6);
    if (!cityJune.ok) throw new Error('as of June');
    expect(await state<Scenario>(page, 'ws.baseline')).toEqual(cityJune.scenario);
    expect(ids(last)).toEqual(ids(shownMonitor(monitor(cityJune.scenario))));
    for (const lang of ['zh', 'en'] as const) {
      await page.evaluate((l) => (globalThis as any).__gb.ctl.setLang(l), lang);
      await settled(page);
      await page.screenshot({ path: join(ROOT, 'test-artifacts', 'screenshots', `monitor-imported-june-${lang}-1440x900.png`) });
    }
    expect(await page.getByTestId('as-of').innerText()).toContain('Claims known through month 6; months 7–12 projected');
    await page.evaluate(() => (globalThis as any).__gb.ctl.setLang('zh'));
    await settled(page);
    await fromJune(page, last, cityJune.scenario);
  });
});

/** As of June (however the page got there): the warning list, the adjustment from July, July imported, the report. */
async function fromJune(page: Page, june: ShownMonitor, cityJune: Scenario): Promise<void> {
  expect(await page.getByTestId('warnings-title').innerText()).toBe(`预警名单（${june.warned.length} / 80 家）`);
  expect(await page.locator('[data-testid="warnings"] tbody tr').count()).toBe(june.warned.length);
  expect(ids(june)).not.toContain('S06');
  await shot(page, 'monitor-june-zh-1440');

  // Move 5,000,000 元 of T01's target to the rest of its pool from July.
  await page.getByTestId('adjust').click();
  const dialog = page.getByTestId('adjust-dialog');
  await dialog.waitFor();
  await page.getByTestId('adj-hospital').selectOption('T01');
  await page.getByTestId('adj-amount').fill('-5000000');
  await page.getByTestId('adj-from').selectOption('7');
  await page.getByTestId('adj-reason').fill('心内科病区停诊整改，服务量下降');
  await page.getByTestId('adj-preview').click();
  await page.getByTestId('adj-effects').waitFor({ timeout: 60_000 });
  const adj: Adjustment = { hospital: 'T01', from: 7, change: '-5000000', reason: '心内科病区停诊整改，服务量下降' };
  const node = previewAdjustment(cityJune, adj);
  if (!node.ok) throw new Error('preview refused in Node');
  const rows = await page.locator('[data-testid="adj-effects"] tbody tr').allInnerTexts();
  expect(rows).toHaveLength(node.members.length);
  expect(rows[0]).toContain(money(node.members[0]!.targetAfter, 'wan'));
  expect(rows[0]).toContain('−500.00'); // 万元, the app's default unit
  expect(node.poolBefore).toBe(node.poolAfter);
  expect(await page.getByTestId('adj-pool').innerText()).toContain(money(node.poolAfter, 'wan'));
  // The pool by its name, never its code ("hospitals").
  expect(await page.getByTestId('adj-pool').innerText()).toMatch(/^分配池「医院（含门诊慢特病机构）」：调整前合计 /);
  await shot(page, 'monitor-adjust-dialog-zh-1440');
  await page.evaluate(() => (globalThis as any).__gb.ctl.setLang('en'));
  await expect.poll(() => page.getByTestId('adj-pool').innerText()).toMatch(/^Pool “医院（含门诊慢特病机构）”: /);
  await shot(page, 'monitor-adjust-dialog-en-1440');
  await page.evaluate(() => (globalThis as any).__gb.ctl.setLang('zh'));
  await expect.poll(() => page.getByTestId('adj-pool').innerText()).toMatch(/^分配池「/);
  await afterRecompute(page, () => page.getByTestId('adj-accept').click());
  const adjusted = await state<Adjustment[]>(page, 'ws.baseline.adjustments');
  expect(adjusted).toEqual([adj]);
  await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.monitor?.report?.adjustments?.length === 1, undefined, { timeout: 60_000 });
  expect(await page.getByTestId('adjustments').innerText()).toContain('心内科病区停诊整改');
  // Months already paid never change: T01's budget for January–June is as before.
  const s1 = await state<Scenario>(page, 'ws.baseline');

  // July's claims from a workbook: k moves to 7, S06 joins the warning list.
  const july = await julyWorkbook(s1);
  await afterRecompute(page, () => page.getByTestId('month-file').setInputFiles(july.path));
  const r7 = await report(page, 7);
  const node7 = addMonth(s1, 7, july.claims);
  if (!node7.ok) throw new Error('July refused in Node');
  expect(ids(r7)).toEqual(ids(shownMonitor(monitor(node7.scenario))));
  expect(ids(r7)).toContain('S06');
  expect(ids(r7)).not.toEqual(ids(june));
  expect(await page.getByTestId('as-of').innerText()).toContain('申报数据截至 7 月；8–12 月为预测');
  expect(await page.locator('.months .actual').count()).toBe(7);
  await shot(page, 'monitor-july-zh-1440');

  // The monthly report: exported (.xlsx) and printed.
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-report').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await d.path())!)) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['执行进度', '预警', '基金预测', '年中调整']);
  expect(wb.getWorksheet('预警')!.rowCount).toBe(r7.warned.length + 1);
  expect(wb.getWorksheet('年中调整')!.getRow(2).getCell(7).value).toBe('心内科病区停诊整改，服务量下降');
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
  expect(await page.locator('header').isVisible()).toBe(false);
  expect(await page.getByTestId('adjust').isVisible()).toBe(false);
  await shot(page, 'monitor-print');
  await page.pdf({ path: join(ROOT, 'test-artifacts', 'monitor-report.pdf'), format: 'A4', landscape: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // Looked at in both languages and two window sizes.
  for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const lang of ['zh', 'en'] as const) {
      await page.evaluate((l) => (globalThis as any).__gb.ctl.setLang(l), lang);
      await settled(page);
      await page.screenshot({ path: join(ROOT, 'test-artifacts', 'screenshots', `monitor-${lang}-${w}x${h}.png`) });
      // The warning list fits its card: no column cut off or scrolled out of sight, the last heading within the window.
      const fit = await page.getByTestId('warnings-scroll').evaluate((el) => {
        const last = [...el.querySelectorAll('thead th')].at(-1)!.getBoundingClientRect();
        return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, lastRight: Math.ceil(last.right), boxRight: Math.ceil(el.getBoundingClientRect().right), window: innerWidth };
      });
      expect(fit.scrollWidth, `${lang} ${w}×${h}`).toBeLessThanOrEqual(fit.clientWidth);
      expect(fit.lastRight, `${lang} ${w}×${h}`).toBeLessThanOrEqual(Math.min(fit.boxRight, fit.window));
    }
  }
  expect(await page.getByTestId('as-of').innerText()).toContain('Claims known through month 7; months 8–12 projected');

  // The adjustment as a record in T01's brief and in a pool member's (its part of the change, from the engine).
  const recs = adjustmentRecords(s1);
  const member = recs[0]!.members[0]!;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => (globalThis as any).__gb.ctl.setUnit('yuan'));
  await page.evaluate(() => (globalThis as any).__gb.ctl.openHospital('T01'));
  const briefAdj = page.getByTestId('brief-adjustments');
  await briefAdj.waitFor({ timeout: 60_000 });
  expect(await briefAdj.innerText()).toContain('心内科病区停诊整改');
  expect(await briefAdj.innerText()).toContain('−5,000,000.00');
  await shot(page, 'brief-adjustments-en-1440');
  await page.evaluate((id) => (globalThis as any).__gb.ctl.openHospital(id), member.id);
  await page.locator(`[data-testid="brief"][data-id="${member.id}"]`).waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('brief-adjustments').innerText()).toContain(money(member.change, 'yuan', true));
  // …and in the comparison: the plan without it beside the adjusted one.
  await page.evaluate(() => {
    const c = (globalThis as any).__gb.ctl;
    c.addVariant('Before the adjustment'); c.edit(['adjustments'], []); c.setTab('compare');
  });
  const cmp = page.getByTestId('compare-adjustments');
  await cmp.waitFor({ timeout: 60_000 });
  const row = await cmp.locator('tbody tr').first().innerText();
  expect(row).toContain('T01');
  expect(row).toContain('−5,000,000.00');
  expect(row).toContain('none');
  // The difference chart drawn (it is drawn once changes pause), or its words when no amount changed: never a blank canvas.
  await settled(page);
  await chartsDrawn(page);
  const chart = page.locator('gb-compare [data-testid="compare-chart-card"]');
  expect(await chart.locator('canvas, [data-testid="compare-chart-none"]').count()).toBe(1);
  await shot(page, 'compare-adjustments-en-1440');
}
