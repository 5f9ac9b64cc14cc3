/**
 * Drive Debian's Chromium with playwright-core: one browser per test file, a fresh context per
 * test (empty IndexedDB), and logs of every request and console message so tests can assert
 * "nothing left the origin" and "no console errors".
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './serve.ts';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
  origin: string;
  /** Requests to anything but the app's origin (blob: and data: stay in the page). */
  foreign(): string[];
}

export async function open(browser: Browser, baseUrl: string, opts: { context?: BrowserContext; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const context = opts.context ?? (await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' }));
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(baseUrl);
  return {
    context, page, requests, errors, origin,
    foreign: () => requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:')),
  };
}

/** Wait until the scenario shown has a fresh result (not running, not stale). */
export async function settled(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const g = (globalThis as any).__gb;
    if (!g) return false;
    const s = g.ctl.state;
    const refs = [...new Set([s.active, ...s.compare])];
    return refs.every((k: string) => s.cols[k] && !s.cols[k].stale || s.cols[k]?.status === 'invalid');
  }, undefined, { timeout, polling: 50 });
}

/** The fingerprint shown for the scenario shown, once computed. */
export async function shownFingerprint(page: Page): Promise<string> {
  const el = page.getByTestId('fingerprint');
  await page.waitForFunction(() => {
    const g = (globalThis as any).__gb;
    const c = g?.ctl.state.cols[g.ctl.state.active];
    return !!c && !c.stale && !!c.view?.fingerprint;
  }, undefined, { timeout: 60_000, polling: 50 });
  return (await el.getAttribute('data-fp')) ?? '';
}

const frames = (page: Page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(null)))));

/**
 * Wait until every chart on the page is drawn: charts are drawn once changes pause (views/charts.ts
 * drawChartSoon), and resized by chart.js on the next frame after the viewport changes.
 */
export async function chartsDrawn(page: Page, timeout = 30_000): Promise<void> {
  await frames(page);
  await page.waitForFunction(() => (globalThis as any).__gb.charts() === 0, undefined, { timeout, polling: 20 });
  await frames(page);
}

export async function shot(page: Page, name: string): Promise<string> {
  const dir = join(ROOT, 'test-artifacts', 'screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * The text a reader sees on the page, through every shadow root (a host's innerText leaves its
 * shadow tree out): visible text nodes in order, a select by its chosen option, one per line.
 */
export function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (n: Node): void => {
      if (n.nodeType === Node.TEXT_NODE) { const t = n.textContent!.trim(); if (t) out.push(t); return; }
      if (!(n instanceof Element)) { n.childNodes.forEach(walk); return; }
      if (['STYLE', 'SCRIPT', 'TEMPLATE', 'OPTION'].includes(n.tagName) || !n.checkVisibility()) return;
      if (n instanceof HTMLSelectElement) { out.push(n.selectedOptions[0]?.textContent?.trim() ?? ''); return; }
      n.shadowRoot?.childNodes.forEach(walk);
      n.childNodes.forEach(walk);
    };
    walk(document.body);
    return out.join('\n');
  });
}
