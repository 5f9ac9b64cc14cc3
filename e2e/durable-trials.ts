/**
 * Trials of "durable by construction" (issue 8): an edit, then the page closed or reloaded some
 * milliseconds later, or the browser process killed that long after the page says it is saved;
 * the page opened again must show the edit. Used by e2e/durable.e2e.ts (one trial per timing
 * class) and by `npm run bench` (bench/durable.ts: the 60-trial lost-edit count).
 * One Chromium of our own (a profile on disk, so a killed browser can be started again on it);
 * each trial's reopened page is the next trial's editing page.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './harness.ts';

export const PATH = ['fund', 'adjustmentFundRate'];

interface Running { proc: ChildProcess; browser: Browser; context: BrowserContext }

/** Start Chromium on `profile` and connect to it (its own process group, so a kill takes all of it). */
async function startChromium(profile: string, started: Set<ChildProcess>): Promise<Running> {
  const args = [...CHROMIUM_ARGS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'];
  const proc = spawn('/usr/bin/chromium', args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  started.add(proc);
  proc.once('exit', () => started.delete(proc));
  const ws = await new Promise<string>((ok, fail) => {
    let err = '';
    const t = setTimeout(() => fail(new Error(`Chromium did not start: ${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(t); ok(m[1]!); }
    });
    proc.on('exit', (c) => fail(new Error(`Chromium exited (${c}): ${err}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return { proc, browser, context: browser.contexts()[0]! };
}

function killHard(r: Running): Promise<void> {
  return new Promise((ok) => {
    if (r.proc.exitCode !== null || r.proc.signalCode !== null) return ok();
    r.proc.once('exit', () => ok());
    try { process.kill(-r.proc.pid!, 'SIGKILL'); } catch { ok(); }
  });
}

/** Wait until the app has started (restored what was stored). */
const started = (page: Page) => page.waitForFunction(() => !!(globalThis as any).__gb, undefined, { timeout: 60_000, polling: 20 });

async function openApp(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await started(page);
  return page;
}

const shown = (page: Page) =>
  page.evaluate((p) => p.reduce((o: any, k) => o?.[k], (globalThis as any).__gb.ctl.state.ws.baseline), PATH) as Promise<string>;

/**
 * Edit as a user does: the field on the policy tab, typed and committed with Enter (`typed`);
 * otherwise the very action that field sends on Enter (opening the policy tab on a busy machine
 * costs seconds per trial and tests nothing about keeping the edit).
 */
async function edit(page: Page, value: string, typed: boolean): Promise<void> {
  if (!typed) {
    await page.locator('gb-app').evaluate((app, [path, v]) => {
      app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'edit', path, value: v }, bubbles: true, composed: true }));
    }, [PATH, value] as const);
    return;
  }
  await page.locator('[data-tab="params"]').click();
  const input = page.locator(`gb-field[data-path="${PATH.join('.')}"] input`);
  // The field shows and takes rates as percentages: 0.01001 is typed as 1.001%.
  await input.fill(`${value.replace(/^0\.0(\d)(\d+)$/, '$1.$2')}%`);
  await input.press('Enter');
}

export type Way = 'close' | 'reload' | 'kill';

/** One trial's outcome: what was edited and what the reopened page showed. */
export interface Trial { way: Way; ms: number; want: string; got: string; kept: boolean }

/** A browser to run trials in, one after another; `stop()` kills every Chromium it started. */
export interface Trials {
  /** Edit, wait `ms` (for 'kill': after the page says saved), then close / reload / kill; reopen and read. */
  run(way: Way, ms: number, opts?: { typed?: boolean }): Promise<Trial>;
  /** Every trial so far. */
  readonly done: Trial[];
  /** How long each edit before a kill took to be said saved (ms). */
  readonly savedMs: number[];
  stop(): Promise<void>;
}

export async function startTrials(url: string): Promise<Trials> {
  const profile = await mkdtemp(join(tmpdir(), 'gbsim-durable-'));
  const procs = new Set<ChildProcess>();
  let run = await startChromium(profile, procs);
  let page = await openApp(run.context, url);
  const done: Trial[] = [];
  const savedMs: number[] = [];
  // 0.01001, 0.01011, …: never the example's value, never the previous trial's.
  const value = (n: number) => `0.0${String(100 + n)}1`;
  return {
    done, savedMs,
    async run(way, ms, opts = {}) {
      const want = value(done.length + 1);
      await edit(page, want, opts.typed ?? false);
      if (way === 'kill') {
        // A killed browser takes its pending disk writes with it: what must hold is that an edit
        // the page says is saved (已保存到本机) is kept. Closing or reloading needs no such wait.
        const t = Date.now();
        await page.waitForFunction(() => (globalThis as any).__gb.ctl.state.saveState === 'saved', undefined, { polling: 5 });
        savedMs.push(Date.now() - t);
        if (ms) await new Promise((r) => setTimeout(r, ms));
        await killHard(run);
        run = await startChromium(profile, procs);
        page = await openApp(run.context, url);
      } else {
        if (ms) await page.waitForTimeout(ms);
        if (way === 'close') {
          await page.close();
          page = await openApp(run.context, url);
        } else {
          await page.reload();
          await started(page);
        }
      }
      const got = await shown(page);
      const trial = { way, ms, want, got, kept: got === want };
      done.push(trial);
      return trial;
    },
    async stop() {
      await killHard(run).catch(() => {});
      for (const proc of procs) try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* gone */ }
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The trials whose edit was lost, as sentences. */
export const lost = (trials: readonly Trial[]): string[] =>
  trials.filter((t) => !t.kept).map((t) => `${t.way} after ${t.ms} ms: expected ${t.want}, reopened with ${t.got}`);
