/**
 * The institution tab of a member of a pool settled by points (issue 11), in real Chromium: its
 * waterfall runs from the pool shared by its points to its entitlement (点数法应得额), its months
 * are the monthly pre-settlement (月度预结算) less the deposit withheld, and its change against the
 * per-target baseline names the steps for both — with the engine's figures in Node.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser } from './session.ts';
import { chartsDrawn, settled, shot } from './harness.ts';
import { ROOT } from './serve.ts';
import { runScenario } from '../src/engine/run.ts';
import { money } from '../src/display/number.ts';
import type { Scenario } from '../src/format/types.ts';

const { start } = useBrowser();
const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);
const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;
const cells = async (page: Page, table: string, key: string) =>
  (await page.locator(`[data-testid="${table}"] tr[data-key="${key}"] td`).allTextContents()).map((c) => c.trim());

describe('the institution tab of a points member', () => {
  it('says points in its waterfall and months, with the engine’s points figures', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const want = runScenario(points);
    const byPoints = new Set(want.fund.pools.filter((p) => p.settlement === 'points').map((p) => p.id));
    const h = want.hospitals.find((x) => byPoints.has(x.pool))!;
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);
    await act(page, { type: 'tab', tab: 'hospital' });
    await act(page, { type: 'hospital', id: h.id });
    await page.locator('[data-testid="monthly"][data-by="points"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('waterfall-table-1').waitFor({ state: 'attached', timeout: 60_000 });

    // Its year (unit 万元, the default): the engine's entitlement, pool share and payments, in points words.
    expect(await cells(page, 'waterfall-table-0', 'allocatedTarget')).toEqual(['分配池按点数分摊', money(h.allocatedTarget, 'wan'), money(h.allocatedTarget, 'wan')]);
    expect((await cells(page, 'waterfall-table-0', 'target')).slice(0, 2)).toEqual(['点数法应得额', money(h.target, 'wan')]);
    expect((await cells(page, 'waterfall-table-0', 'paidTotal')).slice(0, 2)).toEqual(['月度预结算已拨付', money(`-${h.paidTotal}`, 'wan', true)]);
    const year = (await page.getByTestId('waterfall-table-0').textContent()) ?? '';
    expect(year).not.toMatch(/总额控制指标|分配指标|月度拨付/);
    expect(year).toMatch(/结余（低于应得额）|超支（高于应得额）/);
    // Against the per-target baseline: the steps that differ in kind are named for both.
    expect((await cells(page, 'waterfall-table-1', 'allocatedTarget'))[0]).toBe('分配指标／按点数分摊');
    expect((await cells(page, 'waterfall-table-1', 'monthsTarget'))[0]).toBe('月度拨付：指标／应得额');

    // Its months: pre-settlement, the deposit withheld from it, what was paid.
    const monthly = page.getByTestId('monthly');
    expect(await monthly.locator('h2').innerText()).toBe('月度申报 / 预结算拨付 / 月度预结算 (万元)');
    const row = async (r: string) => (await monthly.locator(`tr[data-row="${r}"] td`).allTextContents()).map((c) => c.trim());
    expect(await row('monthlyBudget')).toEqual(h.monthlyBudget.map((x) => money(x, 'wan')));
    expect(await row('withheld')).toEqual(h.withheld.map((x) => money(x, 'wan')));
    expect(await row('paid')).toEqual(h.paid.map((x) => money(x, 'wan')));
    expect(await monthly.locator('tr[data-row="withheld"] th').textContent()).toBe('按月预留保证金');
    // The brief's months say the same: pre-settlement, the deposit withheld from it, what it paid.
    const brief = page.getByTestId('brief-deposit');
    expect(await brief.locator('h3').innerText()).toBe('保证金与月度预结算');
    expect(await brief.locator('tbody th').allInnerTexts()).toEqual(['月度预结算', '月度申报', '按月预留保证金', '预结算拨付']);
    expect(await brief.locator('p.kv').innerText()).toContain(`月度预结算已拨付 ${money(h.paidTotal, 'wan')}`);

    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      await settled(page);
      if (lang === 'en') {
        expect((await cells(page, 'waterfall-table-0', 'target'))[0]).toBe('Entitlement by points');
        expect(await monthly.locator('h2').innerText()).toBe('Claims / Paid on pre-settlement / Monthly pre-settlement (10k yuan)');
      }
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await chartsDrawn(page);
        await page.getByTestId('institution-waterfall-0').scrollIntoViewIfNeeded();
        await shot(page, `points-institution-${lang}-${size.width}x${size.height}`);
      }
    }

    // A per-target institution of the same scenario keeps the target's words.
    const other = want.hospitals.find((x) => !byPoints.has(x.pool))!;
    await act(page, { type: 'lang', lang: 'zh' });
    await act(page, { type: 'hospital', id: other.id });
    await page.locator('[data-testid="monthly"][data-by="target"]').waitFor({ timeout: 60_000 });
    expect((await cells(page, 'waterfall-table-0', 'target'))[0]).toBe('总额控制指标');
  }, 180_000);

  it('the comparison with the per-target baseline: the metric is 总额控制指标/应得额, the catalogue reads by its count', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);
    await act(page, { type: 'tab', tab: 'compare' });
    const gains = page.locator('gb-compare-hospitals [data-testid="gains-1"]');
    await gains.waitFor({ timeout: 60_000 });
    expect(await gains.locator('h3').innerText()).toMatch(/^谁得益、谁受损：总额控制指标\/应得额（/);
    expect(await page.locator('gb-compare-hospitals select#metric option[value="target"]').textContent()).toBe('总额控制指标/应得额');
    const cat = page.locator('gb-source-diff tr[data-path="catalogue"]');
    expect(await cat.innerText()).toContain(`${points.catalogue!.length} 项`);
    expect(await cat.innerText()).not.toContain('∞');
    await act(page, { type: 'lang', lang: 'en' });
    await settled(page);
    expect(await gains.locator('h3').innerText()).toMatch(/^Who gains, who loses: Target \/ entitlement \(/);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await chartsDrawn(page);
      await shot(page, `points-compare-words-en-${size.width}x${size.height}`);
    }
  }, 180_000);
});
