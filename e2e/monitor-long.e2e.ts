/**
 * A long warning list on the monitoring tab: the first 100 lines are on the page, the list grows
 * as it is scrolled to its end, every line is there when the page is printed, and the lines are
 * the engine's warned institutions in its order (most overspent first).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { shot } from './harness.ts';
import { synthCity } from '../bench/synth.ts';
import { monitor } from '../src/engine/monitor.ts';

const { start } = useBrowser();

const rows = (page: Page) => page.locator('[data-testid="warnings"] tbody tr');
const rowIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));

describe('a long warning list', () => {
  it('shows 100 lines, grows as it is scrolled, prints whole', async () => {
    const { page } = await start();
    const city = synthCity(700, 42);
    const warned = monitor(city);
    const ids = warned.warningList.map((i) => warned.rows[i]!.id);
    expect(ids.length).toBeGreaterThan(150);
    await page.getByTestId('open-file').setInputFiles({ name: 'city700.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(city)) });
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline.hospitals.length), { timeout: 60_000 }).toBe(700);
    await page.locator('[data-tab="monitor"]').click();
    await expect.poll(() => rows(page).count(), { timeout: 60_000 }).toBe(100);
    expect(await page.getByTestId('warnings-title').innerText()).toBe(`预警名单（${ids.length} / 700 家）`);
    expect(await rowIds(page)).toEqual(ids.slice(0, 100));

    // Scrolled to its end: 100 more (or all there are).
    await page.getByTestId('warnings-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(() => rows(page).count()).toBe(Math.min(200, ids.length));
    expect(await rowIds(page)).toEqual(ids.slice(0, Math.min(200, ids.length)));
    await shot(page, 'monitor-long-zh-1440');

    // Printing lays out every line; after it, the list is as it was.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => rows(page).count()).toBe(ids.length);
    expect(await rowIds(page)).toEqual(ids);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => rows(page).count()).toBe(Math.min(200, ids.length));
  });
});
