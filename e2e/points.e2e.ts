/**
 * A city whose hospitals' pool is settled by points (issue 11, views), in real Chromium: the
 * variant shows the pool's budget and settlement point values (元/分 to 4 decimals) and each
 * institution's points, share and payment rate, exactly as the engine in Node gives them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot } from './harness.ts';
import { saveWorkspace } from '../src/workspace/file.ts';
import { scenarioOf } from '../src/workspace/workspace.ts';
import { runScenario } from '../src/engine/run.ts';
import { percent, plain } from '../src/display/number.ts';
import { cityPointsWorkspace } from './points-fixture.ts';

const { start } = useBrowser();
const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);
const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;

describe('a pool settled by points', () => {
  it('shows the point values and each institution’s points and payment rate', async () => {
    const { ws, id } = cityPointsWorkspace();
    const want = runScenario(scenarioOf(ws, id));
    const pool = want.fund.pools[0]!;
    const { page } = await start();
    await page.getByTestId('open-file').setInputFiles({ name: 'city-points.gbsim.json', mimeType: 'application/json', buffer: Buffer.from(saveWorkspace(ws)) });
    await settled(page);
    await page.getByTestId('active-scenario').selectOption(id);
    await settled(page);

    const box = page.locator('gb-fund-summary [data-testid="fund-points"]');
    await expect.poll(() => box.locator('dd[data-field="pointValue"]').innerText()).toContain(plain(pool.pointValue, 4));
    expect(await box.locator('dd[data-field="budgetPointValue"]').innerText()).toContain(plain(pool.budgetPointValue, 4));
    expect(await box.innerText()).toContain('元/分');

    // The institution with the most points first: its points, share and payment rate as the engine gives them.
    await page.locator('gb-hospital-table button[data-sort="points"]').click();
    const top = [...want.hospitals].filter((h) => h.points !== null).sort((a, b) => Number(b.points) - Number(a.points))[0]!;
    const row = page.locator(`gb-hospital-table tr[data-row="${top.id}"]`);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toContain(plain(top.points, 4));
    expect(cells).toContain(percent(top.pointShare, 4));
    expect(cells).toContain(percent(top.paymentRate, 2));

    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settled(page);
        await page.waitForTimeout(300);
        await shot(page, `points-results-${lang}-${size.width}x${size.height}`);
      }
    }
  });
});
