/**
 * The single file (dist-single/gbsim.html) opened from disk, file://, in real Chromium, as a
 * bureau's PC would by double-click: no server. The main flows on one page, in order: the example,
 * an edit, a variant compared, the template and a workbook imported (exceljs in its worker), the
 * results exported, the brief printed to PDF, the Monte Carlo run on two workers, a case list
 * imported through DuckDB-wasm unpacked from inside the file, reload → the workspace is found
 * (IndexedDB of the file:// origin). Every request is counted: none may be other than file://
 * (the page itself), blob: or data:. No console error or warning. Builds the file first unless
 * it is newer than everything it is built from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { launch, open, settled, shot, shownFingerprint, type Session } from './harness.ts';
import { afterRecompute, exampleScenario, expectedFund, setField, shownFund, state, tab } from './helpers.ts';
import { ROOT } from './serve.ts';
import { runScenario } from '../src/engine/run.ts';
import { parseMoney } from '../src/engine/money.ts';
import { prepareRisk } from '../src/engine/risk/prepare.ts';
import { runDraws } from '../src/engine/risk/kernel.ts';
import { mergeBlocks } from '../src/engine/risk/blocks.ts';
import { summarize } from '../src/engine/risk/summary.ts';
import { riskParams } from '../src/engine/risk/params.ts';
import { loadScenario } from '../src/scenario/open.ts';
import { importCaseFile } from '../src/cases/node.ts';
import { synthCatalogue } from '../scripts/cases/catalogue.ts';
import { institutionsOf, writeCaseList } from '../scripts/cases/caselist.ts';
import type { CaseImportResult, CaseSetup } from '../src/cases/types.ts';

const FILE = join(ROOT, 'dist-single', 'gbsim.html');
const SOURCES = ['src', 'workers', 'scripts', 'scenarios', 'index.html', 'vite.config.ts', 'vite.single.config.ts', 'package-lock.json'];

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** `npm run build:single` in a child process, unless the file is newer than all it is built from. */
async function buildSingle(): Promise<void> {
  const built = (() => { try { return statSync(FILE).mtimeMs; } catch { return 0; } })();
  if (built > Math.max(...SOURCES.map((p) => newest(join(ROOT, p))))) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((ok, fail) => {
    execFile(process.execPath, [vite, 'build', '--config', 'vite.single.config.ts', '--logLevel', 'error'],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 << 20 },
      (err, _out, stderr) => (err ? fail(new Error(`single-file build failed: ${stderr}`)) : ok()));
  });
}

const local = (u: string) => u.startsWith('file://') || u.startsWith('blob:') || u.startsWith('data:');

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]) as [Download, unknown];
  return readFile((await d.path())!);
}

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

let browser: Browser;
let s: Session;
const dir = mkdtempSync(join(tmpdir(), 'gbsim-single-e2e-'));

