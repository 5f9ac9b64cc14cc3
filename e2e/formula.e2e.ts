/**
 * The weight formula box (issues 8, 10): the names a formula may use are listed under it with
 * their meaning; what is typed is checked as it is typed (the engine's compile) and its error
 * shown with its position before Enter, nothing applied; a name clicked is inserted at the
 * cursor; Enter applies a good formula through the one gate and the results change.
 * Photographs the policy tab with the list in zh and en at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { useBrowser } from './session.ts';
import { settled, shownFingerprint } from './harness.ts';
import { state, tab } from './helpers.ts';
import { ROOT } from './serve.ts';

const { start } = useBrowser();
const BOX = 'gb-field[data-path="policy.weightFormula"]';
const check = (page: Page) => page.locator(`${BOX} [data-testid="formula-check"]`);

describe('the weight formula box', () => {
  it('lists its names, checks as typed without applying, inserts a clicked name, applies on Enter', async () => {
    const { page } = await start();
    await tab(page, 'params');
    const names = page.getByTestId('formula-names');
    await names.waitFor();
    const listed = await names.locator('button[data-name]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-name')));
    for (const n of ['defaultWeight', 'historyLast', 'history1', 'history3', 'cases', 'costPerCase', 'min', 'sqrt']) expect(listed).toContain(n);
    const text = await names.innerText();
    expect(text).toContain('默认权重：历史加权 × 级别系数 × 类别系数');
    expect(text).toMatch(/history1\s+历史支出（元）：\d{4}年/);

    const fp = await shownFingerprint(page);
    const input = page.locator(`${BOX} input`);
    await input.click();
    await input.pressSequentially('defaultWeight * beds', { delay: 20 });
    // Before Enter: the error, where it is, and nothing applied.
    await expect.poll(() => check(page).getAttribute('data-ok'), { timeout: 5000 }).toBe('false');
    expect(await check(page).innerText()).toContain('尚未应用：第 17 个字符处：未知名称 "beds"');
    expect(await page.locator(`${BOX} [data-testid="formula-at"] mark`).innerText()).toBe('b');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await state(page, 'ws.baseline.policy.weightFormula')).toBeUndefined();
    expect(await state<boolean>(page, 'canUndo')).toBe(false);
    expect(await shownFingerprint(page)).toBe(fp);
    await shotAt(page, 'formula-error-zh-1440x900');

    // Esc takes the typing back; a clicked name goes in at the cursor and is checked, not applied.
    await input.press('Escape');
    await expect.poll(() => check(page).count()).toBe(0);
    await input.fill('');
    await names.locator('button[data-name="historyLast"]').click();
    expect(await input.inputValue()).toBe('historyLast');
    await input.press('End');
    await input.pressSequentially(' * 1.1', { delay: 20 });
    await expect.poll(() => check(page).getAttribute('data-ok'), { timeout: 5000 }).toBe('true');
    expect(await check(page).innerText()).toContain('公式无误');
    expect(await state(page, 'ws.baseline.policy.weightFormula')).toBeUndefined();

    // Enter applies it through the one gate: the results change.
    await input.press('Enter');
    await expect.poll(() => state(page, 'ws.baseline.policy.weightFormula')).toBe('historyLast * 1.1');
    await settled(page);
    const after = await shownFingerprint(page);
    expect(after).not.toBe(fp);
    expect(await check(page).count()).toBe(0);

    // In English, in English.
    await page.getByTestId('lang').click();
    await input.fill('');
    await input.pressSequentially('historyLast / (1 +', { delay: 20 });
    await expect.poll(() => check(page).getAttribute('data-ok'), { timeout: 5000 }).toBe('false');
    expect(await check(page).innerText()).toMatch(/^Not applied: does not parse: .* at position \d+/);
    expect(await names.innerText()).toContain('Default weight: weighted history × level × category coefficient');
    expect(await state(page, 'ws.baseline.policy.weightFormula')).toBe('historyLast * 1.1');
    expect(await shownFingerprint(page)).toBe(after);
  });

  it('the surplus eligibility formula is checked as typed the same way', async () => {
    const { page } = await start();
    await tab(page, 'params');
    const box = 'gb-field[data-path="policy.surplus.eligibility"]';
    const before = await state(page, 'ws.baseline.policy.surplus.eligibility');
    const input = page.locator(`${box} input`);
    await input.fill('');
    await input.pressSequentially('score >= sc', { delay: 20 });
    const c = page.locator(`${box} [data-testid="formula-check"]`);
    await expect.poll(() => c.getAttribute('data-ok'), { timeout: 5000 }).toBe('false');
    expect(await c.innerText()).toContain('第 10 个字符处：未知名称 "sc"');
    expect(await state(page, 'ws.baseline.policy.surplus.eligibility')).toBe(before);
  });

  it('is photographed with its names in zh and en at 1440×900 and 1280×720', async () => {
    const { page } = await start();
    await tab(page, 'params');
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang').click();
      for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(size);
        const input = page.locator(`${BOX} input`);
        await input.fill('');
        await input.pressSequentially('defaultWeight * (costPerCase > 10000 ? 1.02 : 1', { delay: 5 });
        await expect.poll(() => check(page).getAttribute('data-ok'), { timeout: 5000 }).toBe('false');
        await shotAt(page, `params-formula-${lang}-${size.width}x${size.height}`);
        await input.press('Escape');
        expect(await state(page, 'ws.baseline.policy.weightFormula')).toBeUndefined();
      }
    }
  });
});

/** The formula box and its names in view. */
async function shotAt(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, 'test-artifacts', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.locator(BOX).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -60));
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
