/**
 * The years view in real Chromium (issue 12): five years of the example city under the base
 * rule "actual" and, in a variant, "target"; the saver's target shrinks under the first (the
 * ratchet) and not under the second; every figure shown equals the Node engine's; the run's
 * parameters are edits of the scenario file; any institution picked by name shows its path
 * (Node's figures), and a 3,000-institution file lists only a dozen matches; with a variant the
 * workbook carries both scenarios side by side. Screenshots zh/en at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot, chartsDrawn } from './harness.ts';
import { exampleScenario } from './helpers.ts';
import { yearsOutcome } from '../src/engine/years-outcome.ts';
import { formatMoney } from '../src/engine/money.ts';
import { money } from '../src/display/number.ts';
import { synthCity } from '../bench/synth.ts';
import type { YearsOutcome } from '../src/engine/years-outcome.ts';

const { start } = useBrowser();

/** Wait until the years shown are of the current workspace and no run is under way. */
export async function yearsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (globalThis as any).__gb.ctl.state;
    return s.years && !s.years.running && s.years.ws === s.ws && s.years.refs[0] === s.active;
  }, undefined, { timeout: 60_000, polling: 50 });
}

const cells = (page: Page, sel: string) => page.locator(sel).allInnerTexts();

/** Institution i's path as the page shows it (万元), column by column, from Node's run. */
function pathOf(out: Extract<YearsOutcome, { ok: true }>, i: number, col: 'target' | 'claimsTotal' | 'owed' | 'basis'): string[] {
  return out.run.years.map((y) => money(formatMoney(y.columns[col][i]!), 'wan'));
}

/** Type `text` into the years tab's institution picker and click the option of `id`. */
async function pickInstitution(page: Page, text: string, id: string): Promise<void> {
  const input = page.getByTestId('years-pick');
  await input.click();
  await input.fill(text);
  const option = page.locator(`[data-testid="years-pick-list"] [role="option"][data-id="${id}"]`);
  await option.click();
  await expect.poll(() => page.getByTestId('pick-chosen').getAttribute('data-id')).toBe(id);
}