beforeAll(async () => {
  await buildSingle();
  browser = await launch();
  s = await open(browser, pathToFileURL(FILE).href);
  await settled(s.page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the single file, opened from disk (file://)', () => {
  it('is one file under a policy that allows no network, and opens on the example computed as in Node', async () => {
    const html = readFileSync(FILE, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/connect-src blob:;/);
    expect(csp).not.toMatch(/https?:|\*|'unsafe-inline'|'self'/);
    const { page } = s;
    expect(await page.evaluate(() => location.protocol)).toBe('file:');
    expect(await shownFingerprint(page)).toMatch(/^sha256:/);
    expect(await shownFund(page, 'globalTarget')).toBe(expectedFund(exampleScenario(), 'globalTarget'));
    await shot(page, 'single-results-zh-1440');
  });

  it('edits a parameter, and compares a variant', async () => {
    const { page } = s;
    await tab(page, 'params');
    await afterRecompute(page, () => setField(page, 'fund.adjustmentFundRate', '5%'));
    const edited = exampleScenario();
    edited.fund.adjustmentFundRate = '0.05';
    await tab(page, 'results');
    expect(await shownFund(page, 'adjustmentFund')).toBe(expectedFund(edited, 'adjustmentFund'));

    await page.getByTestId('new-variant').click();
    await settled(page);
    await tab(page, 'params');
    await afterRecompute(page, () => setField(page, 'policy.deposit.rates.hospital', '8'));
    await tab(page, 'compare');
    await settled(page);
    const delta = await page.getByTestId('compare-fund').locator('td[data-delta="totalDeposit"]').innerText();
    expect(delta.startsWith('−')).toBe(true);
    await page.locator('gb-compare canvas').first().waitFor({ timeout: 30_000 });
    await shot(page, 'single-compare-zh-1440');
  });

  it('downloads the template, imports a workbook (bad cells reported, valid rows applied) and exports the results', async () => {
    const { page } = s;
    await page.getByTestId('active-scenario').selectOption('baseline');
    await settled(page);
    await tab(page, 'data');
    await page.getByTestId('open-import').click();
    const tpl = await workbook(await download(page, () => page.getByTestId('template-xlsx').click()));
    expect((tpl.worksheets[0]!.getRow(1).values as unknown[]).map(String)).toContain('机构编码');
    await page.getByTestId('import-file').setInputFiles(join(ROOT, 'tests', 'fixtures', 'sheets', 'bad-rows.xlsx'));
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/有效 1 行[\s\S]*11 个错误/);
    const n = (await state<unknown[]>(page, 'ws.baseline.hospitals')).length;
    await page.getByTestId('mode-merge').check();
    await afterRecompute(page, () => page.getByTestId('apply-valid').click());
    expect(await state<unknown[]>(page, 'ws.baseline.hospitals')).toHaveLength(n + 1);
    await afterRecompute(page, () => page.getByTestId('undo').click());
    expect(await state<unknown[]>(page, 'ws.baseline.hospitals')).toHaveLength(n);

    await page.getByTestId('open-export').click();
    const wb = await workbook(await download(page, () => page.getByTestId('export-results').click()));
    const fund = wb.getWorksheet('基金汇总')!;
    let g: unknown = null;
    fund.eachRow((r) => { if (r.getCell(1).value === '年度总额控制目标') g = r.getCell(2).value; });
    expect(g).toBe(parseMoney(runScenario(await state(page, 'ws.baseline')).fund.globalTarget) / 1e6);
    await page.getByTestId('export-close').click();
  });

  it('prints the brief (one A4 page of PDF)', async () => {
    const { page } = s;
    await tab(page, 'hospital');
    await page.getByTestId('brief').waitFor({ timeout: 60_000 });
    await page.locator('gb-brief-chart img').waitFor({ state: 'attached', timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(ROOT, 'test-artifacts', 'single-brief.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
    await shot(page, 'single-brief-zh-1440');
  });

  it('runs the Monte Carlo risk on two workers with the summary Node gives', async () => {
    const r = loadScenario(readFileSync(join(ROOT, 'scenarios', 'city.json'), 'utf8'));
    if (!r.ok) throw new Error('city.json');
    const params = riskParams({ draws: 1000, seed: 7, sigmaCommon: 0.05, sigma: 0.07 });
    const { input } = prepareRisk(r.scenario, params);
    const node = summarize(mergeBlocks([runDraws(input, 0, params.draws)], params.draws, input.n));
    const got = await s.page.evaluate(`(async ({ scenario, params }) => {
      const pool = await globalThis.__gb.risk();
      return (await pool.runRisk(scenario, params, { workers: 2 })).summary;
    })(${JSON.stringify({ scenario: r.scenario, params })})`);
    expect(got).toEqual(node);
  });

  it('imports a case list through DuckDB-wasm carried inside the file, as Node does', async () => {
    const city = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city.json'), 'utf8'));
    const setup: CaseSetup = { hospitalIds: city.hospitals.map((h: { id: string }) => h.id), year: 2025, catalogue: synthCatalogue(), thresholds: { low: '0.5', high: '2' } };
    const csv = join(dir, 'cases.csv');
    await writeCaseList(csv, { institutions: institutionsOf(city), catalogue: setup.catalogue, year: 2025, seed: 5, cases: 500, bad: 3, month: 'mixed' });
    const { page } = s;
    await page.evaluate(`(() => { const i = document.createElement('input'); i.type = 'file'; i.id = 'gb-test-cases'; i.hidden = true; document.body.append(i); })()`);
    await page.setInputFiles('#gb-test-cases', csv);
    const got = (await page.evaluate(`(async (setup) => {
      const client = await globalThis.__gb.cases();
      return client.importCaseList(document.getElementById('gb-test-cases').files[0], setup).result;
    })(${JSON.stringify(setup)})`)) as CaseImportResult;
    const node = await importCaseFile(csv, setup);
    expect(got.ok, JSON.stringify(got).slice(0, 600)).toBe(true);
    expect({ ...got, report: { ...got.report, timings: undefined } }).toEqual({ ...node, report: { ...node.report, timings: undefined } });
  }, 240_000); // compiling 34 MB of WebAssembly is slow on a busy machine

  it('finds the workspace after a reload (IndexedDB of the file:// origin)', async () => {
    const { page } = s;
    await page.evaluate(() => (globalThis as any).__gb.flush());
    await page.reload();
    await settled(page);
    expect(await state<unknown[]>(page, 'ws.variants')).toHaveLength(1);
    expect(await page.getByTestId('notice').innerText()).toContain('已恢复');
    await tab(page, 'params');
    expect(await page.locator('gb-field[data-path="fund.adjustmentFundRate"] input').inputValue()).toBe('5');
  });

  it('looks right in Chinese and English at 1440×900 and 1280×720', async () => {
    const { page } = s;
    await tab(page, 'compare');
    await settled(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'single-compare-zh-1280');
    await page.getByTestId('lang').click();
    await tab(page, 'results');
    await settled(page);
    await shot(page, 'single-results-en-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await tab(page, 'compare');
    await shot(page, 'single-compare-en-1440');
    await page.getByTestId('lang').click();
  });

  it('made no request other than file:// (itself), blob: and data:, and logged no error', () => {
    expect(s.requests.filter((u) => !local(u))).toEqual([]);
    expect(s.requests.filter((u) => u.startsWith('file://') && !u.endsWith('/gbsim.html'))).toEqual([]);
    expect(s.requests.some((u) => u.startsWith('blob:'))).toBe(true); // the workers and DuckDB's wasm
    expect(s.errors).toEqual([]);
  });
});
