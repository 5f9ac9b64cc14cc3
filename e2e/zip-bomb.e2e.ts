/**
 * Zip bombs given to the import in real Chromium (issue 8): one whose directory declares 4 GB and
 * one whose directory lies (every size small, a worksheet inflating to 4 GiB; built in memory by
 * tests/sheets/lying-zip.ts). Both are refused by the import worker with the size in words (the
 * lying one once its worksheet inflates past the size declared), the tab survives (it still answers and the dialog closes), and the workspace is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser } from './session.ts';
import { shot } from './harness.ts';
import { state } from './helpers.ts';
import { ROOT } from './serve.ts';
import { lyingWorkbook } from '../tests/sheets/lying-zip.ts';

const { start } = useBrowser();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A real workbook with every part's declared unpacked size set to ~4 GB. */
function declaredBomb(): Buffer {
  const b = readFileSync(join(ROOT, 'tests', 'fixtures', 'sheets', 'bad-rows.xlsx'));
  for (let i = 0; i + 4 <= b.length; i++) if (b.readUInt32LE(i) === 0x02014b50) b.writeUInt32LE(0xfffffff0, i + 24);
  return b;
}

describe('zip bombs given to the import', () => {
  it('declared or lying, each is refused with its size in words; the tab survives and nothing changes', async () => {
    const { page } = await start();
    const ws0 = await state<unknown>(page, 'ws');
    const lying = Buffer.from(await lyingWorkbook(4));
    for (const [name, buffer] of [['declared-bomb.xlsx', declaredBomb()], ['lying-bomb.xlsx', lying]] as const) {
      await page.getByTestId('open-import').click();
      const t = Date.now();
      await page.getByTestId('import-file').setInputFiles({ name, mimeType: XLSX, buffer });
      const given = Date.now() - t;
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 60_000 });
      console.log(`${name} (${(buffer.length / 1e6).toFixed(1)} MB): given to the page in ${given} ms, refused ${Date.now() - t - given} ms later`);
      expect(await report.innerText()).toContain(name === 'lying-bomb.xlsx' ? '表格解压后超过其压缩包目录记录的大小' : '超过本工具可读取的 300 MB');
      expect(await page.evaluate(() => 1 + 1)).toBe(2); // the page still answers
      if (name === 'lying-bomb.xlsx') {
        for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
          await page.setViewportSize(size);
          await shot(page, `zip-bomb-zh-${size.width}x${size.height}`);
        }
      }
      await page.getByTestId('import-cancel').click();
      expect(await page.getByTestId('import-dialog').count()).toBe(0);
    }
    expect(await state<unknown>(page, 'ws')).toEqual(ws0);
    // In English the same refusal is in English.
    await page.getByTestId('lang').click();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'lying-bomb.xlsx', mimeType: XLSX, buffer: lying });
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.innerText()).toContain('the workbook unpacks to more than its zip directory declares');
    for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await shot(page, `zip-bomb-en-${size.width}x${size.height}`);
    }
    await page.getByTestId('import-cancel').click();
    expect(await state<unknown>(page, 'ws')).toEqual(ws0);
  }, 240_000);
});
