/**
 * Files go where they belong (issue 8): a spreadsheet given to 打开文件 goes to the import (told
 * by its bytes, not its name), a workspace file given to the import is opened, anything else is
 * refused in the user's language naming the file and what it seems to be, and nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot } from './harness.ts';
import { state } from './helpers.ts';
import { ROOT } from './serve.ts';

const { start } = useBrowser();

const give = (page: Page, testId: string, name: string, bytes: Buffer) =>
  page.getByTestId(testId).setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
const revision = (page: Page) => state<number>(page, 'revision');

describe('打开文件 routes by what a file is', () => {
  it('a spreadsheet goes to the import, a workspace file given to the import is opened, others are refused', async () => {
    const { page } = await start();
    const xlsx = await readFile(join(ROOT, 'tests', 'fixtures', 'sheets', 'bad-rows.xlsx'));
    const rev = await revision(page);

    // An .xlsx under a name that says nothing: the import dialog opens on it and reports its rows.
    await give(page, 'open-file', '机构数据', xlsx);
    await expect.poll(() => page.getByTestId('import-report').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/\d/);
    expect(await page.locator('[data-testid="notice"]').count()).toBe(0);
    expect(await revision(page)).toBe(rev);
    await page.getByTestId('import-cancel').click();
    await expect.poll(() => state<unknown>(page, 'dialog')).toBe(null);

    // A CSV too.
    await give(page, 'open-file', 'rows.csv', Buffer.from('机构编码,机构名称\nN001,示例\n'));
    await expect.poll(() => page.getByTestId('import-report').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('import-cancel').click();
    await expect.poll(() => state<unknown>(page, 'dialog')).toBe(null);

    // Not ours: refused, naming the file and what it seems to be; nothing changes.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await give(page, 'open-file', 'scan.json', png);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('未能打开「scan.json」：它看来是图片');
    // The notice keeps what it says, not its text: switched to English, the refusal on screen reads English; and back.
    await page.getByTestId('lang').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('“scan.json” was not opened: it seems to be');
    await page.getByTestId('lang').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('未能打开「scan.json」：它看来是图片');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await give(page, 'open-file', '2024.xls', xls);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('另存为');
    await shot(page, 'open-refused-zh-1440x900');
    expect(await revision(page)).toBe(rev);

    // A workspace file given to the import dialog is opened as a workspace.
    const ws = (await readFile(join(ROOT, 'scenarios', 'city.json'), 'utf8')).replace('"name": "示例市', '"name": "导入口打开的示例市');
    await page.getByTestId('open-import').click();
    await give(page, 'import-file', 'city-copy.txt', Buffer.from(ws));
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 30_000 }).toContain('已打开');
    expect(await state<unknown>(page, 'dialog')).toBe(null);
    expect(await state<string>(page, 'ws.baseline.meta.name')).toContain('导入口打开的');
    await settled(page);

    // In English, in English.
    await page.getByTestId('lang').click();
    await give(page, 'open-file', 'report.pdf', Buffer.from('%PDF-1.7\n'));
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('“report.pdf” was not opened: it seems to be a PDF document');
    // A Parquet case list is told by its magic number (PAR1), whatever its name.
    await give(page, 'open-file', 'cases.json', Buffer.from([0x50, 0x41, 0x52, 0x31, 0x15, 0x00, 0x50, 0x41, 0x52, 0x31]));
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('“cases.json” was not opened: it seems to be a Parquet data file (a case list');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'open-refused-en-1280x720');
  });
});
