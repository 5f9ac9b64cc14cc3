/**
 * The risk view in real Chromium (issue 12): 10,000 draws of the example city with a progress
 * bar, the spreads (typed in percent, kept as decimals) and seed edited into the scenario's
 * analysis.risk; the probability that the adjustment fund runs out equals what `gbsim risk`
 * prints for the saved scenario file (the same parameters read from the file); the
 * institutions' table sorts by P(overspend). Screenshots zh/en at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser } from './session.ts';
import { shot, chartsDrawn } from './harness.ts';
import { ROOT } from './serve.ts';
import { percent } from '../src/display/number.ts';

const { start } = useBrowser();

describe('Monte Carlo risk view', () => {
  it('runs 10,000 draws with a progress bar; P(exhausted) equals gbsim risk with the same seed', async () => {
    const { page } = await start();
    await page.locator('[data-tab="risk"]').click();
    // The spreads and the line are rates: typed and shown in percent (the file keeps 0.03 as a number).
    const defaults = await page.getByTestId('risk-defaults').innerText();
    expect(defaults).toContain('σc = 3%');
    expect(defaults).toContain('σh = 5%');
    expect(defaults).toContain('超支认定线 10%');
    expect(defaults).not.toContain('0.03');
    const field = (f: string) => page.locator(`gb-field[data-path="analysis.risk.${f}"]`);
    expect(await field('sigmaCommon').locator('input').inputValue()).toBe('3');
    expect(await field('sigmaCommon').locator('.unit').innerText()).toBe('%');
    expect(await field('overspendThreshold').locator('input').inputValue()).toBe('10');
    // Out of range: refused with the range in percent, the file untouched.
    await field('sigma').locator('input').fill('150');
    await field('sigma').locator('input').press('Enter');
    await expect.poll(() => field('sigma').locator('.err').innerText()).toContain('须在 0% 到 100% 之间');
    await field('overspendThreshold').locator('input').fill('1500%');
    await field('overspendThreshold').locator('input').press('Enter');
    await expect.poll(() => field('overspendThreshold').locator('.err').innerText()).toContain('须在 0% 到 1000% 之间');
    await field('overspendThreshold').locator('input').press('Escape');
    expect(await page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline.analysis?.risk)).toBeUndefined();
    for (const [f, v] of [['seed', '7'], ['sigmaCommon', '8'], ['sigma', '10%']] as const) {
      const input = field(f).locator('input');
      await input.fill(v);
      await input.press('Enter');
    }
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline.analysis?.risk)).toEqual({ seed: 7, sigmaCommon: 0.08, sigma: 0.1 });
    expect(await field('sigmaCommon').locator('input').inputValue()).toBe('8');
    expect(await field('sigma').locator('input').inputValue()).toBe('10');
    expect(await field('sigma').locator('.err').innerText()).toBe('');
    await page.getByTestId('run-risk').click();
    await page.getByTestId('risk-progress').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.risk?.status === 'done', undefined, { timeout: 180_000, polling: 100 });
    const st = await page.evaluate(() => { const r = (globalThis as any).__gb.ctl.state.risk; return { draws: r.summary.draws, p: r.summary.exhausted.probability, workers: r.workers }; });
    expect(st.draws).toBe(10_000);

    // The scenario as saved, through the command line.
    const scenario = await page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline);
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-risk-'));
    const file = join(dir, 'city-risk.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin', 'gbsim.mjs'), 'risk', file, '--json', '--workers', '2'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    expect(out.params).toMatchObject({ seed: 7, sigmaCommon: 0.08, sigma: 0.1, draws: 10_000 });
    expect(st.p).toBe(out.adjustmentFundExhausted.probability);
    expect(out.adjustmentFundExhausted.draws).toBeGreaterThan(0);
    expect(await page.getByTestId('p-exhausted').innerText()).toBe(percent(String(out.adjustmentFundExhausted.probability), 2));

    // Sorted by P(overspend), largest first; a click sorts the other way.
    const shown = async () => (await page.locator('[data-testid="risk-institutions"] td[data-col="pOverspend"]').allInnerTexts()).map((s) => Number(s.replace('%', '')));
    const desc = await shown();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.locator('[data-testid="risk-institutions"] button[data-sort="over"]').click();
    const asc = await shown();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.locator('[data-testid="risk-institutions"] button[data-sort="over"]').click();

    // The brief gains the institution's risk figures.
    const first = await page.evaluate(() => { const s = (globalThis as any).__gb.ctl.state; return { id: s.risk.meta.ids[0], p: s.risk.summary.institutions.pOverspend[0] }; });
    await page.locator('[data-tab="hospital"]').click();
    await page.getByTestId('pick-hospital').selectOption(first.id);
    await expect.poll(() => page.locator('[data-testid="brief-risk"] dd[data-field="pOverspend"]').innerText(), { timeout: 30_000 }).toBe(percent(String(first.p), 2));
    await page.locator('[data-tab="risk"]').click();
    expect(await page.getByTestId('risk-outdated').count()).toBe(0);

    // The scenario edited after the run: the tab says the run is outdated, the brief drops its figures; undone, both are back.
    await page.locator('[data-tab="params"]').click();
    const rate = page.locator('gb-field[data-path="fund.adjustmentFundRate"] input');
    await rate.fill('5%');
    await rate.press('Enter');
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline.fund.adjustmentFundRate)).toBe('0.05');
    await page.locator('[data-tab="risk"]').click();
    await page.getByTestId('risk-outdated').waitFor();
    expect(await page.getByTestId('risk-outdated').innerText()).toContain('方案或参数已修改');
    await page.locator('[data-tab="hospital"]').click();
    await page.getByTestId('brief-target').waitFor();
    await expect.poll(() => page.getByTestId('brief-risk').count(), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('brief-risk').count(), { timeout: 30_000 }).toBe(1);
    await page.locator('[data-tab="risk"]').click();
    await expect.poll(() => page.getByTestId('risk-outdated').count()).toBe(0);

    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang').click();
      for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await chartsDrawn(page);
        await shot(page, `risk-${lang}-${w}x${h}`);
      }
    }
  });

  it('a scenario settled by points: the same figures as gbsim risk, and the count of draws without a point value', async () => {
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await page.locator('[data-tab="risk"]').click();
    const input = page.locator('gb-field[data-path="analysis.risk.draws"] input');
    await input.fill('2000');
    await input.press('Enter');
    await page.getByTestId('run-risk').click();
    await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.risk?.status === 'done', undefined, { timeout: 180_000, polling: 100 });
    const st = await page.evaluate(() => { const r = (globalThis as any).__gb.ctl.state.risk; return { summary: r.summary, scenario: r.ref }; });
    const scenario = await page.evaluate(() => { const s = (globalThis as any).__gb.ctl.state; return s.cols[s.active].scenario; });
    expect(scenario.policy.pools.some((p: { settlement?: string }) => p.settlement === 'points')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'gbsim-risk-points-'));
    const file = join(dir, 'city-points-risk.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin', 'gbsim.mjs'), 'risk', file, '--json', '--workers', '2'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    expect(out.draws).toBe(2000);
    // Same seed, the same figures in Chromium and in Node.
    expect(st.summary.exhausted).toEqual(out.adjustmentFundExhausted);
    expect(st.summary.closingBalance.p50).toBe(Number(out.fund.closingBalance.p50.replace('.', '')));
    expect(st.summary.noPointValue).toEqual(out.pointsPoolWithoutPoints);
    const line = page.getByTestId('no-point-value');
    expect(await line.getAttribute('data-draws')).toBe(String(out.pointsPoolWithoutPoints.draws));
    expect(await line.innerText()).toContain('点数法结算池总点数为 0');
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang').click();
      for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.waitForTimeout(600);
        await shot(page, `risk-points-${lang}-${w}x${h}`);
      }
    }
    expect(await line.innerText()).toContain('a pool settled by points had no points');
  });

  it('cancels a run under way', async () => {
    const { page } = await start();
    await page.locator('[data-tab="risk"]').click();
    const input = page.locator('gb-field[data-path="analysis.risk.draws"] input');
    await input.fill('400000');
    await input.press('Enter');
    await page.getByTestId('run-risk').click();
    await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.risk?.done > 0, undefined, { timeout: 60_000, polling: 20 });
    await page.getByTestId('cancel-risk').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.risk.status)).toBe('cancelled');
    expect(await page.getByTestId('risk-cancelled').count()).toBe(1);
  });
});
