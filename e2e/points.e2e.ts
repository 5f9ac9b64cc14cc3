/**
 * A city whose hospitals' pool is settled by points (issue 11, views), in real Chromium: the
 * variant shows the pool's budget and settlement point values (元/分 to 4 decimals) and each
 * institution's points, share and payment rate, exactly as the engine in Node gives them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot, chartsDrawn } from './harness.ts';
import { saveWorkspace } from '../src/workspace/file.ts';
import { scenarioOf } from '../src/workspace/workspace.ts';
import { runScenario } from '../src/engine/run.ts';
import { money, percent, plain } from '../src/display/number.ts';
import { inflationBrief } from '../src/engine/point-inflation.ts';
import { explain } from '../src/engine/explain.ts';
import { pointsSteps } from '../src/display/points-steps.ts';
import { cityPointsWorkspace } from './points-fixture.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serve.ts';
import { shownFingerprint } from './harness.ts';
import { fingerprint } from '../src/engine/fingerprint.ts';
import { columnsOfResult, gainsAndLosses } from '../src/engine/compare.ts';
import { exampleScenario } from './helpers.ts';
import type { Scenario } from '../src/format/types.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';
import { importCaseFile } from '../src/cases/node.ts';
import { withImportedPoints } from '../src/scenario/with-points.ts';
import { synthCatalogue } from '../scripts/cases/catalogue.ts';
import { writeCaseList } from '../scripts/cases/caselist.ts';
import { pointsInstitutionsOf } from '../scripts/examples/city-points.ts';
import { summaryMessage } from '../src/cases/messages.ts';

const dir = mkdtempSync(join(tmpdir(), 'gbsim-points-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { start } = useBrowser();
const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);
const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;

describe('a pool settled by points', () => {
  it('shows the point values and each institution’s points and payment rate', async () => {
    const { ws, id } = cityPointsWorkspace();
    const want = runScenario(scenarioOf(ws, id));
    const pool = want.fund.pools[0]!;
    const { page } = await start();
    await page.getByTestId('open-file').setInputFiles({ name: 'city-points.gbsim.json', mimeType: 'application/json', buffer: Buffer.from(saveWorkspace(ws)) });
    await settled(page);
    await page.getByTestId('active-scenario').selectOption(id);
    await settled(page);

    const box = page.locator('gb-fund-summary [data-testid="fund-points"]');
    await expect.poll(() => box.locator('dd[data-field="pointValue"]').innerText()).toContain(plain(pool.pointValue, 4));
    expect(await box.locator('dd[data-field="budgetPointValue"]').innerText()).toContain(plain(pool.budgetPointValue, 4));
    expect(await box.innerText()).toContain('元/分');

    // The institution with the most points first: its points, share and payment rate as the engine gives them.
    await page.locator('gb-hospital-table button[data-sort="points"]').click();
    const top = [...want.hospitals].filter((h) => h.points !== null).sort((a, b) => Number(b.points) - Number(a.points))[0]!;
    const row = page.locator(`gb-hospital-table tr[data-row="${top.id}"]`);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toContain(plain(top.points, 4));
    expect(cells).toContain(percent(top.pointShare, 4));
    expect(cells).toContain(percent(top.paymentRate, 2));

    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settled(page);
        await chartsDrawn(page);
        await shot(page, `points-results-${lang}-${size.width}x${size.height}`);
      }
    }
  });

  it('the points example: the variant the CLI computes (same fingerprint), its point values, and who gains or loses against the per-target city', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const want = runScenario(points);
    const baseline = runScenario(exampleScenario());
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);
    expect(await shownFingerprint(page)).toBe(fingerprint(want));
    const pool = want.fund.pools.find((p) => p.settlement === 'points')!;
    const box = page.locator('gb-fund-summary [data-testid="fund-points"]');
    expect(await box.locator('dd[data-field="pointValue"]').innerText()).toContain(plain(pool.pointValue, 4));
    expect(await box.locator('dd[data-field="budgetPointValue"]').innerText()).toContain(plain(pool.budgetPointValue, 4));

    await act(page, { type: 'tab', tab: 'compare' });
    await settled(page);
    const gains = page.locator('gb-compare-hospitals [data-testid="gains-1"]');
    await gains.waitFor({ timeout: 60_000 });
    // The table opens on the first metric that changed: the target (per target → entitlement by points).
    const g = gainsAndLosses(columnsOfResult(baseline.hospitals), columnsOfResult(want.hospitals), 'target');
    expect(g.gainers).toBeGreaterThan(0);
    expect(g.losers).toBeGreaterThan(0);
    expect(await gains.getByTestId('gainers').innerText()).toContain(`增加 ${g.gainers} 家`);
    expect(await gains.getByTestId('losers').innerText()).toContain(`减少 ${g.losers} 家`);
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settled(page);
        await chartsDrawn(page);
        await shot(page, `points-compare-${lang}-${size.width}x${size.height}`);
      }
    }
    await act(page, { type: 'tab', tab: 'results' });
    await settled(page);
    await page.setViewportSize(SIZES[0]);
    await chartsDrawn(page); // the fund's flow is drawn once changes pause: not a blank canvas in the picture
    await shot(page, 'points-example-results-en-1440x900');
  });

  it('imports the generated case list of the city (250,000 cases) with a progress bar: points into the variant, bad rows reported', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const csv = join(dir, 'city-cases.csv');
    // The list scripts/cases/caselist.ts writes for the city (seed 1), with 36 bad rows of every kind.
    await writeCaseList(csv, { institutions: pointsInstitutionsOf(points), catalogue: synthCatalogue(), year: 2025, cases: 250_000, seed: 1, bad: 36, month: 'ym', headers: 'zh' });
    const node = await importCaseFile(csv, { hospitalIds: points.hospitals.map((h) => h.id), year: 2025, catalogue: points.catalogue!, thresholds: points.policy.points!.thresholds! });
    expect(node.ok).toBe(true);
    if (!node.ok) return;
    const want = withImportedPoints(points, node.aggregation).scenario;

    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);
    await page.getByTestId('cases-file').setInputFiles(csv);
    await page.locator('gb-cases progress[data-testid="cases-progress"]').waitFor({ timeout: 30_000 });
    await shot(page, 'points-cases-progress-zh-1440x900');
    await page.locator('gb-cases[data-status], gb-cases').locator('[data-testid="cases"][data-status="done"]').waitFor({ timeout: 240_000 });
    await settled(page);
    expect(await page.getByTestId('cases-summary').innerText()).toBe(summaryMessage('zh', node.report));
    expect(await page.getByTestId('cases-applied').innerText()).toContain('已写入');
    const problems = (await page.getByTestId('cases-problems').textContent()) ?? '';
    await page.locator('[data-testid="cases-problems"] summary').click();
    expect(node.report.problems.length).toBeGreaterThan(3);
    for (const p of node.report.problems) expect(problems).toContain(String(p.count));
    // The variant now holds the imported points: the page's result is the one Node computes from the same import.
    expect(await shownFingerprint(page)).toBe(fingerprint(runScenario(want)));
    await page.getByTestId('cases').scrollIntoViewIfNeeded();
    await shot(page, 'points-cases-done-zh-1440x900');
    await act(page, { type: 'lang', lang: 'en' });
    await settled(page);
    await shot(page, 'points-cases-done-en-1440x900');
  }, 300_000);

  it('prints a brief with the institution’s points, share, point values, entitlement and payment rate', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const want = runScenario(points);
    const base = runScenario(exampleScenario());
    const h = want.hospitals[0]!;
    const pool = want.fund.pools.find((p) => p.id === h.pool)!;
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);
    await act(page, { type: 'tab', tab: 'hospital' });
    const sec = page.getByTestId('brief-points');
    await sec.waitFor({ timeout: 60_000 });
    const figures = sec.getByTestId('brief-points-figures');
    expect(await figures.locator('[data-field="points"]').innerText()).toBe(plain(h.points, 4));
    expect(await figures.locator('[data-field="pointShare"]').innerText()).toBe(percent(h.pointShare, 4));
    expect(await figures.locator('[data-field="pointValue"]').innerText()).toBe(plain(pool.pointValue, 4));
    expect(await figures.locator('[data-field="budgetPointValue"]').innerText()).toBe(plain(pool.budgetPointValue, 4));
    expect(await figures.locator('[data-field="paymentRate"]').innerText()).toBe(percent(h.paymentRate, 2));
    // Beside the per-target baseline: its target and payment rate there.
    const rows = await sec.getByTestId('brief-points-scenarios').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toContain(percent(base.hospitals.find((x) => x.id === h.id)!.paymentRate, 2));
    if (points.hospitals[0]!.points?.groups?.length) expect(await sec.getByTestId('brief-points-groups').locator('tbody tr').count()).toBeGreaterThan(0);
    // Point inflation's what-ifs: the engine's in Node (what `gbsim whatif points --institution` prints), to the fen.
    const infl = inflationBrief(points, h.id)!;
    // …in the place of the target's what-if, which does not apply: the institution has no target up front.
    const table = page.getByTestId('brief-points-whatif').getByTestId('brief-points-inflation');
    const now = table.locator('tr[data-scope="now"]');
    expect(await now.getAttribute('data-pv')).toBe(infl.pointValue);
    expect(await now.getAttribute('data-entitlement')).toBe(infl.entitlement);
    const lines = table.locator('tbody tr[data-pct]');
    expect(await lines.count()).toBe(infl.lines.length);
    for (const [k, l] of infl.lines.entries()) {
      const row = lines.nth(k);
      expect([await row.getAttribute('data-scope'), await row.getAttribute('data-pct'), await row.getAttribute('data-pv'), await row.getAttribute('data-entitlement'), await row.getAttribute('data-diff')])
        .toEqual([l.scope, l.pct, l.pointValue, l.entitlement, l.diff]);
      const cells = await row.locator('td').allInnerTexts();
      expect(cells.map((c) => c.trim())).toEqual([plain(l.pointValue, 4), money(l.entitlement, 'yuan'), money(l.diff, 'yuan', true)]);
    }
    // How its entitlement comes about (DESIGN §7), not the history-weight steps; no target what-if.
    const ex = explain(points, want, 0)!.points!;
    const derivation = page.getByTestId('derivation');
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      await settled(page);
      expect(await derivation.getAttribute('data-by')).toBe('points');
      await expect.poll(() => derivation.locator('li').allInnerTexts()).toEqual(pointsSteps(ex, lang));
      const steps = await derivation.locator('li').allInnerTexts();
      expect(steps[3]).toContain(`= ${plain(pool.pointValue, 4)} ${lang === 'zh' ? '元/分' : 'yuan/point'}`);
      expect(steps[4]).toContain(`= ${money(h.target, 'yuan')}`);
      expect(steps[5]).toContain(percent(h.paymentRate, 2));
      expect(await derivation.locator('h3').innerText()).toBe(lang === 'zh' ? '点数法应得额测算过程' : 'How the entitlement by points is derived');
      expect(await derivation.innerText()).not.toMatch(lang === 'zh' ? /权重|分配指标/ : /weight|allocated target/i);
      expect(await page.getByTestId('brief-whatif').count()).toBe(0);
      expect(await page.locator('gb-brief-whatif').count()).toBe(0);
      expect(await page.getByTestId('whatif-pct').count()).toBe(0);
      expect(await page.getByTestId('brief-no-target-whatif').innerText()).toContain(lang === 'zh' ? '不适用' : 'does not apply');
      expect(await page.getByTestId('settlement').locator('thead').innerText()).toContain(lang === 'zh' ? '应得额' : 'entitlement');
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await chartsDrawn(page);
        await shot(page, `points-brief-${lang}-${size.width}x${size.height}`);
      }
    }
    await act(page, { type: 'lang', lang: 'zh' });
    await settled(page);
    await chartsDrawn(page);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await sec.isVisible()).toBe(true);
    expect(await derivation.getByTestId('points-steps').isVisible()).toBe(true);
    await shot(page, 'points-brief-print-zh');
    await page.emulateMedia({ media: 'screen' });
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      await settled(page);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await table.scrollIntoViewIfNeeded();
        await shot(page, `points-brief-inflation-${lang}-${size.width}x${size.height}`);
      }
    }
    expect(await table.locator('tbody tr[data-pct]').first().locator('th').innerText()).toBe('All institutions report 5% more points');
  });

  it('prints all briefs: a points institution’s with its entitlement’s derivation and no target what-if, a per-target one’s as before', async () => {
    const points = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'city-points.json'), 'utf8')) as Scenario;
    const want = runScenario(points);
    const byPoints = new Set(want.fund.pools.filter((p) => p.settlement === 'points').map((p) => p.id));
    const secondary = points.hospitals.filter((h) => h.level === 'secondary');
    const { page } = await start();
    await page.getByTestId('open-points-example').click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__gb.ctl.state.compare.length as number), { timeout: 60_000 }).toBe(2);
    await settled(page);
    await page.evaluate(() => {
      const w = window as unknown as { __printed: unknown[]; print: () => void };
      w.__printed = [];
      w.print = () => {
        const book = document.querySelector('gb-app')!.shadowRoot!.querySelector('gb-brief-book')!;
        w.__printed.push([...book.shadowRoot!.querySelectorAll('gb-brief')].map((b) => {
          const r = b.shadowRoot!;
          return { id: r.querySelector('article')?.getAttribute('data-id'), by: r.querySelector('[data-testid="derivation"]')?.getAttribute('data-by') ?? null,
            steps: [...r.querySelectorAll('[data-testid="points-steps"] li')].map((li) => li.textContent),
            whatIf: r.querySelector('gb-brief-whatif')?.shadowRoot?.querySelectorAll('tr[data-id]').length ?? -1,
            inflation: r.querySelectorAll('[data-testid="brief-points-whatif"] [data-testid="brief-points-inflation"] tr[data-pct]').length };
        }));
      };
    });
    await page.locator('gb-hospital-table select#f-filterLevel').selectOption('secondary');
    await page.getByTestId('print-all').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: unknown[] }).__printed.length), { timeout: 120_000 }).toBe(1);
    type Printed = { id: string; by: string | null; steps: string[]; whatIf: number; inflation: number };
    const printed = await page.evaluate(() => (window as unknown as { __printed: Printed[][] }).__printed[0]!);
    expect(printed.map((p) => p.id).sort()).toEqual(secondary.map((h) => h.id).sort());
    for (const p of printed) {
      const i = points.hospitals.findIndex((h) => h.id === p.id);
      if (byPoints.has(want.hospitals[i]!.pool!)) {
        expect(p, p.id).toMatchObject({ by: 'points', whatIf: -1, steps: pointsSteps(explain(points, want, i)!.points!, 'zh') });
        expect(p.inflation, p.id).toBeGreaterThan(0);
      } else {
        expect(p, p.id).toMatchObject({ by: null, steps: [], inflation: 0 });
        expect(p.whatIf, p.id).toBeGreaterThan(0);
      }
    }
    expect(printed.filter((p) => p.by === 'points').length).toBe(12);
  }, 180_000);
});
