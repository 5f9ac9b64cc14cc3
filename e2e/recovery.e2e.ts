/**
 * A stored workspace that cannot be loaded is never written over (issue 8): reload shows the
 * recovery notice with what is wrong, the record stays byte-identical (no autosave, no edit
 * meanwhile), it downloads as it is, and only the user's "discard" sets it aside (kept).
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { useBrowser } from './session.ts';
import { settled, shot } from './harness.ts';
import { state } from './helpers.ts';
import { dispatchEdit, flushed, putStored, storedKeys, storedValue } from './store-helpers.ts';

const { start } = useBrowser();

describe('recovery of a stored workspace that cannot be loaded', () => {
  it('is reported, left byte-identical, downloadable, and discarded only when the user says so', async () => {
    const { page } = await start();
    await dispatchEdit(page, ['fund', 'adjustmentFundRate'], '0.04');
    await flushed(page);
    const good = (await storedValue(page, 'current')) as { text: string; savedAt: string };
    const doc = JSON.parse(good.text);
    doc.baseline.hospitals[3].history[1] = '-5';
    const broken = { ...good, text: JSON.stringify(doc, null, 2) };
    await putStored(page, 'current', broken);
    const before = JSON.stringify(await storedValue(page, 'current'));

    await page.reload();
    await settled(page);
    const notice = page.getByTestId('recovery');
    await expect.poll(() => notice.innerText(), { timeout: 30_000 }).toContain('本机保存的工作区无法载入');
    // The institution and the field in words, as every notice names them — never the path.
    const h = doc.baseline.hospitals[3];
    const year = doc.baseline.meta.year - h.history.length + 1;
    const listed = await page.getByTestId('recovery-issues').innerText();
    expect(listed).toContain(`「${h.id} ${h.name}」的「${year}年基金支出」：须为不小于 0 的金额`);
    expect(listed).not.toContain('baseline.hospitals');
    // The wrong old notice ("the file was not opened") is gone: no file was opened.
    expect(await page.locator('[data-testid="notice"]').count()).toBe(0);
    expect(await page.getByTestId('save-state').innerText()).toContain('未保存到本机');
    // An edit meanwhile is refused and says why; nothing is written.
    await dispatchEdit(page, ['fund', 'adjustmentFundRate'], '0.05');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('请先处理');
    expect(await state<string>(page, 'ws.baseline.fund.adjustmentFundRate')).not.toBe('0.05');
    await page.waitForTimeout(1000); // longer than the snapshot's delay
    expect(JSON.stringify(await storedValue(page, 'current'))).toBe(before);
    expect((await storedKeys(page)).filter((k) => k.startsWith('wal-'))).toEqual([]);

    for (const [lang, size] of [['zh', { width: 1440, height: 900 }], ['zh', { width: 1280, height: 720 }], ['en', { width: 1440, height: 900 }], ['en', { width: 1280, height: 720 }]] as const) {
      if ((await state<string>(page, 'lang')) !== lang) await page.getByTestId('lang').click();
      await page.setViewportSize(size);
      await shot(page, `recovery-${lang}-${size.width}x${size.height}`);
      if (lang === 'en') expect(await page.getByTestId('recovery-issues').innerText()).toContain(`"${h.id} ${h.name}", History ${year}: must be`);
    }
    await page.getByTestId('lang').click(); // back to Chinese

    // Download as it is: the very text stored.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recovery-download').click()]);
    expect(await readFile((await download.path())!, 'utf8')).toBe(broken.text);
    expect(JSON.stringify(await storedValue(page, 'current'))).toBe(before);

    // Reloading again changes nothing either.
    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByTestId('recovery').count()).toBe(1);
    expect(JSON.stringify(await storedValue(page, 'current'))).toBe(before);

    // The user's decision: discard. The record is set aside as it was, and the example is kept from now on.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('recovery-discard').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('已弃用');
    const aside = (await storedKeys(page)).filter((k) => k.startsWith('corrupt-'));
    expect(aside).toHaveLength(1);
    expect(JSON.stringify(((await storedValue(page, aside[0]!)) as { current: unknown }).current)).toBe(before);
    await dispatchEdit(page, ['fund', 'adjustmentFundRate'], '0.05');
    await flushed(page);
    await page.reload();
    await settled(page);
    expect(await state<string>(page, 'ws.baseline.fund.adjustmentFundRate')).toBe('0.05');
    expect(await page.getByTestId('recovery').count()).toBe(0);
  });

  it('opening a repaired file takes the stored workspace’s place', async () => {
    const { page } = await start();
    await dispatchEdit(page, ['fund', 'adjustmentFundRate'], '0.04');
    await flushed(page);
    const good = (await storedValue(page, 'current')) as { text: string };
    await putStored(page, 'current', { ...good, text: good.text.slice(0, 200) });
    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByTestId('recovery').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('recovery-issues').innerText()).toMatch(/JSON/);
    await page.getByTestId('recovery-open').setInputFiles({ name: 'repaired.gbsim.json', mimeType: 'application/json', buffer: Buffer.from(good.text) });
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 30_000 }).toContain('repaired.gbsim.json');
    expect(await page.getByTestId('recovery').count()).toBe(0);
    await flushed(page);
    await page.reload();
    await settled(page);
    expect(await state<string>(page, 'ws.baseline.fund.adjustmentFundRate')).toBe('0.04');
  });
});
