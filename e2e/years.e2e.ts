/**
 * The years view in real Chromium (issue 12): five years of the example city under the base
 * rule "actual" and, in a variant, "target"; the saver's target shrinks under the first (the
 * ratchet) and not under the second; every figure shown equals the Node engine's; the run's
 * parameters are edits of the scenario file. Screenshots zh/en at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot, chartsDrawn } from './harness.ts';
import { exampleScenario } from './helpers.ts';
import { yearsOutcome } from '../src/engine/years-outcome.ts';
import { formatMoney } from '../src/engine/money.ts';
import { money } from '../src/display/number.ts';

const { start } = useBrowser();

/** Wait until the years shown are of the current workspace and no run is under way. */
export async function yearsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (globalThis as any).__gb.ctl.state;
    return s.years && !s.years.running && s.years.ws === s.ws && s.years.refs[0] === s.active;
  }, undefined, { timeout: 60_000, polling: 50 });
}

const cells = (page: Page, sel: string) => page.locator(sel).allInnerTexts();

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
});
