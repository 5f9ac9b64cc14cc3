/**
 * Issue 10: the data tab adds and removes institutions and changes their level, category and class,
 * each through the one gate and undoable: an institution added appears and is computed; a
 * duplicate code is refused naming 机构编码, the form keeping what was typed; a class changed
 * changes the results; one removed is gone, and undo brings it back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot, shownFingerprint } from './harness.ts';
import { afterRecompute, exampleScenario, state, tab } from './helpers.ts';

const { start } = useBrowser();
const ids = (page: Page) => page.evaluate(() => ((globalThis as any).__gb.ctl.state.ws.baseline.hospitals as { id: string }[]).map((h) => h.id));
const computed = (page: Page) => state<number>(page, 'cols.baseline.view.n');
const gated = (page: Page) => page.evaluate(() => (globalThis as any).__gb.gated());

/**
 * Selects of the data table whose chosen name does not fit: its text as drawn in the select's
 * font, the padding and the arrow (16 px) wider than the box.
 */
const cutSelects = (page: Page) => page.locator('gb-data-table select[data-attr]').evaluateAll((els) => {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return (els as HTMLSelectElement[]).flatMap((sel) => {
    const text = sel.options[sel.selectedIndex]?.text ?? '';
    const cs = getComputedStyle(sel);
    ctx.font = cs.font;
    const need = ctx.measureText(text).width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + 16;
    return need > sel.clientWidth ? [`${sel.getAttribute('aria-label')}: ${text} (${Math.ceil(need)} > ${sel.clientWidth})`] : [];
  });
});

/** Level, category and class selects of the rows drawn that show other than the state's value. */
async function selectsOffState(page: Page): Promise<string[]> {
  const hs = await page.evaluate(() => (globalThis as any).__gb.ctl.state.ws.baseline.hospitals as Record<string, string>[]);
  const shown = await page.locator('gb-data-table tr[data-row] select[data-attr]').evaluateAll((els) => (els as HTMLSelectElement[]).map((sel) =>
    ({ id: sel.closest('tr')!.getAttribute('data-row')!, attr: sel.getAttribute('data-attr')!, value: sel.value })));
  expect(shown.length).toBeGreaterThan(0);
  return shown.flatMap((x) => {
    const want = hs.find((h) => h.id === x.id)?.[x.attr];
    return x.value === want ? [] : [`${x.id} ${x.attr}: ${x.value} ≠ ${want}`];
  });
}

async function fillForm(page: Page, id: string, name: string, amounts: string[]): Promise<void> {
  await page.getByTestId('add-id').fill(id);
  await page.getByTestId('add-name').fill(name);
  await page.getByTestId('add-level').selectOption('secondary');
  await page.getByTestId('add-category').selectOption('general');
  await page.getByTestId('add-class').selectOption('hospital');
  for (const [k, a] of amounts.entries()) {
    const box = page.getByTestId(`add-history-${k}`);
    await box.fill(a);
    await box.blur();
  }
}

