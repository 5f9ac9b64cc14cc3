/** Shared pieces of the e2e tests: the example, exact expectations from the Node engine, page actions. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runScenario } from '../src/engine/run.ts';
import type { Scenario } from '../src/format/types.ts';
import type { FundResult } from '../src/engine/result.ts';
import { money } from '../src/display/number.ts';
import { ROOT } from './serve.ts';
import { settled } from './harness.ts';

export const exampleScenario = (): Scenario => JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city.json'), 'utf8')) as Scenario;

/** What the page must show for a fund figure, computed by the engine in Node. */
export function expectedFund(s: Scenario, field: keyof FundResult, unit: 'yuan' | 'wan' = 'wan'): string {
  return money(runScenario(s).fund[field] as string, unit);
}

/** The figure shown in the fund summary (without its unit). */
export async function shownFund(page: Page, field: keyof FundResult): Promise<string> {
  const text = await page.locator(`gb-fund-summary dd[data-field="${field}"]`).innerText();
  return text.trim().split(/\s+/)[0]!;
}

/** Type into a scenario field (gb-field by its path) and commit it. */
export async function setField(page: Page, path: string, value: string): Promise<void> {
  const input = page.locator(`gb-field[data-path="${path}"] input`);
  await input.fill(value);
  await input.press('Enter');
}

export async function tab(page: Page, name: 'results' | 'params' | 'data' | 'compare' | 'hospital'): Promise<void> {
  await page.locator(`[data-tab="${name}"]`).click();
}

/** Edit, then wait until every scenario shown has been recomputed. */
export async function afterRecompute(page: Page, act: () => Promise<void>): Promise<void> {
  const rev = await page.evaluate(() => (globalThis as any).__gb.ctl.state.revision as number);
  await act();
  await page.waitForFunction((r) => (globalThis as any).__gb.ctl.state.revision > r, rev, { polling: 20 });
  await settled(page);
}

export async function state<T>(page: Page, pick: string): Promise<T> {
  // A path walk, not eval: the page's CSP forbids eval.
  return page.evaluate((p) => p.split('.').reduce((o: any, k) => o?.[k], (globalThis as any).__gb.ctl.state), pick) as Promise<T>;
}

/**
 * The page's own data export with the second institution's cell under a heading (e.g. 机构类型) set
 * to `value`: the workbook's bytes and the sheet row changed (1-based, as a report names it).
 */
export async function exportedDataWith(page: Page, heading: string, value: string): Promise<{ bytes: Buffer; row: number }> {
  await page.getByTestId('open-export').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-data').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await d.path())!)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  let header = 0;
  let col = 0;
  sheet.eachRow((r, n) => { if (!header) r.eachCell((c, i) => { if (String(c.value).startsWith(heading)) { header = n; col = i; } }); });
  if (!col) throw new Error(`no column ${heading} in the data export`);
  sheet.getRow(header + 2).getCell(col).value = value;
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByTestId('export-close').click();
  return { bytes, row: header + 2 };
}

/** Give a workbook to the import dialog and apply all of it as a merge. */
export async function importMerged(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  await page.getByTestId('mode-merge').check();
  await page.getByTestId('apply-all').click();
}
