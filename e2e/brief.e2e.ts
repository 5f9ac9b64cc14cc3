/**
 * The negotiation brief and provenance in real Chromium: the brief printed (print media, one A4
 * page, no toolbar; screenshot and PDF kept as artifacts), the what-if's pool changes adding up
 * to zero and matching the engine in Node, "print all briefs" of a filtered list, provenance
 * badges, adding a source (saved in the scenario file), and sources of differing parameters.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './session.ts';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { settled, shot } from './harness.ts';
import { afterRecompute, exampleScenario, setField, state, tab } from './helpers.ts';
import { ROOT } from './serve.ts';
import { runScenario } from '../src/engine/run.ts';
import { formatMoney, parseMoney } from '../src/engine/money.ts';

const { start } = useBrowser();



/** The what-if rows shown: id → [Δ at +X%, Δ at −X%] as written on the page; the others of the pool summed. */
async function whatIfRows(page: Page): Promise<Map<string, [string, string]>> {
  const rows = await page.locator('gb-brief-whatif tr[data-id]').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-id')!, tr.getAttribute('data-d-plus')!, tr.getAttribute('data-d-minus')!] as const));
  return new Map(rows.map(([id, p, m]) => [id, [p, m]]));
}

async function whatIfRest(page: Page): Promise<{ count: number; plus: string; minus: string }> {
  const rest = page.locator('gb-brief-whatif tr.rest');
  if (!(await rest.count())) return { count: 0, plus: '0.00', minus: '0.00' };
  return { count: Number(await rest.getAttribute('data-rest')), plus: (await rest.getAttribute('data-d-plus'))!, minus: (await rest.getAttribute('data-d-minus'))! };
}

const SECTIONS = ['hospital-head', 'brief-history', 'derivation', 'brief-deposit', 'settlement', 'peers', 'brief-whatif', 'brief-sources'];

