/**
 * The app shell: header with the toolbar, the scenario bar, tabs, the panel of the chosen tab,
 * notices, and file drag-and-drop. It owns no logic: actions go to the handler it is given.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { ACTION_EVENT, IMPORT_FILE_EVENT, emit, routeFile, type Action } from '../state/actions.ts';
import { TABS, type Tab } from '../state/app-state.ts';
import type { Panel, PageView } from '../views/page.ts';
import './gb-toolbar.ts';
import './gb-variant-bar.ts';
import './gb-results.ts';
import './gb-params.ts';
import './gb-data-table.ts';
import './gb-compare.ts';
import './gb-hospital-view.ts';
import './gb-import.ts';
import './gb-export.ts';
import './gb-versions.ts';
import './gb-brief-book.ts';
import './gb-fund-report.ts';
import './gb-years.ts';
import './gb-sweeps.ts';
import './gb-risk.ts';
import './gb-recovery.ts';
import './gb-monitor.ts';

const TAB_KEYS: Record<Tab, MsgKey> = { results: 'tabResults', params: 'tabParams', data: 'tabData', compare: 'tabCompare', hospital: 'tabHospital',
  years: 'tabYears', sweeps: 'tabSweeps', risk: 'tabRisk', monitor: 'tabMonitor' };

export class GbApp extends LitElement {
  static override properties = { view: { attribute: false }, dragging: { state: true }, importFile: { state: true } };
  /** What the page shows (views/page.ts); its parts are the same objects while unchanged. */
  declare view: PageView | null;
  declare dragging: boolean;
  /** A spreadsheet dropped on the page, handed to the import dialog. */
  declare importFile: File | null;
  /** Receives every action dispatched inside the app. */
  handler: ((a: Action) => void) | null = null;

  constructor() {
    super();
    this.view = null;
    this.dragging = false;
    this.importFile = null;
    this.addEventListener(ACTION_EVENT, (e) => this.handler?.(e.detail));
    this.addEventListener('dragover', (e) => { e.preventDefault(); this.dragging = true; });
    this.addEventListener('dragleave', (e) => { if (e.target === this) this.dragging = false; });
    this.addEventListener('drop', (e) => this.onDrop(e));
    this.addEventListener(IMPORT_FILE_EVENT, (e) => this.importSheet(e.detail));
  }

  /** A spreadsheet given to 打开文件 or dropped on the page: the import dialog opens on it. */
  private importSheet(f: File): void {
    this.importFile = f;
    emit(this, { type: 'dialog', dialog: 'import' });
  }

  static override styles = [shared, css`
    :host { display: block; min-height: 100vh; }
    header { background: var(--gb-blue); color: #fff; padding: 0.4rem 1rem; display: flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
    header > div { flex: none; }
    header gb-toolbar { flex: 1; }
    header h1 { font-size: 1.1rem; margin: 0; font-weight: 600; white-space: nowrap; }
    header .sub { opacity: 0.8; font-size: 0.85rem; }
    @media (max-width: 1599px) { header { padding: 0.3rem 0.6rem; gap: 0.4rem; } header h1 { font-size: 1rem; } header .sub { font-size: 0.75rem; } }
    main { padding: 0.6rem 1rem 2rem; max-width: 1600px; margin: 0 auto; }
    [role='tablist'] { display: flex; gap: 0.2rem; border-bottom: 2px solid var(--gb-line); margin: 0.4rem 0 0.6rem; flex-wrap: wrap; }
    [role='tab'] { border: none; border-bottom: 3px solid transparent; background: none; padding: 0.45rem 0.9rem; border-radius: 0; margin-bottom: -2px; }
    [role='tab'][aria-selected='true'] { border-bottom-color: var(--gb-blue); color: var(--gb-blue); font-weight: 600; }
    .notice { padding: 0.6rem 0.9rem; border-radius: 6px; margin: 0.6rem 0; display: flex; gap: 1rem; align-items: flex-start; }
    .notice.info { background: #e8f3ec; border: 1px solid #b5dcc2; }
    .notice.error { background: #fdecea; border: 1px solid #f3b8b2; }
    .notice ul { margin: 0.3rem 0 0; padding-left: 1.2rem; max-height: 12rem; overflow: auto; font-family: ui-monospace, monospace; font-size: 0.85em; }
    .notice .grow { flex: 1; }
    .drop { position: fixed; inset: 0; background: rgba(31, 78, 140, 0.15); border: 4px dashed var(--gb-blue); pointer-events: none; z-index: 10; }
    @media print { header, [role='tablist'], gb-variant-bar, .notice { display: none; } main { padding: 0; } }
    main.hidden { display: none; }
  `];

  private async onDrop(e: DragEvent): Promise<void> {
    e.preventDefault();
    this.dragging = false;
    const f = e.dataTransfer?.files?.[0];
    if (f) await routeFile(this, f, (x) => this.importSheet(x));
  }

  private onTabKey(e: KeyboardEvent, i: number): void {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    const next = TABS[(i + d + TABS.length) % TABS.length]!;
    emit(this, { type: 'tab', tab: next });
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  private panel(p: Panel) {
    switch (p.tab) {
      case 'results': return html`<gb-results .view=${p.view}></gb-results>`;
      case 'params': return html`<gb-params .view=${p.view}></gb-params>`;
      case 'data': return html`<gb-data-table .view=${p.view}></gb-data-table>`;
      case 'compare': return html`<gb-compare .view=${p.view}></gb-compare>`;
      case 'hospital': return html`<gb-hospital-view .view=${p.view}></gb-hospital-view>`;
      case 'years': return html`<gb-years .view=${p.view}></gb-years>`;
      case 'sweeps': return html`<gb-sweeps .view=${p.view}></gb-sweeps>`;
      case 'risk': return html`<gb-risk .view=${p.view}></gb-risk>`;
      case 'monitor': return html`<gb-monitor .view=${p.view}></gb-monitor>`;
    }
  }

  override willUpdate(): void {
    if (this.view?.dialog?.kind !== 'import') this.importFile = null;
  }

  override render() {
    const s = this.view;
    if (!s) return html`<main><p>…</p></main>`;
    const t = (k: MsgKey) => msg(s.lang, k);
    const n = s.notice;
    return html`
      <header>
        <div><h1>${t('appTitle')}</h1><div class="sub">${t('appSubtitle')}</div></div>
        <gb-toolbar .view=${s.toolbar}></gb-toolbar>
      </header>
      ${s.book ? html`<gb-brief-book .view=${s.book}></gb-brief-book>` : nothing}
      ${s.report && !s.book ? html`<gb-fund-report .view=${s.report}></gb-fund-report>` : nothing}
      <main class=${s.book || s.report ? 'hidden' : ''}>
        <gb-variant-bar .view=${s.bar}></gb-variant-bar>
        ${s.recovery ? html`<gb-recovery .view=${s.recovery}></gb-recovery>` : nothing}
        <div aria-live="polite">
          ${n ? html`<div class="notice ${n.kind}" role=${n.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
            <div class="grow"><strong>${n.text}</strong>
              ${n.issues.length ? html`<ul data-testid="issues">${n.issues.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
            </div>
            <button @click=${() => emit(this, { type: 'dismiss' })}>${t('close')}</button>
          </div>` : nothing}
        </div>
        <div role="tablist" aria-label=${t('appTitle')}>
          ${TABS.map((tab, i) => html`<button role="tab" id="tab-${tab}" aria-selected=${s.tab === tab ? 'true' : 'false'}
            aria-controls="panel" tabindex=${s.tab === tab ? 0 : -1} data-tab=${tab}
            @click=${() => emit(this, { type: 'tab', tab })} @keydown=${(e: KeyboardEvent) => this.onTabKey(e, i)}>${t(TAB_KEYS[tab])}</button>`)}
        </div>
        <section id="panel" role="tabpanel" aria-labelledby="tab-${s.tab}">${this.panel(s.panel)}</section>
      </main>
      ${this.dragging ? html`<div class="drop" aria-hidden="true"></div>` : nothing}
      ${s.dialog?.kind === 'import' ? html`<gb-import .view=${s.dialog.view} .file=${this.importFile}></gb-import>` : nothing}
      ${s.dialog?.kind === 'export' ? html`<gb-export .view=${s.dialog.view}></gb-export>` : nothing}
      ${s.dialog?.kind === 'versions' ? html`<gb-versions .view=${s.dialog.view}></gb-versions>` : nothing}
    `;
  }
}

customElements.define('gb-app', GbApp);
declare global {
  interface HTMLElementTagNameMap {
    'gb-app': GbApp;
  }
}
