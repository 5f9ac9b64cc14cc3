/**
 * No English word in the Chinese UI (issue 10): one page load, every view in zh — results,
 * policy, data, comparison, institution brief, several years, sweeps (run), risk (run),
 * monitoring (started), the fund report and the version history — and its visible text (text
 * nodes in every shadow root, option texts, title / aria-label / placeholder, the page's title)
 * searched for Latin words. Allowed: codes (institution codes T01, S12; P5, P50, P95), file
 * formats and units (PNG, CSV, xlsx, KB), DIP / DRG, the fingerprint's hex digits and its
 * algorithm's name (sha256), key names (Ctrl+Z, Esc), single letters used as symbols (±X%, σc)
 * and whatever is marked as not to be translated: the formula language and values as the user's
 * file wrote them (translate="no") and the switch to English (lang="en"). `<code>` is read like any
 * other text. Besides the views, the notices a user meets when something is refused: a variant's
 * change list with a level, a rule mode and an amount changed, an import the gate refuses (a row of
 * 机构类型 「住院」) and the recovery notice of a stored workspace that fails to load.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot } from './harness.ts';
import { exportedDataWith, importMerged } from './helpers.ts';
import { flushed, putStored, storedValue } from './store-helpers.ts';

const { start } = useBrowser();
const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);

const ALLOWED = /^(?:[A-Z]{1,3}\d+[A-Za-z]?|PNG|CSV|csv|xlsx|XLSX|JSON|json|PDF|A4|KB|MB|DIP|DRG|sha256|Ctrl|Esc|[A-Za-z]|[0-9a-f]{8,})$/;

interface Seen { text: string; where: string }

/** The text a reader meets on the page now, and the attributes a pointer or a screen reader meets. */
function visibleText(page: Page): Promise<Seen[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string }[] = [{ text: document.title, where: 'title' }];
    const shown = (el: Element) => el.tagName === 'OPTION' || el.checkVisibility();
    const skip = (el: Element) => ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(el.tagName) || el.getAttribute('translate') === 'no' || /^en/.test(el.getAttribute('lang') ?? '');
    const stack: Node[] = [document.body];
    while (stack.length) {
      const node = stack.pop()!;
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) {
          const p = n.parentElement;
          if (p && n.textContent!.trim() && shown(p)) out.push({ text: n.textContent!.trim(), where: p.tagName.toLowerCase() });
        } else if (n instanceof Element && !skip(n)) {
          if (shown(n)) for (const a of ['title', 'aria-label', 'placeholder']) {
            const v = n.getAttribute(a);
            if (v?.trim()) out.push({ text: v.trim(), where: `${n.tagName.toLowerCase()}@${a}` });
          }
          if (n.shadowRoot) stack.push(n.shadowRoot);
          stack.push(n);
        }
      }
    }
    return out;
  });
}

