/**
 * The point-inflation what-if (issue 11, DESIGN §7) in real Chromium: the points example opened
 * from the toolbar, tertiary hospitals reporting 5% more points; the point value before and after
 * and every institution's entitlement and change are the engine's in Node (engine/point-inflation.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser } from './session.ts';
import { settled, shot, chartsDrawn } from './harness.ts';
import { ROOT } from './serve.ts';
import { pointInflation } from '../src/engine/point-inflation.ts';
import { money, plain } from '../src/display/number.ts';
import type { Scenario } from '../src/format/types.ts';

const { start } = useBrowser();
const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);

describe('point inflation what-if', () => {
  it('tertiary +5%: the point value falls, tertiary hospitals gain what the others lose, as in Node', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const want = pointInflation(points, { pool: 'hospitals', level: 'tertiary', pct: '5' });
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);

    const box = page.locator('gb-point-inflation [data-testid="inflation"]');
    await box.getByTestId('inflation-level').selectOption('tertiary');
    await box.getByTestId('inflation-pct').fill('5%');
    await box.getByTestId('inflation-run').click();
    const table = box.getByTestId('inflation-table');
    await table.waitFor({ timeout: 30_000 });
    expect(await box.locator('[data-field="pvBefore"]').getAttribute('data-raw')).toBe(want.pointValue.before);
    expect(await box.locator('[data-field="pvAfter"]').getAttribute('data-raw')).toBe(want.pointValue.after);
    expect(await box.locator('[data-field="pvAfter"]').innerText()).toBe(plain(want.pointValue.after, 4));
    expect(Number(want.pointValue.after)).toBeLessThan(Number(want.pointValue.before));
    expect(await box.getByTestId('inflation-headline').innerText()).toContain('三级多报 5% 点数');

    const unit = await page.evaluate(() => (globalThis as any).__gb.ctl.state.unit as 'yuan' | 'wan');
    const rows = table.locator('tbody tr[data-id]');
    expect(await rows.count()).toBe(want.members.length);
    for (const m of want.members) {
      const row = table.locator(`tr[data-id="${m.id}"]`);
      expect(await row.getAttribute('data-diff')).toBe(m.diff);
      const cells = await row.locator('td').allInnerTexts();
      expect(cells).toContain(money(m.before, unit));
      expect(cells).toContain(money(m.after, unit));
    }
    expect(await table.locator('tr.sum').getAttribute('data-diff')).toBe('0.00');
    expect(want.members.some((m) => m.inflated && Number(m.diff) > 0) && want.members.some((m) => !m.inflated && Number(m.diff) < 0)).toBe(true);

    // A bad percentage is refused in the user's words, and changes nothing.
    await box.getByTestId('inflation-pct').fill('abc');
    await box.getByTestId('inflation-run').click();
    expect(await box.locator('[role="alert"]').innerText()).toContain('百分数');
    await box.getByTestId('inflation-pct').fill('5');
    expect(await box.locator('[role="alert"]').count()).toBe(0);

    await page.setViewportSize({ width: 1440, height: 900 });
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      await settled(page);
      await box.scrollIntoViewIfNeeded();
      await chartsDrawn(page);
      await shot(page, `point-inflation-${lang}-1440x900`);
    }
    expect(await box.getByTestId('inflation-headline').innerText()).toContain('tertiary report 5% more points');
  });
});
