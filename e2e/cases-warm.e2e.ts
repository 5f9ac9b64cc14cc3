/**
 * Opening the case picker starts the case engine (DuckDB-wasm, ~34 MB from this origin) while the
 * user looks for the file, not after it is chosen; nothing is fetched before. The import then
 * runs as before and writes the points.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser } from './session.ts';
import { settled } from './harness.ts';
import { ROOT } from './serve.ts';
import { writeCaseList } from '../scripts/cases/caselist.ts';
import { synthCatalogue } from '../scripts/cases/catalogue.ts';
import { pointsInstitutionsOf } from '../scripts/examples/city-points.ts';
import type { Scenario } from '../src/format/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'gbsim-cases-warm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { start } = useBrowser();
const wasm = (urls: string[]) => urls.some((u) => /\.wasm(\?|$)/.test(u));

describe('the case picker', () => {
  it('starts the case engine when it opens, and the import of the file chosen then runs', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const csv = join(dir, 'cases.csv');
    await writeCaseList(csv, { institutions: pointsInstitutionsOf(points), catalogue: synthCatalogue(), year: 2025, cases: 5_000, seed: 3, bad: 0, month: 'ym' });
    const s = await start();
    const { page } = s;
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);
    expect(wasm(s.requests)).toBe(false);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('gb-cases label.file', { has: page.getByTestId('cases-file') }).click();
    const picker = await chooser;
    // While the dialog is open the engine is fetched.
    await expect.poll(() => wasm(s.requests), { timeout: 30_000 }).toBe(true);
    await picker.setFiles(csv);
    await page.locator('[data-testid="cases"][data-status="done"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('cases-summary').innerText()).toMatch(/5,?000/);
    expect(await page.getByTestId('cases-applied').innerText()).toContain('已写入');
  }, 180_000);
});
