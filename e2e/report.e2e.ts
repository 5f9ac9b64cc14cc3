/**
 * The fund report (基金预算执行与清算报告, issue 10) in real Chromium: opened from the results
 * tab, every table cell equal to the report the Node engine builds for the same scenario (zh, 万元;
 * en, 元), printed (print media: no app around it, a PDF of A4 pages kept), and photographed in
 * both languages at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shownFingerprint } from './harness.ts';
import { plain } from '../src/display/number.ts';
import { exampleScenario } from './helpers.ts';
import { ROOT } from './serve.ts';
import { loadScenario } from '../src/scenario/open.ts';
import { runScenario } from '../src/engine/run.ts';
import { fingerprint } from '../src/engine/fingerprint.ts';
import { fundReport, reportInputOf } from '../src/engine/fund-report.ts';
import { fundReportView } from '../src/sheets/fund-report.ts';
import type { Lang, Unit } from '../src/display/lang.ts';

const { start } = useBrowser();
const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);

/** Every section's tables as the page shows them: [section id, caption, head, rows]. */
function shownTables(page: Page) {
  return page.getByTestId('fund-report').evaluate((el) => [...el.querySelectorAll('section')].map((s) => [s.dataset.section,
    [...s.querySelectorAll('table')].map((t) => [t.querySelector('caption')?.textContent ?? '', [...t.querySelectorAll('th')].map((x) => x.textContent),
      [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((x) => x.textContent))])]));
}

function expected(lang: Lang, unit: Unit) {
  const v = loadScenario(JSON.stringify(exampleScenario()));
  if (!v.ok) throw new Error('example invalid');
  const r = runScenario(v.scenario);
  const view = fundReportView(fundReport(v.scenario, reportInputOf(r)), v.scenario, { scenarioName: '', fingerprint: null, printed: '' }, lang, unit);
  return view.sections.map((s) => [s.id, s.tables.map((t) => [t.caption ?? '', t.head, t.rows.map((x) => x.cells)])]);
}

