/** Start-up: restore the workspace (or load the example), wire the controller to the shell. */
import '../format/csp.ts';
import './components/gb-app.ts';
import { Controller } from './state/controller.ts';
import { openInWorker } from './runs/column.ts';
import { exampleText } from './state/example.ts';
import { autosaver, loadPrefs, pageStore, restore, savePrefs } from './state/persist.ts';
import { handleAction } from './state/handle-action.ts';
import { msg } from './i18n/index.ts';
import { PageViews } from './views/page.ts';
import { chartsWaiting } from './views/charts.ts';
import type { Workspace } from '../workspace/types.ts';
import type { Notice } from './state/app-state.ts';
import type { Lang } from '../display/lang.ts';
import { coalesced, joinTabs } from './state/tabs.ts';
import { GateRunner } from './runs/gate.ts';

async function start(): Promise<void> {
  const app = document.querySelector('gb-app')!;
  // Another tab may be editing the stored workspace: then this one follows it, read-only (state/tabs.ts).
  const late: { ctl?: Controller } = {};
  const tabs = await joinTabs({
    onStoredChanged: coalesced(async () => {
      const r = await restore(false);
      if (late.ctl && !tabs.writer && r.status === 'ok') late.ctl.follow(r.ws);
    }),
    onWriter: () => void becomeWriter(late.ctl),
  });
  const [prefs, restored] = await Promise.all([loadPrefs(), restore(tabs.writer)]);
  const lang: Lang = prefs.lang ?? 'zh';
  let ws: Workspace;
  let notice: Notice | null = null;
  if (restored.status === 'ok') {
    ws = restored.ws;
    notice = { kind: 'info', says: { key: 'restored' } };
  } else {
    const r = await openInWorker(await exampleText());
    if (!r.ok) throw new Error(`the bundled example is invalid: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    ws = r.ws;
    // Said plainly: where the browser keeps nothing (some lock file:// pages out of storage), work is lost on closing.
    if (restored.status === 'unavailable') notice = { kind: 'error', says: { key: 'storageUnavailable' } };
  }
  if (restored.status === 'ok' && restored.dropped) notice = { kind: 'info', says: { key: 'recoveryDropped', vars: { n: restored.dropped } } };
  const ctl = new Controller(ws, prefs);
  late.ctl = ctl;
  // A stored workspace that cannot be loaded waits for the user's decision (state/recovery.ts).
  if (restored.status === 'corrupt') ctl.setQuietly({ recovery: { issues: restored.issues, text: restored.text, seq: restored.seq } });
  ctl.onLocked = (reason) => ctl.notify({ kind: 'error', says: { key: reason } });
  const kv = await pageStore();
  // A stored workspace that cannot be loaded is never written over.
  if (!tabs.writer) {
    ctl.setQuietly({ saveState: 'follow' });
    notice = { kind: 'info', says: { key: 'otherTab' } };
  } else if (kv && (restored.status === 'ok' || restored.status === 'empty')) {
    // The example (nothing stored yet) is kept from the first change on.
    autosaver.attach(kv, restored.seq, restored.status === 'ok' ? ws : null);
    ctl.setQuietly({ saveState: 'saved' });
  }
  autosaver.onSaved = (saved) => {
    if (!saved) return ctl.setQuietly({ saveState: 'saving' });
    ctl.set({ saveState: ctl.state.saveState === 'error' ? 'error' : 'saved' });
    tabs.announce();
  };
  autosaver.onError = () => ctl.set({ saveState: 'error' });
  ctl.onWorkspace = (w) => autosaver.schedule(w);
  // Every change this page makes passes the one gate; a refused one is taken back, saying why (runs/gate.ts).
  const gate = new GateRunner((w, r) => ctl.checked(w, r.ok ? null : r.issues, (issues) =>
    ({ kind: 'error', says: { key: 'changeRefused' }, issues, doc: w })));
  ctl.onCheck = (w) => gate.check(w);
  ctl.onPrefs = (p) => savePrefs(p);
  if (notice) ctl.notify(notice);
  // The page's language and title are written only when they change: rewriting them restyles the page.
  const views = new PageViews();
  const render = () => {
    app.view = views.of(ctl.state);
    const lang = ctl.state.lang === 'zh' ? 'zh-CN' : 'en';
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    const title = msg(ctl.state.lang, 'appTitle');
    if (document.title !== title) document.title = title;
  };
  ctl.addEventListener('change', render);
  render();
  app.handler = (a) => void handleAction(ctl, a);
  window.addEventListener('keydown', (e: KeyboardEvent) => {
    const el = e.composedPath()[0] as HTMLElement | undefined;
    if (el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); ctl.undo(); }
    else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) { e.preventDefault(); ctl.redo(); }
  });
  // The writer tab went away while this one was starting.
  if (tabs.writer && ctl.state.saveState === 'follow') void becomeWriter(ctl);
  // For end-to-end tests and the benchmark: read-only access to the controller.
  (globalThis as { __gb?: unknown }).__gb = {
    ctl, flush: () => autosaver.flush(), gated: () => gate.idle(), risk: () => import('./runs/risk-pool.ts'), cases: () => import('../cases/client.ts'),
    charts: chartsWaiting,
  };
}

/** The other tab went away and this one holds the lock: read what it stored (through the gate), then keep it from here. */
async function becomeWriter(ctl: Controller | undefined): Promise<void> {
  if (!ctl) return; // still starting: start() checks again once the controller exists
  const [r, kv] = await Promise.all([restore(true), pageStore()]);
  if (r.status === 'corrupt') { ctl.set({ recovery: { issues: r.issues, text: r.text, seq: r.seq }, saveState: 'off' }); return; }
  if (r.status === 'ok') ctl.follow(r.ws);
  if (kv && (r.status === 'ok' || r.status === 'empty')) autosaver.attach(kv, r.seq, r.status === 'ok' ? r.ws : null);
  ctl.set({ saveState: kv && r.status !== 'unavailable' ? 'saved' : 'off', notice: { kind: 'info', says: { key: 'otherTabNow' } } });
}

start().catch((e) => {
  console.error(e);
  document.body.textContent = `启动失败 / Failed to start: ${(e as Error).message}`;
});
