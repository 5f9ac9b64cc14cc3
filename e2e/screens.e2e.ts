/**
 * Screenshots of every view in Chinese and English at 1440×900 and 1280×720, into
 * test-artifacts/screenshots/<view>-<lang>-<size>.png, for reading them as a finance officer
 * would. Each view is checked for what must never reach a reader: a class / pool code where a
 * name belongs, a rate typed as a fraction, the file's paths. And an institution's change of
 * 清算补（扣） between the baseline and a deposit rate of 8% (test-artifacts/screenshots/hospital-change-*).
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './session.ts';
import { settled, chartsDrawn, shot, deepText } from './harness.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './serve.ts';
import type { Page } from 'playwright-core';

const { start } = useBrowser();

const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;
const VIEWS = ['results', 'params', 'data', 'compare', 'hospital', 'years', 'sweeps', 'risk', 'monitor'] as const;
/** Latin words a Chinese page may show: the language switch, the weight formula's functions, file kinds. */
const ZH_LATIN = new Set(['English', 'round', 'floor', 'ceil', 'sqrt', 'xlsx', 'json', 'Excel']);

const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);

describe('every view in both languages at both sizes', () => {
  it('is photographed, and shows names, percentages and no file paths', async () => {
    const { page } = await start();
    await page.getByTestId('new-variant').click();
    await settled(page);
    await act(page, { type: 'edit', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' });
    await settled(page);
    const dir = join(ROOT, 'test-artifacts', 'screenshots');
    await mkdir(dir, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const view of VIEWS) {
          await act(page, { type: 'tab', tab: view });
          await settled(page);
          await chartsDrawn(page);
          // Through the shadow roots: the host's innerText would be empty and the checks below vacuous.
          const text = await deepText(page);
          expect(text.length).toBeGreaterThan(200);
          if (view === 'params') {
            expect(text).not.toMatch(/hospital, chronic|0\.08\b/);
            expect(await page.locator('gb-field[data-path="policy.deposit.rates.hospital"] input').inputValue()).toBe('8');
          }
          if (view === 'compare') expect(text).not.toMatch(/policy\.\w+\.\w+/);
          if (lang === 'zh') {
            expect(text).not.toMatch(/变体|风险准备金|年终应得|清算差额/);
            expect([...new Set(text.match(/[A-Za-z]{4,}/g) ?? [])].filter((w) => !ZH_LATIN.has(w)), view).toEqual([]);
          } else {
            // The UI's own words in English (institution, pool and scenario names are the file's).
            expect(text, view).not.toMatch(/万元|个月|个百分点|合计|预警|（\d+）/);
          }
          if (view === 'results') {
            // The flow ends at what the fund owes institutions, as the summary says.
            const owed = (await page.locator('gb-fund-summary [data-field="hospitalsOwed"]').innerText()).split(' ')[0];
            expect(await page.locator('[data-testid="flow-table"] tr[data-key="hospitalsOwed"] td').nth(1).textContent()).toBe(owed);
          }
          if (view === 'hospital') {
            await expect.poll(() => page.locator('[data-testid^="institution-waterfall-"]').count()).toBe(2);
            await page.locator('[data-testid="institution-waterfall-0"]').scrollIntoViewIfNeeded();
            await chartsDrawn(page);
            await page.screenshot({ path: join(dir, `hospital-waterfalls-${lang}-${size.width}x${size.height}.png`), fullPage: false });
            await page.evaluate(() => window.scrollTo(0, 0));
          }
          await page.screenshot({ path: join(dir, `${view}-${lang}-${size.width}x${size.height}.png`), fullPage: false });
        }
      }
    }
  }, 480_000);

  it('explains an institution’s change of 清算补（扣） when only the deposit rate changes (10% → 8%)', async () => {
    const { page } = await start();
    await page.getByTestId('new-variant').click();
    await settled(page);
    await act(page, { type: 'edit', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' });
    await settled(page);
    await act(page, { type: 'tab', tab: 'hospital' });
    await settled(page);
    const card = page.getByTestId('institution-waterfall-1');
    const cell = (table: string, key: string) => page.locator(`[data-testid="${table}"] tr[data-key="${key}"] td`).nth(1).textContent();
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settled(page);
        await expect.poll(() => card.locator('h2').innerText()).toMatch(lang === 'zh' ? /清算补（扣）为何变化/ : /why the balance due changes/);
        // What is owed does not change, yet the card has steps: the deposit held back from the months, and the advance.
        const keys = await card.locator('tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
        expect(keys[0]).toBe('balanceBefore');
        expect(keys.at(-1)).toBe('balanceAfter');
        expect(keys).toEqual(expect.arrayContaining(['owedBefore', 'owedAfter', 'monthsDeposit', 'advance']));
        expect(await cell('waterfall-table-1', 'owedBefore')).toBe(await cell('waterfall-table-1', 'owedAfter'));
        expect((await cell('waterfall-table-1', 'monthsDeposit'))!.trim()).toMatch(/^[−-]/);
        // It ends at the balance the scenario shown settles: the last bar of its own year.
        expect(await cell('waterfall-table-1', 'balanceAfter')).toBe(await cell('waterfall-table-0', 'balance'));
        expect(await card.innerText()).not.toMatch(/没有变化|does not change/);
        // The figures' table open too, for reading the words beside the chart.
        await card.locator('details').evaluate((d) => { (d as HTMLDetailsElement).open = true; });
        await card.scrollIntoViewIfNeeded();
        await chartsDrawn(page);
        await shot(page, `hospital-change-${lang}-${size.width}x${size.height}`);
      }
    }
  }, 240_000);
});
