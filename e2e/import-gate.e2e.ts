/**
 * The one gate on an import (issue 8): a row whose 机构类型 is 「住院」 (listed by the template,
 * held by no pool of the example city) is refused before anything changes — the message in
 * Chinese names the row and the column and offers the classes the pools hold; the workspace
 * and the stored record are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './session.ts';
import { shot } from './harness.ts';
import { exportedDataWith, importMerged, state } from './helpers.ts';
import { dispatchEdit, flushed, storedValue } from './store-helpers.ts';

const { start } = useBrowser();

describe('the gate on an import', () => {
  it('refuses a class that no pool holds, naming row and column, and changes nothing', async () => {
    const { page } = await start();
    await dispatchEdit(page, ['fund', 'adjustmentFundRate'], '0.04');
    await flushed(page);
    const stored = JSON.stringify(await storedValue(page, 'current'));
    const ws = await state<unknown>(page, 'ws');
    const { bytes, row } = await exportedDataWith(page, '机构类型', '住院');
    await importMerged(page, 'inpatient.xlsx', bytes);
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.innerText(), { timeout: 60_000 }).toContain('未导入 inpatient.xlsx');
    const issues = await page.getByTestId('issues').innerText();
    const t02 = (ws as { baseline: { hospitals: { id: string; name: string }[] } }).baseline.hospitals[1]!;
    expect(issues).toContain(`第 ${row} 行「机构类型」（${t02.id} ${t02.name}）：机构类型「住院」不属于任何分配池`);
    expect(issues).toContain('请改为现有分配池所含的类型：医院、门诊慢特病、基层');
    expect(issues).toContain('机构类型「住院」没有保证金比例，方案无法计算 — 请改为已有保证金比例的类型');
    // In the bureau's words: no code, no field path, no English developer text.
    expect(issues).not.toMatch(/inpatient|\(hospital\)|baseline\.|hospitals\[|policy\.|deposit rate/);
    await shot(page, 'import-refused-zh-1440x900');
    expect(await state<unknown>(page, 'ws')).toEqual(ws);
    await flushed(page);
    expect(JSON.stringify(await storedValue(page, 'current'))).toBe(stored);

    // The same refusal in English: the notice is said in the language shown when it is raised.
    await page.getByTestId('lang').click();
    await importMerged(page, 'inpatient.xlsx', bytes);
    await expect.poll(() => page.getByTestId('issues').innerText(), { timeout: 60_000 }).toContain(`row ${row} "Class" (${t02.id} ${t02.name})`);
    const en = await page.getByTestId('issues').innerText();
    expect(en).toContain('class "inpatient" is in no pool, so the scenario cannot be computed');
    expect(en).toContain('class "inpatient" has no deposit rate');
    expect(en).not.toMatch(/baseline\.|hospitals\[|policy\./);
    await shot(page, 'import-refused-en-1440x900');
    expect(await state<unknown>(page, 'ws')).toEqual(ws);
  });
});