describe('the hospital brief', () => {
  it('prints as one A4 page with one institution’s sections and no toolbar (screenshot and PDF kept)', async () => {
    const { page } = await start();
    const city = exampleScenario();
    const h = city.hospitals[0]!;
    await tab(page, 'hospital');
    await page.getByTestId('whatif-table').waitFor({ timeout: 30_000 });
    await page.locator('gb-brief-chart img').waitFor({ state: 'attached', timeout: 30_000 }); // the chart captured for print
    // The derivation says what its counts are: the pool's institutions in words, never a bare 「(20)」.
    const derivation = await page.getByTestId('derivation').innerText();
    expect(derivation).toMatch(/池内共 \d+ 家机构/);
    expect(derivation).not.toMatch(/[(（]\d+[)）]/);
    expect(derivation).toContain('级别系数');
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi, as the print layout sees it
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('gb-toolbar').isVisible()).toBe(false);
    expect(await page.locator('[role="tablist"]').isVisible()).toBe(false);
    expect(await page.getByTestId('pick-hospital').isVisible()).toBe(false);
    expect(await page.getByTestId('brief').count()).toBe(1);
    expect(await page.getByTestId('brief').getAttribute('data-id')).toBe(h.id);
    for (const id of SECTIONS) expect(await page.getByTestId(id).isVisible(), id).toBe(true);
    expect(await page.getByTestId('hospital-head').innerText()).toContain(h.name);
    // The chart prints as an image of itself; the canvas is for the screen.
    expect(await page.locator('gb-brief-chart img').isVisible()).toBe(true);
    expect(await page.locator('gb-brief-chart canvas').isVisible()).toBe(false);
    expect(await page.getByTestId('brief-history-table').innerText()).toContain('2024');
    expect(await page.getByTestId('peer-per-case').innerText()).toMatch(/P\d+/);
    expect(await page.getByTestId('brief-sources').innerText()).toContain('人社部发〔2012〕70号');
    // Each rule with its setting, lists in words (the fund report's rules table says the same).
    expect(await page.getByTestId('brief-sources').innerText()).toContain('结余留用规则「≤5%：70%；5%–10%：50%；>10%：30%（超额累进）」');
    await shot(page, 'brief-print');
    await mkdir(join(ROOT, 'test-artifacts'), { recursive: true });
    const pdfPath = join(ROOT, 'test-artifacts', 'brief.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'brief-screen');
  });

  it('what-if: the pool’s changes add up to zero and match the engine in Node', async () => {
    const { page } = await start();
    const city = exampleScenario();
    await tab(page, 'hospital');
    await page.getByTestId('whatif-table').waitFor({ timeout: 30_000 });
    const base = runScenario(city);
    const me = base.hospitals[0]!;
    const check = async (pct: number) => {
      const rows = await whatIfRows(page);
      const rest = await whatIfRest(page);
      const pool = base.hospitals.filter((h) => h.pool === me.pool);
      // The institution first, then the largest changes; every other member of the pool in the summed row.
      expect([...rows.keys()][0]).toBe(me.id);
      expect(rows.size + rest.count).toBe(pool.length);
      expect([...rows.keys()].every((id) => pool.some((h) => h.id === id))).toBe(true);
      expect([...rows.values()].reduce((a, [p]) => a + parseMoney(p), 0) + parseMoney(rest.plus)).toBe(0);
      expect([...rows.values()].reduce((a, [, m]) => a + parseMoney(m), 0) + parseMoney(rest.minus)).toBe(0);
      expect(await page.locator('gb-brief-whatif tr.sum').innerText()).toMatch(/0\.00\s+0\.00/);
      // The engine in Node, with the target locked at allocated × (1 + X%), rounded half-up to the fen.
      const fen = BigInt(parseMoney(me.allocatedTarget));
      const locked = formatMoney(Number((fen * BigInt(100 + pct) * 2n + 100n) / 200n));
      const s = structuredClone(city);
      s.hospitals[0]!.lockedTarget = locked;
      const r = runScenario(s);
      let others = 0;
      for (const [i, h] of base.hospitals.entries()) {
        if (h.pool !== me.pool) continue;
        const d = parseMoney(r.hospitals[i]!.allocatedTarget) - parseMoney(h.allocatedTarget);
        if (rows.has(h.id)) expect(rows.get(h.id)![0], h.id).toBe(formatMoney(d));
        else others += d;
      }
      expect(rest.plus).toBe(formatMoney(others));
    };
    await check(5);
    const first = (await whatIfRows(page)).get(me.id)![0];
    await page.getByTestId('whatif-pct').fill('10');
    await page.getByTestId('whatif-pct').press('Enter');
    await expect.poll(async () => (await whatIfRows(page)).get(me.id)![0], { timeout: 20_000 }).not.toBe(first);
    await check(10);
  });

  it('prints all briefs of the filtered results list, one per page', async () => {
    const { page } = await start();
    const city = exampleScenario();
    const tertiary = city.hospitals.filter((h) => h.level === 'tertiary').map((h) => h.id);
    await page.evaluate(() => {
      const w = window as unknown as { __printed: unknown[]; print: () => void };
      w.__printed = [];
      w.print = () => {
        const book = document.querySelector('gb-app')!.shadowRoot!.querySelector('gb-brief-book')!;
        const briefs = [...book.shadowRoot!.querySelectorAll('gb-brief')];
        w.__printed.push(briefs.map((b) => ({
          id: b.shadowRoot!.querySelector('article')?.getAttribute('data-id'),
          img: !!b.shadowRoot!.querySelector('gb-brief-chart')?.shadowRoot?.querySelector('img[src^="data:image/png"]'),
          whatIf: b.shadowRoot!.querySelector('gb-brief-whatif')?.shadowRoot?.querySelectorAll('tr[data-id]').length ?? 0,
        })));
      };
    });
    await page.locator('gb-hospital-table select#f-filterLevel').selectOption('tertiary');
    await expect.poll(() => page.getByTestId('row-count').innerText()).toContain(`${tertiary.length} / ${city.hospitals.length}`);
    await page.getByTestId('print-all').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: unknown[] }).__printed.length), { timeout: 60_000 }).toBe(1);
    const printed = await page.evaluate(() => (window as unknown as { __printed: { id: string; img: boolean; whatIf: number }[][] }).__printed[0]!);
    expect(printed.map((p) => p.id).sort()).toEqual([...tertiary].sort());
    expect(printed.every((p) => p.img && p.whatIf > 1)).toBe(true);
    // After printing, the app is back.
    await expect.poll(() => state<unknown>(page, 'printing')).toBe(null);
    expect(await page.getByTestId('results').isVisible()).toBe(true);
  });

  it('the book of briefs paginates one institution per A4 page', async () => {
    const { page } = await start();
    const city = exampleScenario();
    const tertiary = city.hospitals.filter((h) => h.level === 'tertiary');
    // A print that fails keeps the book on screen (as when the user cancels nothing): lay it out, then print it here.
    await page.evaluate(() => { window.print = () => { throw new Error('print is done by the test'); }; });
    await page.locator('gb-hospital-table select#f-filterLevel').selectOption('tertiary');
    await page.getByTestId('print-all').click();
    const book = page.getByTestId('brief-book');
    await expect.poll(() => book.getAttribute('data-count'), { timeout: 60_000 }).toBe(String(tertiary.length));
    await expect.poll(() => page.locator('gb-brief-book .bar .err').count()).toBe(1);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('gb-toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('results').isVisible()).toBe(false);
    const pdfPath = join(ROOT, 'test-artifacts', 'briefs.pdf');
    await mkdir(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pdf = (await readFile(pdfPath)).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(tertiary.length);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('book-close').click();
    await expect.poll(() => state<unknown>(page, 'printing')).toBe(null);
  });
});

