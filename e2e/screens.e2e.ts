/**
 * Screenshots of every view in Chinese and English at 1440×900 and 1280×720, into
 * test-artifacts/screenshots/<view>-<lang>-<size>.png, for reading them as a finance officer
 * would. Each view is checked for what must never reach a reader: a class / pool code where a
 * name belongs, a rate typed as a fraction, the file's paths.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './session.ts';
import { settled, chartsDrawn } from './harness.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './serve.ts';
import type { Page } from 'playwright-core';

const { start } = useBrowser();

const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;
const VIEWS = ['results', 'params', 'data', 'compare', 'hospital'] as const;

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
          const text = await page.locator('gb-app').innerText();
          if (view === 'params') {
            expect(text).not.toMatch(/hospital, chronic|0\.08\b/);
            expect(await page.locator('gb-field[data-path="policy.deposit.rates.hospital"] input').inputValue()).toBe('8');
          }
          if (view === 'compare') expect(text).not.toMatch(/policy\.\w+\.\w+/);
          if (lang === 'zh') expect(text).not.toMatch(/变体|风险准备金|年终应得|清算差额/);
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
  }, 240_000);
});
