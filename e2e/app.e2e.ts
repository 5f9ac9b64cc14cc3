/**
 * The browser app in real Chromium: every flow of issue 3. Each test runs in a fresh browser
 * context (empty IndexedDB); after each, nothing may have left the origin and nothing may have
 * been logged as an error or warning.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './session.ts';
import { chartsDrawn, settled, shot, shownFingerprint } from './harness.ts';
import { afterRecompute, exampleScenario, expectedFund, setField, shownFund, state, tab } from './helpers.ts';
import { money } from '../src/display/number.ts';
import { runScenario } from '../src/engine/run.ts';
import { fingerprint } from '../src/engine/fingerprint.ts';

const { start } = useBrowser();



describe('browser app', () => {
  it('first load shows the example city and its results', async () => {
    const { page } = await start();
    const city = exampleScenario();
    await expect.poll(() => page.locator('[data-testid="active-scenario"] option:checked').innerText()).toContain(city.meta.name);
    for (const f of ['globalTarget', 'adjustmentFund', 'hospitalsOwed', 'closingBalance'] as const) {
      expect(await shownFund(page, f)).toBe(expectedFund(city, f));
    }
    await expect.poll(() => page.getByTestId('row-count').innerText()).toContain(`${city.hospitals.length}`);
    // The first row (file order) shows the first hospital's target exactly.
    const first = city.hospitals[0]!;
    const row = page.locator(`gb-hospital-table tr[data-row="${first.id}"]`);
    expect(await row.innerText()).toContain(money(runScenario(city).hospitals[0]!.target, 'wan'));
    expect(await shownFingerprint(page)).toMatch(/^sha256:[0-9a-f]{16}$/);
    await shot(page, 'results');
  });

  it('editing a parameter changes the results; a bad value is refused where it is typed', async () => {
    const { page } = await start();
    await tab(page, 'params');
    // A rate is typed as a percentage; out of range, the message says the range.
    await setField(page, 'fund.adjustmentFundRate', '120%');
    const field = page.locator('gb-field[data-path="fund.adjustmentFundRate"]');
    await expect.poll(() => field.locator('input').getAttribute('aria-invalid')).toBe('true');
    expect(await field.locator('.err').innerText()).toContain('须在 0% 到 100% 之间');
    expect(await state<boolean>(page, 'canUndo')).toBe(false);

    await afterRecompute(page, () => setField(page, 'fund.adjustmentFundRate', '5%'));
    expect(await field.locator('input').getAttribute('aria-invalid')).toBe('false');
    expect(await field.locator('input').inputValue()).toBe('5');
    const edited = exampleScenario();
    edited.fund.adjustmentFundRate = '0.05';
    await tab(page, 'results');
    expect(await shownFund(page, 'adjustmentFund')).toBe(expectedFund(edited, 'adjustmentFund'));
    expect(await shownFund(page, 'adjustmentFund')).not.toBe(expectedFund(exampleScenario(), 'adjustmentFund'));
    await tab(page, 'params');
    await shot(page, 'params');

    // An amount box in 万元: the unit's precision at rest, the exact digits while focused, so an
    // amount to the fen (43,022,551.67 元 = 4,302.255167 万元) is neither shown long nor lost.
    const amount = page.locator('gb-field[data-path="fund.carveOuts.0.amount"] input');
    expect(await amount.inputValue()).toBe('4,260.00');
    await afterRecompute(page, async () => { await amount.fill('4302.255167'); await amount.press('Enter'); });
    expect(await state<string>(page, 'ws.baseline.fund.carveOuts.0.amount')).toBe('43022551.67');
    await amount.blur();
    expect(await amount.inputValue()).toBe('4,302.26');
    await amount.focus();
    expect(await amount.inputValue()).toBe('4,302.255167');
    // Edited while focused, then left: the new value is applied and shown at rest.
    await afterRecompute(page, async () => { await amount.fill('4,302.2551'); await amount.blur(); });
    expect(await state<string>(page, 'ws.baseline.fund.carveOuts.0.amount')).toBe('43022551.00');
    expect(await amount.inputValue()).toBe('4,302.26');
    await amount.focus();
    expect(await amount.inputValue()).toBe('4,302.2551');
    await amount.blur();
    expect(await amount.inputValue()).toBe('4,302.26');
  });

  it('a variant lists its changes and shows differences in the comparison', async () => {
    const { page } = await start();
    await page.getByTestId('new-variant').click();
    await settled(page);
    const active = await state<string>(page, 'active');
    expect(active).not.toBe('baseline');
    await tab(page, 'params');
    await afterRecompute(page, () => setField(page, 'policy.deposit.rates.hospital', '8'));
    await expect.poll(() => page.getByTestId('changes').innerText()).toMatch(/10%.*→.*8%/);
    // Rename it.
    await page.getByTestId('rename').click();
    await page.getByTestId('rename-input').fill('保证金 8%');
    await page.getByTestId('rename-input').press('Enter');
    await expect.poll(() => page.locator('[data-testid="active-scenario"] option:checked').innerText()).toBe('保证金 8%');

    await tab(page, 'compare');
    await settled(page);
    const fund = page.getByTestId('compare-fund');
    await expect.poll(() => fund.locator('thead th').allInnerTexts()).toContain('保证金 8%');
    const edited = exampleScenario();
    edited.policy.deposit.rates.hospital = '0.08';
    const base = runScenario(exampleScenario()).fund.totalDeposit;
    const changed = runScenario(edited).fund.totalDeposit;
    expect(base).not.toBe(changed);
    const delta = await fund.locator('td[data-delta="totalDeposit"]').innerText();
    expect(delta.startsWith('−')).toBe(true);
    // Per-hospital differences in what each is owed: sorted by largest change, the first row has a non-zero delta.
    // Only settlement rules changed (targets are the same): the table opens on the first metric that changed.
    await expect.poll(() => page.locator('gb-compare-hospitals select#metric').inputValue()).toBe('owed');
    // A rate's change reads in percentage points; colours say good or bad for the fund.
    expect(await fund.locator('td[data-delta="currentSurplusRate"]').innerText()).toMatch(/个百分点$/);
    await page.locator('gb-compare-hospitals select#metric').selectOption('owed');
    const firstDelta = await page.locator('gb-compare-hospitals tbody td[data-delta]').first().innerText();
    expect(firstDelta).not.toMatch(/^0\.00$/);
    // Colours say good or bad for the fund, not the sign: paying institutions more (hospitalsOwed ↑) is a cost; a smaller
    // retained balance (totalBalance ↓) a saving; an unchanged figure (0.00) has no colour.
    const toneOf = (f: string) => fund.locator(`td[data-delta="${f}"]`).getAttribute('class');
    expect(await toneOf('hospitalsOwed')).toMatch(/\bbad\b/);
    expect(await toneOf('totalBalance')).toMatch(/\bgood\b/);
    expect(await fund.locator('td[data-delta="globalTarget"]').innerText()).toBe('0.00');
    expect(await toneOf('globalTarget')).not.toMatch(/\b(good|bad)\b/);
    // The chart plots the amounts that changed, largest first; nothing unchanged.
    const fields = (await page.getByTestId('compare-chart').getAttribute('data-fields'))!.split(' ');
    expect(fields).toContain('hospitalsOwed');
    expect(fields).not.toContain('globalTarget');
    // The institutions' summary and lists in the table's colours: owed more is bad for the fund.
    const gains = page.locator('gb-compare-hospitals [data-testid="gains-1"]');
    expect(await gains.getByTestId('gainers').getAttribute('class')).toBe('bad');
    const top = gains.locator('ol li span[data-tone]').first();
    const amount = await top.innerText();
    const same = page.locator('gb-compare-hospitals tbody td[data-delta]').filter({ hasText: new RegExp(`^${amount.replace(/[+.]/g, '\\$&')}$`) }).first();
    expect(await same.getAttribute('class')).toContain(` ${await top.getAttribute('data-tone')}`);
    await chartsDrawn(page);
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang').click();
      for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(size);
        await chartsDrawn(page);
        // The table whole in its card: the Δ and % columns not clipped.
        expect(await fund.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
        await shot(page, `compare-${lang}-${size.width}x${size.height}`);
      }
    }
    await page.getByTestId('lang').click();
    await page.setViewportSize({ width: 1440, height: 900 });
    // The chart follows once edits pause: drawn, and drawn again after another change.
    const canvas = page.locator('gb-compare canvas');
    const picture = () => canvas.evaluate((c: HTMLCanvasElement) => {
      const blank = document.createElement('canvas');
      blank.width = c.width;
      blank.height = c.height;
      const url = c.toDataURL();
      return url === blank.toDataURL() ? 'blank' : url;
    });
    await expect.poll(picture).not.toBe('blank');
    const first = await picture();
    await page.locator('gb-app').evaluate((app) => app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'edit', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.02' } })));
    await settled(page);
    await expect.poll(picture).not.toBe(first);
    await shot(page, 'compare');
  });

  it('a variant that changes no amount: the comparison says so instead of drawing an empty chart', async () => {
    const { page } = await start();
    await page.getByTestId('new-variant').click();
    await settled(page);
    await tab(page, 'compare');
    await settled(page);
    const none = page.getByTestId('compare-chart-none');
    await expect.poll(() => none.innerText()).toContain('0.00 万元');
    expect(await page.locator('gb-compare canvas').count()).toBe(0);
    const tones = await page.getByTestId('compare-fund').locator('td[data-delta]').evaluateAll((tds) => tds.map((td) => td.className));
    expect(tones.filter((c) => /\b(good|bad)\b/.test(c))).toEqual([]);
    await shot(page, 'compare-same-zh-1440x900');
  });

  it('edits in quick succession: the last one’s results are shown, exactly as Node computes them', async () => {
    const { page } = await start();
    // Eight edits without waiting: each supersedes the run of the one before.
    await page.locator('gb-app').evaluate((app) => {
      for (let i = 1; i <= 8; i++) app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'edit', path: ['fund', 'adjustmentFundRate'], value: `0.0${i}` } }));
    });
    await settled(page);
    const last = exampleScenario();
    last.fund.adjustmentFundRate = '0.08';
    expect(await shownFund(page, 'adjustmentFund')).toBe(expectedFund(last, 'adjustmentFund'));
    expect(await shownFund(page, 'hospitalsOwed')).toBe(expectedFund(last, 'hospitalsOwed'));
    expect(await shownFingerprint(page)).toBe(fingerprint(runScenario(last)));
  });

  it('undo and redo an edit', async () => {
    const { page } = await start();
    const before = await shownFund(page, 'globalTarget');
    await tab(page, 'params');
    await afterRecompute(page, () => setField(page, 'fund.riskReserveRate', '5'));
    await tab(page, 'results');
    const after = await shownFund(page, 'globalTarget');
    expect(after).not.toBe(before);
    await afterRecompute(page, () => page.getByTestId('undo').click());
    expect(await shownFund(page, 'globalTarget')).toBe(before);
    await afterRecompute(page, () => page.getByTestId('redo').click());
    expect(await shownFund(page, 'globalTarget')).toBe(after);
    // Keyboard: Ctrl+Z outside a field.
    await page.locator('h2').first().click();
    await afterRecompute(page, () => page.keyboard.press('Control+z'));
    expect(await shownFund(page, 'globalTarget')).toBe(before);
  });

  it('switches language and money unit', async () => {
    const { page } = await start();
    const city = exampleScenario();
    await page.getByTestId('lang').click();
    await expect.poll(() => page.locator('[data-tab="results"]').innerText()).toBe('Results');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('gb-fund-summary h2').innerText()).toContain('Fund summary');
    await page.getByTestId('unit-yuan').check();
    await expect.poll(() => shownFund(page, 'globalTarget')).toBe(expectedFund(city, 'globalTarget', 'yuan'));
    await shot(page, 'results-en-yuan');
    await page.getByTestId('lang').click();
    await expect.poll(() => page.locator('[data-tab="results"]').innerText()).toBe('结果');
    await page.getByTestId('unit-wan').check();
    await expect.poll(() => shownFund(page, 'globalTarget')).toBe(expectedFund(city, 'globalTarget', 'wan'));
  });

  it('opens one hospital: derivation, months, settlement, peers', async () => {
    const { page } = await start();
    const city = exampleScenario();
    const h = city.hospitals[2]!;
    await page.locator(`gb-hospital-table tr[data-row="${h.id}"] button.link`).click();
    await expect.poll(() => state<string>(page, 'tab')).toBe('hospital');
    await expect.poll(() => page.getByTestId('hospital-head').innerText()).toContain(h.name);
    const target = money(runScenario(city).hospitals[2]!.target, 'wan');
    await expect.poll(() => page.getByTestId('brief-target').innerText(), { timeout: 20_000 }).toContain(target);
    expect(await page.getByTestId('derivation').innerText()).toContain('×');
    expect(await page.getByTestId('peers').innerText()).toMatch(/\d/);
    expect(await page.getByTestId('settlement').innerText()).toContain(target);
    await page.getByTestId('monthly').locator('summary').click();
    expect(await page.locator('#m-t tbody tr').count()).toBe(3);
    await shot(page, 'hospital');
  });

  it('institution data: a cell edit locks a negotiated target; a bad cell is marked', async () => {
    const { page } = await start();
    const city = exampleScenario();
    const h = city.hospitals[1]!;
    await tab(page, 'data');
    const cell = page.locator(`gb-data-table input[data-path="hospitals[1].lockedTarget"]`);
    await cell.fill('-5');
    await cell.press('Enter');
    await expect.poll(() => cell.getAttribute('aria-invalid')).toBe('true');
    // Amounts are typed in the unit shown (万元 here): 30,000 万元 = 300,000,000.00 元.
    await afterRecompute(page, async () => { await cell.fill('30,000'); await cell.press('Enter'); });
    expect(await cell.getAttribute('aria-invalid')).toBe('false');
    await tab(page, 'results');
    const row = page.locator(`gb-hospital-table tr[data-row="${h.id}"]`);
    await expect.poll(() => row.innerText()).toContain('30,000.00');
    expect(await row.innerText()).toContain('锁定');
    await tab(page, 'data');
    await shot(page, 'data');
  });
});
