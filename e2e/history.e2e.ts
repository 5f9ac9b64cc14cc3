/**
 * 版本记录 (issue 8 part 2) in real Chromium: three edits, each saved, are three versions; restoring
 * the first brings its value back, undo brings back the latest, a reload keeps it. Screenshots of
 * the dialog in zh and en at 1440×900 and 1280×720 (test-artifacts/screenshots/versions-*.png).
 * A stored version that no longer passes the gate is refused: the notice says why, naming the
 * institution and field, the dialog closes, and neither the workspace nor the stored one changes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser } from './session.ts';
import { settled, shot } from './harness.ts';
import { ROOT } from './serve.ts';
import { state } from './helpers.ts';
import { putStored, storedValue } from './store-helpers.ts';
import { readFile } from 'node:fs/promises';

const { start } = useBrowser();
const PATH = 'fund.adjustmentFundRate';
const rate = (page: Page) => state<string>(page, `ws.baseline.${PATH}`);
const saved = (page: Page) => page.waitForFunction(() => (globalThis as any).__gb.ctl.state.saveState === 'saved', undefined, { polling: 20 });

describe('version history', () => {
  it('lists every save, restores one through the gate (undoable), and the state survives a reload', async () => {
    const { page } = await start();
    await page.locator('[data-tab="params"]').click();
    const input = page.locator(`gb-field[data-path="${PATH}"] input`);
    for (const pct of ['1.1', '1.2', '1.3']) {
      await input.fill(`${pct}%`);
      await input.press('Enter');
      await saved(page);
      // Past the snapshot's pause: each edit is its own durable save, so its own version.
      await page.waitForTimeout(1200);
    }
    expect(await rate(page)).toBe('0.013');

    await page.getByTestId('open-versions').click();
    const dialog = page.getByTestId('versions-dialog');
    await dialog.getByTestId('versions-list').waitFor();
    const rows = dialog.getByTestId('version');
    const texts = await rows.allInnerTexts();
    // Newest first: the three edits (the first save of a fresh browser is its first version).
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('1.2% → 1.3%');
    expect(texts[1]).toContain('1.1% → 1.2%');
    expect(texts[2]).toContain('首个版本');

    const dir = join(ROOT, 'test-artifacts', 'screenshots');
    await mkdir(dir, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      await page.locator('gb-app').evaluate((app, l) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'lang', lang: l } })); }, lang);
      for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(size);
        await page.waitForTimeout(200);
        if (lang === 'en') expect(await dialog.innerText()).toContain('Version history');
        await page.screenshot({ path: join(dir, `versions-${lang}-${size.width}x${size.height}.png`) });
      }
    }
    await page.locator('gb-app').evaluate((app) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'lang', lang: 'zh' } })); });

    // Restore the version of the first edit: its value is back, the dialog closes.
    await rows.nth(2).getByTestId('version-restore').click();
    await page.waitForFunction((p) => p.split('.').reduce((o: any, k) => o?.[k], (globalThis as any).__gb.ctl.state.ws.baseline) === '0.011', PATH, { polling: 20 });
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('已恢复');
    await settled(page);
    expect(await input.inputValue()).toBe('1.1');

    // Undo brings back the state before the restore.
    await page.getByTestId('undo').click();
    await expect.poll(() => rate(page)).toBe('0.013');
    await saved(page);

    await page.reload();
    await page.waitForFunction(() => !!(globalThis as any).__gb, undefined, { polling: 20 });
    await settled(page);
    expect(await rate(page)).toBe('0.013');
    // The restore was saved like any edit: it is a version too.
    await page.getByTestId('open-versions').click();
    await dialog.getByTestId('versions-list').waitFor();
    expect((await rows.allInnerTexts()).length).toBeGreaterThanOrEqual(4);
  });

  it('a stored version that fails the gate: refused with its reasons, the dialog closes, nothing changes', async () => {
    const { page } = await start();
    await settled(page);
    // A version written straight into the store, as an older tool (or a broken disk) might have left it.
    const doc = JSON.parse(await readFile(join(ROOT, 'scenarios', 'city.json'), 'utf8'));
    doc.hospitals[0].class = 'inpatient';
    const text = JSON.stringify(doc);
    const id = `${String(Date.UTC(2026, 0, 5, 9, 30)).padStart(13, '0')}-${'7'.padStart(12, '0')}`;
    await putStored(page, `vtext-${id}`, text);
    await putStored(page, `vmeta-${id}`, { id, at: new Date(Date.UTC(2026, 0, 5, 9, 30)).toISOString(), seq: 7, size: text.length, summary: { zh: '坏掉的版本', en: 'a broken version' } });
    const before = JSON.stringify(await state<unknown>(page, 'ws'));
    const storedBefore = JSON.stringify(await storedValue(page, 'current'));
    const rev = await state<number>(page, 'revision');

    await page.getByTestId('open-versions').click();
    const dialog = page.getByTestId('versions-dialog');
    await dialog.getByTestId('versions-list').waitFor();
    const row = dialog.getByTestId('version').filter({ hasText: '坏掉的版本' });
    await row.getByTestId('version-restore').click();
    await dialog.waitFor({ state: 'detached' });
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.innerText()).toContain('的版本未能恢复：它已通不过检查，工作区未作任何改动');
    expect(await notice.getByTestId('issues').innerText()).toContain(`「${doc.hospitals[0].id} ${doc.hospitals[0].name}」的「机构类型」：机构类型「住院」不属于任何分配池`);
    expect(await state<number>(page, 'revision')).toBe(rev);
    expect(JSON.stringify(await state<unknown>(page, 'ws'))).toBe(before);
    expect(await state<unknown>(page, 'dialog')).toBe(null);
    expect(JSON.stringify(await storedValue(page, 'current'))).toBe(storedBefore);
    // The notice in both languages (it follows the switch) at both sizes.
    for (const lang of ['zh', 'en'] as const) {
      await page.locator('gb-app').evaluate((app, l) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'lang', lang: l } })); }, lang);
      if (lang === 'en') await expect.poll(() => notice.innerText()).toContain('was not restored: it no longer passes the check; nothing changed');
      for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(size);
        await shot(page, `version-refused-${lang}-${size.width}x${size.height}`);
      }
    }
  });
});
