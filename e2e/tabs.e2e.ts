/**
 * Two tabs on the same stored workspace (issue 8): the first tab edits, the second says it is
 * read-only, refuses edits and follows what the first stores; when the first closes, the second
 * edits from the workspace as last stored, and nothing either tab did is lost or overwritten.
 */
import { describe, expect, it, inject } from 'vitest';
import { useBrowser } from './session.ts';
import { open, settled, shot } from './harness.ts';
import { state } from './helpers.ts';
import { dispatchEdit, flushed, storedValue } from './store-helpers.ts';

const { start } = useBrowser();
const RATE = 'ws.baseline.fund.adjustmentFundRate';

describe('two tabs on one workspace', () => {
  it('one edits, the other follows read-only and takes over when the first closes', async () => {
    const a = await start();
    await dispatchEdit(a.page, ['fund', 'adjustmentFundRate'], '0.031');
    await flushed(a.page);
    expect(await state<string>(a.page, 'saveState')).toBe('saved');

    const b = await open(a.context.browser()!, inject('baseUrl'), { context: a.context });
    await settled(b.page);
    // B shows what A stored, says it is read-only, and refuses an edit without writing anything.
    expect(await state<string>(b.page, RATE)).toBe('0.031');
    expect(await state<string>(b.page, 'saveState')).toBe('follow');
    expect(await b.page.getByTestId('save-state').innerText()).toContain('只读');
    expect(await b.page.getByTestId('notice').innerText()).toContain('另一个标签页');
    await dispatchEdit(b.page, ['fund', 'adjustmentFundRate'], '0.099');
    await expect.poll(() => b.page.getByTestId('notice').innerText()).toContain('本页只读');
    expect(await state<string>(b.page, RATE)).toBe('0.031');
    await shot(b.page, 'tabs-follower-zh-1440x900');

    // A edits on; B follows each stored change.
    await dispatchEdit(a.page, ['fund', 'adjustmentFundRate'], '0.032');
    await expect.poll(() => state<string>(b.page, RATE), { timeout: 15_000 }).toBe('0.032');
    await dispatchEdit(a.page, ['fund', 'riskReserveRate'], '0.025');
    await dispatchEdit(a.page, ['fund', 'adjustmentFundRate'], '0.033');
    await expect.poll(() => state<string>(b.page, RATE), { timeout: 15_000 }).toBe('0.033');
    expect(await state<string>(b.page, 'ws.baseline.fund.riskReserveRate')).toBe('0.025');
    await flushed(a.page);
    const stored = JSON.stringify(await storedValue(a.page, 'current'));

    // Follower's wait and A's writes changed nothing A did not do.
    await b.page.waitForTimeout(1000);
    expect(JSON.stringify(await storedValue(b.page, 'current'))).toBe(stored);

    // A closes: B becomes the editor, from the last stored state.
    await a.page.close();
    await expect.poll(() => state<string>(b.page, 'saveState'), { timeout: 15_000 }).toBe('saved');
    expect(await b.page.getByTestId('notice').innerText()).toContain('现在可在本页编辑');
    expect(await state<string>(b.page, RATE)).toBe('0.033');
    await dispatchEdit(b.page, ['fund', 'adjustmentFundRate'], '0.034');
    await flushed(b.page);
    await b.page.reload();
    await settled(b.page);
    expect(await state<string>(b.page, RATE)).toBe('0.034');
    expect(await state<string>(b.page, 'ws.baseline.fund.riskReserveRate')).toBe('0.025');
    expect(b.errors).toEqual([]);
    expect(b.foreign()).toEqual([]);
  });
});