describe('provenance', () => {
  it('a sourced parameter shows its badge and source; a new source is saved in the scenario file', async () => {
    const { page } = await start();
    await tab(page, 'params');
    const badge = page.locator('gb-field[data-path="policy.deposit.rates.hospital"] gb-source button[data-testid="source-badge"]');
    expect(await badge.innerText()).toBe('官方');
    await badge.focus();
    const pop = page.locator('gb-field[data-path="policy.deposit.rates.hospital"] gb-source [data-testid="source-pop"]');
    await expect.poll(() => pop.isVisible()).toBe(true);
    expect(await pop.innerText()).toContain('保证金');
    expect(await page.locator('gb-tier-editor[kind="surplus"] h2 gb-source button').innerText()).toBe('假设');
    await shot(page, 'provenance');

    // Add a source to the revenue.
    const add = page.locator('gb-field[data-path="fund.revenue"] gb-source button[data-testid="source-badge"]');
    await add.click();
    const form = page.locator('gb-field[data-path="fund.revenue"] [data-testid="source-form"]');
    await form.locator('input[name="document"]').fill('示例市2025年基金收支预算');
    await form.locator('input[name="number"]').fill('示医保〔2025〕1号');
    await form.locator('select[name="status"]').selectOption('official');
    await form.locator('[data-testid="source-save"]').click();
    await expect.poll(async () => (await state<Record<string, unknown>>(page, 'ws.baseline.policy.sources'))['fund.revenue']).toBeDefined();
    const sources = await state<Record<string, unknown>>(page, 'ws.baseline.policy.sources');
    expect(sources['fund.revenue']).toEqual({ document: '示例市2025年基金收支预算', number: '示医保〔2025〕1号', status: 'official' });
    await expect.poll(() => add.innerText()).toBe('官方');
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-scenario').click()]);
    const saved = JSON.parse(await readFile((await d.path())!, 'utf8'));
    expect(saved.policy.sources['fund.revenue'].number).toBe('示医保〔2025〕1号');
  });

  it('the comparison lists the sources of parameters that differ', async () => {
    const { page } = await start();
    await page.getByTestId('new-variant').click();
    await settled(page);
    await tab(page, 'params');
    const badge = page.locator('gb-field[data-path="fund.adjustmentFundRate"]').getByTestId('source-badge');
    expect(await badge.getAttribute('data-inherited')).toBe('false');
    await afterRecompute(page, () => setField(page, 'fund.adjustmentFundRate', '5'));
    // Beside the field too: the variant's badge says its source is the baseline's, for another value.
    await expect.poll(() => badge.getAttribute('data-inherited')).toBe('true');
    expect(await badge.getAttribute('aria-label')).toContain('沿用基准方案的出处');
    await badge.click();
    expect(await page.locator('gb-field[data-path="fund.adjustmentFundRate"]').getByTestId('source-inherited').innerText()).toContain('请注明本方案的依据');
    await shot(page, 'source-inherited');
    await badge.click();
    await tab(page, 'compare');
    const row = page.locator('gb-source-diff tr[data-path="fund.adjustmentFundRate"]');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('3%');
    expect(text).toContain('5%');
    expect(text).not.toContain('fund.adjustmentFundRate');
    expect(text).toContain('人社部发〔2012〕70号');
    // The variant changed the value but still carries the baseline's source: said, not hidden.
    expect(await row.getByTestId('inherited-source').count()).toBe(1);
    expect(text).toContain('沿用基准方案的出处');
    expect(await page.locator('gb-source-diff tbody tr').count()).toBe(1);
    await shot(page, 'compare-sources');
  });
});