describe('the fund report', () => {
  it('opens from the results tab, shows the Node engine’s figures (zh 万元, en 元), prints on A4 and is photographed', async () => {
    const { page } = await start();
    await page.getByTestId('open-report-results').click();
    await page.getByTestId('fund-report').waitFor({ timeout: 30_000 });
    expect(await page.locator('main').isVisible()).toBe(false);
    expect(await shownTables(page)).toEqual(expected('zh', 'wan'));
    const text = await page.getByTestId('fund-report').innerText();
    expect(text).toContain('基金预算执行与清算报告');
    expect(text).toContain('合计（基金支出预算）');
    expect(text).not.toMatch(/DESIGN|§|policy\.|年终应得/);
    // Sections numbered in order as printed: no 四 skipped where no pool is settled by points.
    const heads = () => page.getByTestId('fund-report').locator('section h2').allInnerTexts();
    expect(await heads()).toEqual(['一、基金收支与预算', '二、清算结果汇总', '三、超支与结余较大的机构', '四、适用规则与说明']);
    // The fingerprint is hashed once edits pause (runs/scheduler.ts): the report shows it when it comes.
    const shownFp = () => page.evaluate(() => (globalThis as any).__gb.ctl.state.cols[(globalThis as any).__gb.ctl.state.active].view.fingerprint as string | null);
    await expect.poll(shownFp, { timeout: 30_000 }).not.toBeNull();
    const fp = (await shownFp())!;
    await expect.poll(() => page.getByTestId('report-fingerprint').innerText(), { timeout: 10_000 }).toContain(fp);
    expect(fp).toBe(fingerprint(runScenario(exampleScenario())));

    const dir = join(ROOT, 'test-artifacts', 'screenshots');
    await mkdir(dir, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      await page.waitForFunction((l) => document.querySelector('gb-app')?.shadowRoot?.querySelector('gb-fund-report')?.shadowRoot?.querySelector('[data-testid=fund-report]')?.getAttribute('lang')?.startsWith(l === 'zh' ? 'zh' : 'en'), lang);
      for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(size);
        await page.screenshot({ path: join(dir, `fund-report-${lang}-${size.width}x${size.height}.png`), fullPage: false });
      }
    }
    await act(page, { type: 'unit', unit: 'yuan' });
    await page.waitForFunction(() => document.querySelector('gb-app')?.shadowRoot?.querySelector('gb-fund-report')?.shadowRoot?.querySelector('[data-section=rules]')?.textContent?.includes('Amounts in yuan,'));
    expect(await shownTables(page)).toEqual(expected('en', 'yuan'));
    expect((await heads()).map((h) => h.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.']);

    // Print: the report alone on A4 pages, its bar hidden; in English and 元, its widest form.
    await page.setViewportSize({ width: 1123, height: 794 }); // landscape A4 at 96 dpi, the report's named page (print.css)
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    expect(await page.locator('gb-toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('fund-report').isVisible()).toBe(true);
    await page.screenshot({ path: join(dir, 'fund-report-print.png'), fullPage: true });
    const pdfPath = join(ROOT, 'test-artifacts', 'fund-report.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The pages are landscape A4 (841.89 × 595.28 pt), as the report's named page asks.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b).toEqual([842, 595]);
    // Nothing wider than the page: the report fits the landscape width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1123);
    // One page at least per section (each begins a page).
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(4);
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('report-close').click();
    await page.locator('main').waitFor({ state: 'visible' });
    expect(await page.getByTestId('fund-report').count()).toBe(0);
  });

  it('the points example: its pool’s point values (元/分, 4 decimals) as the Node report gives them, photographed zh / en', async () => {
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await page.waitForFunction(() => { const s = (globalThis as any).__gb.ctl.state; return s.active !== 'baseline' && s.ws.variants.some((v: { id: string }) => v.id === s.active); }, undefined, { timeout: 60_000 });
    await settled(page);
    const v = loadScenario(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8'));
    if (!v.ok) throw new Error('city-points invalid');
    const r = runScenario(v.scenario);
    // The variant shown is city-points.json: the same result, to its fingerprint.
    expect(await shownFingerprint(page)).toBe(fingerprint(r));
    const pointsOf = (lang: Lang) => fundReportView(fundReport(v.scenario, reportInputOf(r)), v.scenario, { scenarioName: '', fingerprint: null, printed: '' }, lang, 'wan')
      .sections.find((x) => x.id === 'points')!.tables.map((t) => [t.caption ?? '', t.head, t.rows.map((x) => x.cells)]);
    await act(page, { type: 'openReport' });
    await page.getByTestId('fund-report').waitFor({ timeout: 30_000 });
    const section = page.locator('[data-testid="fund-report"] section[data-section="points"]');
    const shown = () => section.evaluate((s) => [...s.querySelectorAll('table')].map((t) => [t.querySelector('caption')?.textContent ?? '',
      [...t.querySelectorAll('th')].map((x) => x.textContent), [...t.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((x) => x.textContent))]));
    expect(await shown()).toEqual(pointsOf('zh'));
    // The budget and settlement point values of each points pool: 4 decimals, 元/分, the engine's.
    const pools = r.fund.pools.filter((p) => p.pointValue !== null && p.pointValue !== undefined);
    expect(pools.length).toBeGreaterThan(0);
    const head = await section.locator('thead th').allTextContents();
    const rows = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((x) => x.textContent ?? '')));
    const budgetCol = head.indexOf('预算点值（元/分）');
    const valueCol = head.indexOf('年度清算点值（元/分）');
    expect(budgetCol).toBeGreaterThan(0);
    expect(valueCol).toBeGreaterThan(0);
    for (const [i, p] of pools.entries()) {
      expect(rows[i]![valueCol]).toBe(plain(p.pointValue!, 4));
      expect(rows[i]![budgetCol]).toBe(plain(p.budgetPointValue!, 4));
      expect(rows[i]![valueCol]).toMatch(/^\d[\d,]*\.\d{4}$/);
    }

    const dir = join(ROOT, 'test-artifacts', 'screenshots');
    await mkdir(dir, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      await page.waitForFunction((l) => document.querySelector('gb-app')?.shadowRoot?.querySelector('gb-fund-report')?.shadowRoot?.querySelector('[data-testid=fund-report]')?.getAttribute('lang')?.startsWith(l), lang);
      expect(await shown()).toEqual(pointsOf(lang));
      for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(size);
        await section.scrollIntoViewIfNeeded();
        // The whole table within the window: nothing cut off or scrolled out of sight.
        const fit = await section.locator('.wide').evaluate((el) => [el.scrollWidth, el.clientWidth]);
        expect(fit[0], `${lang} ${size.width}`).toBeLessThanOrEqual(fit[1]!);
        await page.screenshot({ path: join(dir, `fund-report-points-${lang}-${size.width}x${size.height}.png`), fullPage: false });
      }
    }
  });
});