/** Latin words outside the allowed ones, and ASCII colons after Chinese words, each with where it was met. */
async function englishWords(page: Page, view: string): Promise<string[]> {
  const hits = new Set<string>();
  for (const s of await visibleText(page)) {
    for (const w of s.text.match(/(?<![A-Za-z0-9_])[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*/g) ?? []) {
      if (!ALLOWED.test(w)) hits.add(`${view}: ${w} — ${s.where} «${s.text.slice(0, 60)}»`);
    }
    // Chinese punctuation after Chinese words: 「当前值：10%」, not 「当前值: 10%」.
    if (/[\u3400-\u9fff）」]: /.test(s.text)) hits.add(`${view}: ASCII colon — ${s.where} «${s.text.slice(0, 60)}»`);
  }
  return [...hits];
}

describe('the Chinese UI', () => {
  it('shows no English word in any view', async () => {
    const { page } = await start();
    // An alternative with a change, so the comparison and the change list have something to show.
    await page.getByTestId('new-variant').click();
    await settled(page);
    await act(page, { type: 'edit', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' });
    await settled(page);
    // A level, a rule mode, a pool's classes and an amount: the change list and the comparison say them in words, in 万元.
    await act(page, { type: 'edit', path: ['hospitals', 0, 'level'], value: 'secondary' });
    await act(page, { type: 'edit', path: ['policy', 'quality', 'mode'], value: 'step' });
    await act(page, { type: 'edit', path: ['policy', 'pools', 1, 'classes'], value: ['primary', 'pharmacy'] });
    await act(page, { type: 'edit', path: ['fund', 'budget'], value: '3210000000.00' });
    await settled(page);
    const changes = await page.getByTestId('changes').innerText();
    expect(changes).toContain('T01 示例市第一人民医院 · 级别：三级 → 二级');
    expect(changes).toContain('考核得分折算方式：线性插值 → 分段');
    expect(changes).toContain('分配池包含的机构类型（基层医疗机构）：基层 → 基层、定点药店');
    expect(changes).toMatch(/基金支出预算：[\d,]+\.\d\d 万元 → 321,000\.00 万元/);
    await shot(page, 'variant-changes-zh-1440x900');
    await act(page, { type: 'lang', lang: 'en' });
    await expect.poll(() => page.getByTestId('changes').innerText()).toContain('T01 示例市第一人民医院 · level: tertiary → secondary');
    expect(await page.getByTestId('changes').innerText()).toMatch(/Fund expenditure budget: [\d,]+\.\d\d 10k yuan → 321,000\.00 10k yuan/);
    await shot(page, 'variant-changes-en-1440x900');
    await act(page, { type: 'lang', lang: 'zh' });
    await expect.poll(() => page.getByTestId('changes').innerText()).toContain('级别：三级 → 二级');
    const hits: string[] = [];
    for (const view of ['results', 'params', 'data', 'compare', 'hospital', 'years', 'sweeps', 'risk', 'monitor'] as const) {
      await act(page, { type: 'tab', tab: view });
      await settled(page);
      if (view === 'compare') await shot(page, 'compare-params-zh-1440x900');
      if (view === 'hospital') await page.getByTestId('brief').waitFor();
      if (view === 'years') await page.getByTestId('years-fund').waitFor({ timeout: 60_000 });
      if (view === 'sweeps') {
        await page.getByTestId('run-sweep-go').click();
        await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.sweeps.sweep?.status === 'done', undefined, { timeout: 60_000, polling: 50 });
      }
      if (view === 'risk') {
        const draws = page.locator('gb-field[data-path="analysis.risk.draws"] input');
        await draws.fill('200');
        await draws.press('Enter');
        await page.getByTestId('run-risk').click();
        await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.risk?.status === 'done', undefined, { timeout: 60_000, polling: 50 });
      }
      if (view === 'monitor') {
        await page.getByTestId('start-month').selectOption('6');
        await page.getByTestId('start').click();
        await page.getByTestId('warnings').waitFor({ timeout: 60_000 });
      }
      hits.push(...await englishWords(page, view));
    }
    await act(page, { type: 'openReport' });
    await page.getByTestId('fund-report').waitFor({ timeout: 30_000 });
    hits.push(...await englishWords(page, 'fund report'));
    await page.getByTestId('report-close').click();
    await page.getByTestId('open-versions').click();
    await page.getByTestId('versions-list').waitFor({ timeout: 30_000 });
    hits.push(...await englishWords(page, 'version history'));
    expect(hits).toEqual([]);
  }, 120_000);

  it('says a refused import and the recovery notice in Chinese words', async () => {
    const { page } = await start();
    const hits: string[] = [];
    // The example's data, one row's 机构类型 made 「住院」 (listed by the template, held by no pool, without a deposit rate).
    const { bytes } = await exportedDataWith(page, '机构类型', '住院');
    await importMerged(page, '机构数据.xlsx', bytes);
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 60_000 }).toContain('未导入');
    expect(await page.getByTestId('issues').innerText()).toContain('机构类型「住院」');
    hits.push(...await englishWords(page, 'import refused'));

    // A stored workspace that fails to load: the recovery notice.
    await act(page, { type: 'edit', path: ['fund', 'adjustmentFundRate'], value: '0.04' });
    await flushed(page);
    const good = (await storedValue(page, 'current')) as { text: string };
    const doc = JSON.parse(good.text);
    doc.baseline.hospitals[3].history[1] = '-5';
    doc.baseline.hospitals[5].class = 'inpatient';
    await putStored(page, 'current', { ...good, text: JSON.stringify(doc) });
    await page.reload();
    await settled(page);
    await page.getByTestId('recovery-issues').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('recovery-issues').innerText()).toContain(`「${doc.baseline.hospitals[3].id} ${doc.baseline.hospitals[3].name}」`);
    hits.push(...await englishWords(page, 'recovery'));
    await shot(page, 'zh-words-recovery-class-1440x900');
    expect(hits).toEqual([]);
  }, 120_000);
});
