/**
 * Files and persistence in real Chromium: save → open gives the same fingerprint; a broken file
 * is refused with its problems and changes nothing; reload restores the workspace (IndexedDB);
 * drag and drop opens a file; a 3,000-institution workspace scrolls with only visible rows in the DOM.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './session.ts';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { settled, shot, shownFingerprint } from './harness.ts';
import { afterRecompute, exampleScenario, setField, state, tab } from './helpers.ts';
import { fingerprint } from '../src/engine/fingerprint.ts';
import { runScenario } from '../src/engine/run.ts';
import { synthCity } from '../bench/synth.ts';

const { start } = useBrowser();


async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}


describe('files and persistence', () => {
  it('save → open elsewhere shows the same fingerprints, and the file says so', async () => {
    const a = await start();
    await a.page.getByTestId('new-variant').click();
    await settled(a.page);
    await tab(a.page, 'params');
    await afterRecompute(a.page, () => setField(a.page, 'fund.riskReserveRate', '3'));
    const fpVariant = await shownFingerprint(a.page);
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('save').click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const doc = JSON.parse(text);
    expect(doc.format).toBe('gbsim-workspace');
    expect(doc.variants).toHaveLength(1);
    expect(doc.fingerprints.v1).toBe(fpVariant);
    // The engine in Node agrees with the browser to the fen.
    expect(doc.fingerprints.baseline).toBe(fingerprint(runScenario(exampleScenario())));

    const b = await start();
    await openFile(b.page, 'shared.gbsim.json', text);
    await expect.poll(() => b.page.getByTestId('notice').innerText(), { timeout: 30_000 }).toContain('一致');
    await b.page.getByTestId('active-scenario').selectOption('v1');
    expect(await shownFingerprint(b.page)).toBe(fpVariant);
    await shot(b.page, 'opened-file');
  });

  it('a broken file is refused with its problems, and nothing changes', async () => {
    const { page } = await start();
    const fp = await shownFingerprint(page);
    const ws = await state<unknown>(page, 'ws');
    const bad = exampleScenario() as any;
    bad.hospitals[12].history[2] = '-5';
    bad.policy.deposit.rates.hospital = '1.5';
    await openFile(page, 'broken.json', JSON.stringify(bad));
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.innerText(), { timeout: 30_000 }).toContain('未能打开');
    const issues = await page.getByTestId('issues').innerText();
    // Named by institution and field, as the tabs name them; the file's paths are for the CLI.
    expect(issues).toContain('「S09 东城区人民医院」的「2024年基金支出」');
    expect(issues).toContain('「保证金比例（医院）」');
    expect(issues).not.toContain('hospitals[12]');
    expect(await state<unknown>(page, 'ws')).toEqual(ws);
    expect(await state<boolean>(page, 'canUndo')).toBe(false);
    expect(await shownFingerprint(page)).toBe(fp);
    await shot(page, 'refused-file');
    // Not JSON at all.
    await openFile(page, 'garbage.json', '{"format": "gbsim-workspace", ');
    await expect.poll(() => page.getByTestId('issues').innerText(), { timeout: 30_000 }).toContain('JSON');
  });

  it('reload restores the workspace from IndexedDB', async () => {
    const s = await start();
    const { page } = s;
    await page.getByTestId('new-variant').click();
    await settled(page);
    await tab(page, 'params');
    await afterRecompute(page, () => setField(page, 'fund.adjustmentFundRate', '6'));
    await page.getByTestId('lang').click();
    await page.evaluate(() => (globalThis as any).__gb.flush());
    await page.reload();
    await settled(page);
    expect(await state<unknown[]>(page, 'ws.variants')).toHaveLength(1);
    expect(await page.getByTestId('notice').innerText()).toContain('Restored');
    await page.getByTestId('active-scenario').selectOption('v1');
    await tab(page, 'params');
    expect(await page.locator('gb-field[data-path="fund.adjustmentFundRate"] input').inputValue()).toBe('6');
  });

  it('drag and drop opens a scenario file', async () => {
    const { page } = await start();
    const small = JSON.stringify(synthCity(5, 3));
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return d;
    }, small);
    await page.dispatchEvent('gb-app', 'drop', { dataTransfer: dt });
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 30_000 }).toContain('dropped.json');
    await settled(page);
    await expect.poll(() => page.getByTestId('row-count').innerText()).toContain('5 / 5');
  });

  it('a 3,000-institution workspace: only visible rows are in the DOM, scrolling reaches the end', async () => {
    const { page } = await start();
    await openFile(page, 'big.json', JSON.stringify(synthCity(3000, 11)));
    await expect.poll(() => page.getByTestId('row-count').innerText(), { timeout: 60_000 }).toContain('3000 / 3000');
    await settled(page);
    const rows = () => page.locator('gb-hospital-table tbody tr[data-row]').count();
    expect(await rows()).toBeLessThan(80);
    const scroller = page.getByTestId('results-table');
    await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(() => page.locator('gb-hospital-table tr[data-row="H003000"]').count()).toBe(1);
    expect(await rows()).toBeLessThan(80);
    // Sort by balance, then filter to overspenders.
    await page.locator('gb-hospital-table button[data-sort="balance"]').click();
    await page.getByTestId('only-overspend').check();
    await expect.poll(() => page.getByTestId('row-count').innerText()).not.toContain('3000 /');
    await shot(page, 'results-3000');
  });

  it('a 3,000-institution workspace: edits made while its first runs are under way end in the last one’s results', async () => {
    const { page } = await start();
    const big = synthCity(3000, 12);
    await openFile(page, 'big.json', JSON.stringify(big));
    await expect.poll(() => state<number>(page, 'ws.baseline.hospitals.length'), { timeout: 60_000 }).toBe(3000);
    // At once, while the workers still compile the new institutions (long runs are abandoned,
    // short ones finish and are superseded).
    await page.locator('gb-app').evaluate((app) => {
      for (let i = 1; i <= 5; i++) app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'edit', path: ['fund', 'adjustmentFundRate'], value: `0.0${i}` } }));
    });
    await settled(page);
    big.fund.adjustmentFundRate = '0.05';
    expect(await shownFingerprint(page)).toBe(fingerprint(runScenario(big)));
  });
});
