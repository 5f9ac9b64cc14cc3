/**
 * The header and the scenario bar at 1280×720 and 1440×900, in Chinese and English: the toolbar
 * stays on one line whatever the save status says (the longest status shortened, its whole
 * sentence in the title), and a long scenario name is shown whole in the scenario picker.
 * Screenshots: test-artifacts/screenshots/header-<state>-<lang>-<size>.png, scenario-name-<lang>-<size>.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './session.ts';
import { settled, shot } from './harness.ts';
import { msg } from '../src/app/i18n/index.ts';

const { start } = useBrowser();

const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;
// 'saving' (保存中… / Saving…) is short and lasts a moment: the autosaver turns it to saved at once.
const STATES = ['saved', 'off', 'error', 'follow'] as const;
const WHOLE = { saved: 'saveSaved', off: 'saveOff', error: 'saveError', follow: 'saveFollow' } as const;
const LONG = '备选方案：医院质量保证金比例由10%降至8%并提高结余留用比例（2025年谈判稿）';

const act = (page: Page, detail: unknown) => page.locator('gb-app').evaluate((app, d) => { app.dispatchEvent(new CustomEvent('gb-action', { detail: d })); }, detail);
const setSave = (page: Page, saveState: string) => page.evaluate((st) => (globalThis as any).__gb.ctl.set({ saveState: st }), saveState);

/** The tops of the toolbar's controls: one line means one top (to the pixel). */
const toolbarRows = (page: Page) => page.locator('gb-toolbar').evaluate((el) => {
  const items = [...el.shadowRoot!.querySelectorAll('.bar > *')].filter((e) => !e.classList.contains('sep')) as HTMLElement[];
  const mid = items.map((e) => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });
  const hidden = items.filter((e) => { const r = e.getBoundingClientRect(); return r.width === 0 || r.right > innerWidth + 0.5; }).length;
  // One line: the controls' middles within a few pixels (a second line would be a button's height below).
  return { lines: Math.max(...mid) - Math.min(...mid) <= 6 ? 1 : 2, hidden };
});
/** The toolbar sits beside the title, not on a line of its own below it. */
const besideTitle = (page: Page) => page.locator('gb-app').evaluate((app) => {
  const h1 = app.shadowRoot!.querySelector('header h1')!.getBoundingClientRect();
  const bar = app.shadowRoot!.querySelector('gb-toolbar')!.getBoundingClientRect();
  return bar.top < h1.bottom;
});

describe('the header fits', () => {
  it('keeps the toolbar on one line in every save state, both languages, both sizes', async () => {
    const { page } = await start();
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const st of STATES) {
          await setSave(page, st);
          await settled(page);
          const save = page.getByTestId('save-state');
          await expect.poll(() => save.getAttribute('data-state')).toBe(st);
          if ((await toolbarRows(page)).lines > 1) await shot(page, `header-wraps-${st}-${lang}-${size.width}x${size.height}`);
          expect(await toolbarRows(page), `${lang} ${size.width} ${st}`).toEqual({ lines: 1, hidden: 0 });
          expect(await besideTitle(page), `${lang} ${size.width} ${st}: beside the title`).toBe(true);
          // The status's whole sentence is in its title; what is shown is never cut mid-word.
          expect(await save.getAttribute('title')).toContain(msg(lang, WHOLE[st]));
          expect(await save.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
          if (st === 'follow' || st === 'error') await shot(page, `header-${st}-${lang}-${size.width}x${size.height}`);
        }
        await setSave(page, 'saved');
      }
    }
  });

  it('shows a long scenario name whole in the picker', async () => {
    const { page } = await start();
    await page.getByTestId('new-variant').click();
    await settled(page);
    const id = await page.evaluate(() => (globalThis as any).__gb.ctl.state.active);
    await act(page, { type: 'renameVariant', id, name: LONG });
    await settled(page);
    await act(page, { type: 'edit', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' });
    await settled(page);
    const picker = page.getByTestId('active-scenario');
    for (const lang of ['zh', 'en'] as const) {
      await act(page, { type: 'lang', lang });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settled(page);
        await expect.poll(() => picker.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toContain(LONG);
        // Not cut: the closed picker is as wide as its text (or the name wraps in the text beside it), and it fits the page.
        const fit = await picker.evaluate((s: HTMLSelectElement) => {
          const probe = document.createElement('span');
          probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(s).font}`;
          probe.textContent = s.selectedOptions[0]!.textContent;
          document.body.append(probe);
          const need = probe.getBoundingClientRect().width;
          probe.remove();
          const r = s.getBoundingClientRect();
          // The select's own padding and arrow come on top of the text.
          return { whole: r.width >= need + 28, inside: r.right <= innerWidth };
        });
        expect(fit, `${lang} ${size.width}`).toEqual({ whole: true, inside: true });
        expect(await picker.getAttribute('title')).toContain(LONG);
        // The change list beside it is never squeezed into a clipped column: it takes its own line when the picker is wide.
        const list = await page.getByTestId('changes').evaluate((d) => {
          const ul = d.querySelector('ul');
          return ul ? { clipped: ul.scrollHeight > ul.clientHeight + 1 || ul.scrollWidth > ul.clientWidth + 1, inside: ul.getBoundingClientRect().right <= innerWidth } : null;
        });
        expect(list, `${lang} ${size.width}`).not.toBeNull();
        expect(list).toEqual({ clipped: false, inside: true });
        await shot(page, `scenario-name-${lang}-${size.width}x${size.height}`);
      }
    }
  });
});
