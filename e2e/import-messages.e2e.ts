/**
 * An import the app cannot read says why in the language shown: a CSV without a header row names
 * the rows searched and the column it looked for (never 「表头在第 ? 行」), and the CSV reader's
 * notes are in Chinese too. Screenshots in zh and en at 1440×900 and 1280×720.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './session.ts';
import { shot } from './harness.ts';

const { start } = useBrowser();

const NO_HEADER = Buffer.from('日期;摘要;金额\n1;甲;2\n3;乙;4\n', 'utf8');

describe('an import without a header row', () => {
  it('names the rows searched and the column missing, in zh and en', async () => {
    const { page } = await start();
    const open = async () => {
      await page.getByTestId('open-import').click();
      await page.getByTestId('import-file').setInputFiles({ name: 'no-header.csv', mimeType: 'text/csv', buffer: NO_HEADER });
      await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
      return page.getByTestId('import-report').innerText();
    };
    const zh = await open();
    expect(zh).toContain('未找到表头行：第 1–3 行中没有「机构编码」列');
    expect(zh).not.toMatch(/no header row|\?/);
    for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await shot(page, `import-no-header-zh-${size.width}x${size.height}`);
    }
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('lang').click();
    const en = await open();
    expect(en).toContain('no header row found: rows 1–3 have no "Institution code" column');
    expect(en).not.toContain('未找到表头行');
    for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await shot(page, `import-no-header-en-${size.width}x${size.height}`);
    }
  });
});