describe('several years', () => {
  it('five years under two base rules: the ratchet is visible, figures equal Node’s', async () => {
    const { page } = await start();
    const city = exampleScenario();
    await page.locator('[data-tab="years"]').click();
    await yearsDone(page);
    const actual = yearsOutcome(city, { years: 5, baseRule: 'actual' });
    if (!actual.ok) throw new Error('years');
    // The fund path: closing balance of each year, in 万元 as shown.
    expect(await cells(page, '[data-testid="years-fund"] td[data-col="closing"]')).toEqual(actual.run.years.map((y) => money(y.fund.closingBalance, 'wan')));
    expect(await page.locator('[data-testid="years-fund"] td.fp').first().innerText()).toBe(actual.fingerprints[0]!.slice(0, 23));
    const saver = actual.saver!;
    expect(await page.getByTestId('pick-saver').getAttribute('data-id')).toBe(saver.id);
    const shownActual = await cells(page, '[data-testid="pick-saver"] td[data-col="target"]');
    expect(shownActual).toEqual(actual.run.years.map((y) => money(formatMoney(y.columns.target[saver.index]!), 'wan')));
    // The ratchet: under "actual" the saver's target in year 5 is below year 1's.
    expect(actual.run.years[4]!.columns.target[saver.index]!).toBeLessThan(actual.run.years[0]!.columns.target[saver.index]!);

    // Any institution, picked by typing part of its name: its path beside the saver's and the spender's, Node's figures.
    const k = city.hospitals.findIndex((h, i) => i !== saver.index && i !== actual.spender?.index && i > 10);
    const h = city.hospitals[k]!;
    await pickInstitution(page, h.name.slice(0, Math.max(2, h.name.length - 1)), h.id);
    expect(await page.getByTestId('years-pick').inputValue()).toBe(h.name);
    expect(await page.locator('[data-testid="pick-chosen"] h3').innerText()).toContain(h.name);
    for (const [col, attr] of [['target', 'target'], ['claimsTotal', 'claims'], ['owed', 'owed'], ['basis', 'nextBase']] as const) {
      expect(await cells(page, `[data-testid="pick-chosen"] td[data-col="${attr}"]`)).toEqual(pathOf(actual, k, col));
    }
    expect(await page.getByTestId('pick-saver').getAttribute('data-id')).toBe(saver.id);
    // By code with the keyboard: type it, Enter takes the first match (the exact code).
    const other = city.hospitals[k + 1]!;
    await page.getByTestId('years-pick').fill(other.id);
    await expect.poll(() => page.locator('[data-testid="years-pick-list"] [role="option"][data-id]').first().getAttribute('data-id')).toBe(other.id);
    await page.getByTestId('years-pick').press('Enter');
    await expect.poll(() => page.getByTestId('pick-chosen').getAttribute('data-id')).toBe(other.id);
    expect(await cells(page, '[data-testid="pick-chosen"] td[data-col="owed"]')).toEqual(pathOf(actual, k + 1, 'owed'));
    // It is the institution looked at: the institution tab shows it too.
    expect(await page.evaluate(() => (globalThis as any).__gb.ctl.state.hospital)).toBe(other.id);
    await pickInstitution(page, h.name, h.id);

    // A variant with base rule "target": its own years, compared over the same years.
    await page.getByTestId('new-variant').click();
    await settled(page);
    await page.locator('[data-tab="years"]').click();
    await page.getByTestId('base-rule').selectOption('target');
    await yearsDone(page);
    const variant = await page.evaluate(() => (globalThis as any).__gb.ctl.state.active as string);
    const ws = await page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.variants[0].changes);
    expect(JSON.stringify(ws)).toContain('baseRule');
    const target = yearsOutcome({ ...city, analysis: { years: { baseRule: 'target' } } }, { years: 5 });
    if (!target.ok) throw new Error('years');
    const shownTarget = await cells(page, '[data-testid="pick-saver"] td[data-col="target"]');
    expect(await page.getByTestId('pick-saver').getAttribute('data-id')).toBe(target.saver!.id);
    expect(shownTarget).toEqual(target.run.years.map((y) => money(formatMoney(y.columns.target[target.saver!.index]!), 'wan')));
    // Savings do not cut the base: the same saver's target grows instead.
    expect(target.run.years[4]!.columns.target[saver.index]!).toBeGreaterThan(target.run.years[0]!.columns.target[saver.index]!);
    // Both scenarios in the comparison over the same years.
    const rows = page.locator('[data-testid="years-variants"] tr[data-ref]');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-ref')).toBe(variant);
    expect(await rows.nth(1).locator('td').first().innerText()).toContain(money(actual.run.years[0]!.fund.closingBalance, 'wan'));
    expect(await rows.nth(1).locator('td').nth(4).innerText()).toContain(money(actual.run.years[4]!.fund.closingBalance, 'wan'));
    expect(await rows.first().locator('td').nth(4).innerText()).toContain(money(target.run.years[4]!.fund.closingBalance, 'wan'));
    // The institution picked stays picked in the variant: its path under the rule "target".
    expect(await cells(page, '[data-testid="pick-chosen"] td[data-col="target"]')).toEqual(pathOf(target, k, 'target'));
    // The workbook carries both, side by side a row per year, then each one's sheets.
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('years-xlsx').click()]) as [Download, void];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await d.path())!)) as unknown as ArrayBuffer);
    expect(wb.worksheets.slice(0, 2).map((w) => w.name)).toEqual(['方案对比', '测算参数']);
    const cmp = wb.getWorksheet('方案对比')!;
    expect(cmp.rowCount).toBe(6);
    // The scenario shown (the variant) first, then the baseline.
    expect(cmp.getRow(6).getCell(2).value).toBe(Number(target.run.years[4]!.fund.closingBalance) / 10_000);
    expect(cmp.getRow(6).getCell(5).value).toBe(Number(actual.run.years[4]!.fund.closingBalance) / 10_000);
    expect(wb.worksheets).toHaveLength(2 + 2 * 8);

    // Growth is typed and shown as a percentage: 「5%」 is the file's 0.05, and 「5」 is shown back.
    const growth = page.locator('gb-field[data-path="analysis.years.budgetGrowth"] input');
    await growth.fill('5%');
    await growth.press('Enter');
    const changes = () => page.evaluate(() => JSON.stringify((globalThis as any).__gb.ctl.state.ws.variants[0].changes));
    await expect.poll(changes).toMatch(/"budgetGrowth"[^}]*"0\.05"|"budgetGrowth":"0\.05"/);
    await expect.poll(() => growth.inputValue()).toBe('5');
    expect(await page.locator('gb-field[data-path="analysis.years.budgetGrowth"] .unit').innerText()).toBe('%');
    const revenue = page.locator('gb-field[data-path="analysis.years.revenueGrowth"] input');
    await revenue.fill('3');
    await revenue.press('Enter');
    await expect.poll(changes).toContain('"0.03"');
    await yearsDone(page);

    // A bad number of years is refused where it is typed; the file is unchanged.
    const field = page.locator('gb-field[data-path="analysis.years.years"] input');
    const rev = await page.evaluate(() => (globalThis as any).__gb.ctl.state.revision as number);
    await field.fill('7.5');
    await field.press('Enter');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (globalThis as any).__gb.ctl.state.revision as number)).toBe(rev);

    await field.fill('5');
    await field.press('Enter');
    for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await chartsDrawn(page);
      await shot(page, `years-zh-${w}x${h}`);
    }
    await page.getByTestId('lang').click();
    for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await chartsDrawn(page);
      await shot(page, `years-en-${w}x${h}`);
    }
  });

  it('3,000 institutions: the picker lists a dozen matches, and the one picked shows Node\'s path', async () => {
    const { page } = await start();
    const big = synthCity(3000, 11);
    await page.getByTestId('open-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline.hospitals.length), { timeout: 60_000 }).toBe(3000);
    await page.locator('[data-tab="years"]').click();
    await yearsDone(page);
    const out = yearsOutcome(big);
    if (!out.ok) throw new Error('years');
    const input = page.getByTestId('years-pick');
    await input.click();
    await input.fill('医院');
    const options = page.locator('[data-testid="years-pick-list"] [role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(5);
    expect(await options.count()).toBeLessThanOrEqual(13); // a dozen matches and a note, never 3,000 elements
    expect(await page.getByTestId('years-pick-list').innerText()).toMatch(/另有 [\d,]+ 家匹配/);
    const i = 2998;
    const h = big.hospitals[i]!;
    await pickInstitution(page, h.name, h.id);
    expect(await cells(page, '[data-testid="pick-chosen"] td[data-col="target"]')).toEqual(pathOf(out, i, 'target'));
    expect(await cells(page, '[data-testid="pick-chosen"] td[data-col="owed"]')).toEqual(pathOf(out, i, 'owed'));
    // The list open over the paths, in both languages and both sizes.
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang').click();
      await input.click();
      await input.fill('29');
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      for (const [w, hh] of [[1440, 900], [1280, 720]] as const) {
        await page.setViewportSize({ width: w, height: hh });
        await chartsDrawn(page);
        await shot(page, `years-pick-3000-${lang}-${w}x${hh}`);
      }
    }
    expect(await page.getByTestId('years-pick-list').innerText()).toMatch(/[\d,]+ more match/);
  }, 240_000);
});
