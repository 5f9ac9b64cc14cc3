/**
 * The one gate on edits and undo (issue 8): an edit that leaves the scenario uncomputable is
 * taken back with its reasons in the user's language, the stored workspace ends as it was, and
 * an undo to a state that cannot be computed (two edits made together, the first alone invalid)
 * is refused the same way.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot } from './harness.ts';
import { state } from './helpers.ts';
import { flushed } from './store-helpers.ts';

const { start } = useBrowser();
const gated = (page: Page) => page.evaluate(() => (globalThis as any).__gb.gated());
const share = (page: Page, i: number) => state<string>(page, `ws.baseline.policy.pools.${i}.share`);
/** Send several edits in one task, as fields do on Enter. */
const edits = (page: Page, list: [(string | number)[], string][]) => page.locator('gb-app').evaluate((app, l) => {
  for (const [path, value] of l) app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'edit', path, value }, bubbles: true, composed: true }));
}, list);

describe('every edit and undo passes the gate', () => {
  it('an uncomputable edit is taken back; an undo to an uncomputable state is refused', async () => {
    const { page } = await start();
    expect(await share(page, 0)).toBe('0.82');
    await edits(page, [[['policy', 'pools', 0, 'share'], '0.9']]);
    await gated(page);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('这一步未被接受');
    const text = await page.getByTestId('notice').innerText();
    expect(text).toMatch(/分配池|pool/);
    expect(await share(page, 0)).toBe('0.82');
    expect(await state<boolean>(page, 'canUndo')).toBe(false);
    await settled(page);
    await shot(page, 'edit-refused-zh-1440x900');
    await flushed(page);
    await page.reload();
    await settled(page);
    expect(await share(page, 0)).toBe('0.82');

    // Two edits made together: the first alone does not add up, the pair does.
    await edits(page, [[['policy', 'pools', 0, 'share'], '0.9'], [['policy', 'pools', 1, 'share'], '0.1']]);
    await gated(page);
    await settled(page);
    expect([await share(page, 0), await share(page, 1)]).toEqual(['0.9', '0.1']);
    await page.getByTestId('undo').click();
    await gated(page);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('这一步未被接受');
    expect([await share(page, 0), await share(page, 1)]).toEqual(['0.9', '0.1']);
    await flushed(page);
    await page.reload();
    await settled(page);
    expect([await share(page, 0), await share(page, 1)]).toEqual(['0.9', '0.1']);

    // In English, in English.
    await page.getByTestId('lang').click();
    await edits(page, [[['policy', 'pools', 1, 'share'], '0.3']]);
    await gated(page);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('That step was not accepted');
    expect(await share(page, 1)).toBe('0.1');
  });
});