describe('the data tab edits the institutions themselves', () => {
  it('add, refuse a duplicate code, change a class, remove, undo', async () => {
    const { page } = await start();
    const city = exampleScenario();
    const n = city.hospitals.length;
    await tab(page, 'data');
    // 万元 cells at rest to two decimals; focused, the exact digits (to the fen), so nothing is lost.
    const cell = page.locator('gb-data-table input[data-path="hospitals[0].history[0]"]');
    const yuan = city.hospitals[0]!.history[0]!;
    expect(await cell.inputValue()).toMatch(/^[\d,]+\.\d\d$/);
    await cell.focus();
    expect((await cell.inputValue()).replace(/,/g, '')).toBe(`${yuan.slice(0, -7)}.${yuan.slice(-7, -3)}${yuan.slice(-2)}`.replace(/^\./, '0.'));
    await cell.blur();
    expect(await cell.inputValue()).toMatch(/^[\d,]+\.\d\d$/);
    // Edited and left: at rest again, although its resting text is the one shown before (43,022.55).
    await cell.focus();
    await afterRecompute(page, async () => { await cell.fill('43022.5517'); await cell.blur(); });
    expect(await state(page, 'ws.baseline.hospitals.0.history.0')).toBe('430225517.00');
    expect(await cell.inputValue()).toBe('43,022.55');
    await cell.focus();
    expect(await cell.inputValue()).toBe('43,022.5517');
    await cell.blur();
    await shot(page, 'data-tab-zh-1440x900');
    await page.getByTestId('data-add').click();
    const years = city.policy.historyWeights.length;
    // 万元 (the default unit) with separators: 1,234.5 万元 = 12,345,000.00 元.
    await fillForm(page, 'N999', '新增测试医院', Array.from({ length: years }, () => '1234.5'));
    await expect.poll(() => page.getByTestId('add-history-0').inputValue()).toBe('1,234.50');
    await shot(page, 'data-add-form-zh-1440x900');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'data-add-form-zh-1280x720');
    await page.setViewportSize({ width: 1440, height: 900 });

    await afterRecompute(page, () => page.getByTestId('add-submit').click());
    expect(await ids(page)).toContain('N999');
    expect(await page.getByTestId('add-institution').count()).toBe(0);
    expect(await state(page, 'ws.baseline.hospitals.' + n + '.history')).toEqual(Array.from({ length: years }, () => '12345000.00'));
    expect(await computed(page)).toBe(n + 1);
    await page.locator('#dq').fill('N999');
    await expect.poll(() => page.locator('gb-data-table tr[data-row="N999"]').count()).toBe(1);
    await page.locator('#dq').fill('');

    // A duplicate code: refused, naming 机构编码; nothing changes and the form keeps what was typed.
    const before = await shownFingerprint(page);
    await page.getByTestId('data-add').click();
    await fillForm(page, city.hospitals[0]!.id, '重复编码医院', Array.from({ length: years }, () => '100'));
    await page.getByTestId('add-submit').click();
    await expect.poll(() => page.getByTestId('add-refused').innerText().catch(() => '')).toContain('机构编码');
    expect(await page.getByTestId('add-refused').innerText()).toContain(`「${city.hospitals[0]!.id} `);
    expect(await page.getByTestId('add-name').inputValue()).toBe('重复编码医院');
    expect((await ids(page)).length).toBe(n + 1);
    expect(await shownFingerprint(page)).toBe(before);
    await shot(page, 'data-add-refused-zh-1440x900');
    await page.getByTestId('add-cancel').click();

    // A class changed, by a select: the results change (another deposit rate).
    const h = city.hospitals.find((x) => x.class === 'hospital')!;
    const i = city.hospitals.indexOf(h);
    const select = page.locator(`gb-data-table tr[data-row="${h.id}"] select[data-attr="class"]`);
    await afterRecompute(page, async () => { await select.selectOption('chronic'); });
    await gated(page);
    expect(await state(page, `ws.baseline.hospitals.${i}.class`)).toBe('chronic');
    const changed = await shownFingerprint(page);
    expect(changed).not.toBe(before);

    // Removed, confirmed by name; undo brings it back.
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.accept(); });
    await afterRecompute(page, () => page.getByTestId(`remove-${h.id}`).click());
    expect(asked).toContain(h.name);
    expect(await ids(page)).not.toContain(h.id);
    expect(await computed(page)).toBe(n);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain(`已删除机构「${h.id} `);
    await afterRecompute(page, () => page.getByTestId('undo').click());
    expect(await ids(page)).toContain(h.id);
    expect(await state(page, `ws.baseline.hospitals.${i}.class`)).toBe('chronic');
    // The row shows what the state says (the select, not only the state), every row's selects alike; the notice of the removal is gone.
    await expect.poll(() => select.inputValue()).toBe('chronic');
    expect(await selectsOffState(page)).toEqual([]);
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(await shownFingerprint(page)).toBe(changed);
    await settled(page);

    // English, both sizes; every level, category and class select shows its name whole (「outpatient chronic」).
    await page.getByTestId('lang').click();
    expect(await cutSelects(page)).toEqual([]);
    await shot(page, 'data-tab-en-1440x900');
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(await cutSelects(page)).toEqual([]);
    await shot(page, 'data-tab-en-1280x720');
    await page.getByTestId('data-add').click();
    await expect.poll(() => page.getByTestId('add-institution').innerText()).toContain('Institution code');
    await shot(page, 'data-add-form-en-1280x720');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'data-add-form-en-1440x900');
    await page.getByTestId('lang').click();
    await page.getByTestId('add-cancel').click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'data-tab-zh-1280x720');
  });
});
