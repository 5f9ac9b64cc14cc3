/**
 * The sweeps view in real Chromium (issue 12): a sweep of the hospitals' deposit rate, then a
 * grid of it with the adjustment fund rate (a heat map), and a tornado — each spread over the
 * page's analysis workers with progress, each figure equal to the Node engine's, the spec kept
 * in the scenario file; a large grid cancelled part-way. Screenshots zh/en at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { shot, chartsDrawn } from './harness.ts';
import { exampleScenario } from './helpers.ts';
import { runSweep } from '../src/engine/sweep.ts';
import { runTornado } from '../src/engine/tornado.ts';
import { defaultTornado } from '../src/engine/sweep-plan.ts';
import { money, plain } from '../src/display/number.ts';
import { paramValue } from '../src/display/analysis.ts';
import { outputLabel } from '../src/sheets/analysis-words.ts';

const { start } = useBrowser();

async function runDone(page: Page, kind: 'sweep' | 'tornado'): Promise<void> {
  await page.getByTestId(`run-${kind}-go`).click();
  await page.waitForFunction((k) => (globalThis as any).__gb.ctl.state.sweeps[k]?.status === 'done', kind, { timeout: 120_000, polling: 50 });
}

const fileSweeps = (page: Page) => page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline.analysis?.sweeps);

describe('sweeps', () => {
  it('sweeps the deposit rate, then a grid with the adjustment fund rate, and ranks a tornado — as Node does', async () => {
    const { page } = await start();
    const city = exampleScenario();
    await page.locator('[data-tab="sweeps"]').click();
    await page.getByTestId('param-path').selectOption('policy.deposit.rates.hospital');
    // A rate's range is shown and typed as percentages (the file keeps 0.05); the current value likewise.
    await expect.poll(() => page.locator('gb-field[data-path="param.from"] input').inputValue()).toBe('5');
    expect(await page.locator('gb-field[data-path="param.from"] .unit').innerText()).toBe('%');
    expect(await page.getByTestId('sweep-card').innerText()).toContain('当前值：10.00%');
    await runDone(page, 'sweep');
    const spec = (await fileSweeps(page))[0];
    expect(spec).toMatchObject({ kind: 'sweep', param: { path: 'policy.deposit.rates.hospital', from: '0.05', to: '0.15', step: '0.01' } });
    const node = runSweep(city, { param: spec.param, outputs: spec.outputs });
    if (!node.ok) throw new Error('sweep');
    const rows = page.locator('[data-testid="sweep-table"] tbody tr[data-current]');
    expect(await rows.count()).toBe(11);
    // The current value (10%) is marked; its closing balance is the plain run's.
    const cur = page.locator('[data-testid="sweep-table"] tr[data-current="true"]');
    expect(await cur.locator('th').innerText()).toContain('10.00%');
    // Each value as gbsim sweep prints it: one display function (src/display/analysis.ts), 5.00% … 15.00%.
    const heads = await rows.evaluateAll((trs) => trs.map((tr) => (tr.querySelector('th') as HTMLElement).innerText.replace(/\s*◀[\s\S]*$/, '').trim()));
    expect(heads).toEqual(node.result.axes[0]!.values.map((v) => paramValue(v, node.result.axes[0]!.param, 'wan')));
    const k = node.result.outputs.findIndex((o) => o.name === 'closingBalance');
    const shown = await rows.evaluateAll((trs, col) => trs.map((tr) => (tr.querySelectorAll('td')[col] as HTMLElement).innerText), k);
    expect(shown).toEqual(node.result.points.map((p) => money(p.values![k]!, 'wan')));
    expect(await cur.locator('td').nth(k).innerText()).toBe(money(node.result.base.values![k]!, 'wan'));
    const mk = node.result.outputs.findIndex((o) => o.name === 'monthsOfCoverage');
    expect(await rows.nth(0).locator('td').nth(mk).innerText()).toBe(plain(node.result.points[0]!.values![mk]!, 2));
    expect(await page.getByTestId('sweep-table').locator('th').nth(1 + k).innerText()).toBe(outputLabel('closingBalance', 'zh'));
    for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await chartsDrawn(page);
      await shot(page, `sweep-zh-${w}x${h}`);
    }

    // A grid of two: deposit rate × adjustment fund rate, as a heat map.
    await page.getByTestId('use-param2').check();
    await page.getByTestId('param2-path').selectOption('fund.adjustmentFundRate');
    await expect.poll(async () => (await fileSweeps(page))[0].param2?.path).toBe('fund.adjustmentFundRate');
    await runDone(page, 'sweep');
    const spec2 = (await fileSweeps(page))[0];
    const grid = runSweep(city, { param: spec2.param, param2: spec2.param2, outputs: spec2.outputs });
    if (!grid.ok) throw new Error('grid');
    const n = grid.result.axes[0]!.values.length * grid.result.axes[1]!.values.length;
    expect(await rows.count()).toBe(n);
    const gridShown = await rows.evaluateAll((trs, col) => trs.map((tr) => (tr.querySelectorAll('td')[col] as HTMLElement).innerText), k);
    expect(gridShown).toEqual(grid.result.points.map((p) => money(p.values![k]!, 'wan')));
    expect(await page.locator('canvas#sweep-heat').count()).toBe(1);
    expect(await page.evaluate(() => (globalThis as any).__gb.ctl.state.sweeps.sweep.workers)).toBeGreaterThanOrEqual(1);

    // The tornado offered (±10% on the scenario's main rates), ranked by the closing balance.
    await runDone(page, 'tornado');
    const t = runTornado(city, { params: defaultTornado(city).params, change: '0.1', output: 'closingBalance' });
    if (!t.ok) throw new Error('tornado');
    const order = await page.locator('[data-testid="tornado-table"] tr[data-path]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-path')));
    expect(order).toEqual(t.result.entries.map((e) => e.param.path));
    const spreads = await page.locator('[data-testid="tornado-table"] td[data-col="spread"]').allInnerTexts();
    expect(spreads).toEqual(t.result.entries.map((e) => money(e.spread, 'wan')));
    expect((await fileSweeps(page)).map((x: { kind: string }) => x.kind)).toEqual(['sweep', 'tornado']);

    // Ranked by one institution's owed instead (DESIGN §9): chosen by name, shown by name, the same ranking as Node's.
    await page.getByTestId('tornado-institution-output').selectOption('T01');
    await expect.poll(async () => (await fileSweeps(page))[1].output).toBe('T01.owed');
    const picked = await page.getByTestId('tornado-output').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.textContent!.trim());
    expect(picked).toBe('示例市第一人民医院（T01）年终应付');
    await runDone(page, 'tornado');
    const ti = runTornado(city, { params: defaultTornado(city).params, change: '0.1', output: 'T01.owed' });
    if (!ti.ok) throw new Error('tornado of T01');
    const spreadsT01 = await page.locator('[data-testid="tornado-table"] td[data-col="spread"]').allInnerTexts();
    expect(spreadsT01).toEqual(ti.result.entries.map((e) => money(e.spread, 'wan')));
    await page.getByTestId('lang').click();
    for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await chartsDrawn(page);
      await shot(page, `sweep-en-${w}x${h}`);
    }
  });

  it('shows progress on a large grid and cancels it', async () => {
    const { page } = await start();
    await page.locator('[data-tab="sweeps"]').click();
    await page.getByTestId('param-path').selectOption('policy.deposit.rates.hospital');
    await page.getByTestId('use-param2').check();
    await page.getByTestId('param2-path').selectOption('fund.adjustmentFundRate');
    const step = page.locator('gb-field[data-path="param.step"] input');
    // Steps typed as percentages, 「0.25」 and 「0.1%」, are the file's 0.0025 and 0.001.
    await step.fill('0.25');
    await step.press('Enter');
    const step2 = page.locator('gb-field[data-path="param2.step"] input');
    await step2.fill('0.1%');
    await step2.press('Enter');
    await expect.poll(async () => (await fileSweeps(page))?.[0]?.param2?.step).toBe('0.001');
    expect((await fileSweeps(page))[0].param.step).toBe('0.0025');
    expect(await step.inputValue()).toBe('0.25');
    expect(await step2.inputValue()).toBe('0.1');
    await expect.poll(() => page.getByTestId('run-sweep').innerText()).toMatch(/共 [\d,]+ 次精确测算/);
    await page.getByTestId('run-sweep-go').click();
    await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.sweeps.sweep?.done > 0, undefined, { timeout: 60_000, polling: 20 });
    expect(await page.getByTestId('progress-sweep').count()).toBe(1);
    await page.getByTestId('cancel-sweep').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.sweeps.sweep.status)).toBe('cancelled');
    const st = await page.evaluate(() => (globalThis as any).__gb.ctl.state.sweeps.sweep);
    expect(st.done).toBeLessThan(st.total);
    expect(await page.getByTestId('cancelled-sweep').count()).toBe(1);
  });
});
