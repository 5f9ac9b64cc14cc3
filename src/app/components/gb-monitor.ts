/**
 * The monitoring tab (执行进度 / 预警): which months are actual and which projected, the
 * warning list, the fund's projection against its line, the adjustments made, the month's
 * claims import, the mid-year adjustment dialog (its effects shown before accepting), and the
 * monthly report to print and to export. Renders the view model; computes nothing.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { dialogStyles } from './dialog-styles.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { MonitorLine, MonitorView } from '../views/monitor.ts';
import type { Adjustment } from '../../format/types.ts';

/** A note in parentheses as each language writes them: 「（预警线 6 个月）」, " (warning line 6 months)". */
const paren = (lang: MonitorView['lang'], s: string) => (lang === 'zh' ? `（${s}）` : ` (${s})`);

/**
 * Warning lines put on the page at first, and added each time the list is scrolled near its end.
 * The lines wrap (names, flags), so they are not virtual rows of one height; a list of hundreds
 * is then laid out a hundred lines at a time, not whole on every edit. Printing shows them all.
 */
const WARNING_STEP = 100;

export class GbMonitor extends LitElement {
  static override properties = { view: { attribute: false }, startMonth: { state: true }, form: { state: true }, shown: { state: true },
    printing: { state: true } };
  declare view: MonitorView | null;
  /** How many warning lines are on the page (WARNING_STEP more each time the list is scrolled to its end). */
  declare shown: number;
  declare printing: boolean;
  private readonly beforePrint = () => { this.printing = true; };
  private readonly afterPrint = () => { this.printing = false; };
  declare startMonth: number;
  /** The adjustment as typed (text, sent to the engine as it is; the gate checks it). */
  declare form: { hospital: string; kind: 'change' | 'target'; amount: string; from: string; reason: string };

  constructor() {
    super();
    this.view = null;
    this.startMonth = 6;
    this.form = { hospital: '', kind: 'change', amount: '', from: '', reason: '' };
    this.shown = WARNING_STEP;
    this.printing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The update runs in the microtasks after the event, before the page is laid out for print.
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
  }

  private onWarningsScroll(e: Event): void {
    const el = e.currentTarget as HTMLElement;
    const n = this.view?.warnings.length ?? 0;
    if (this.shown < n && el.scrollTop + el.clientHeight >= el.scrollHeight - 120) this.shown += WARNING_STEP;
  }

  private warningRows(v: MonitorView): MonitorLine[] {
    const n = this.printing ? v.warnings.length : Math.min(v.warnings.length, this.shown);
    return Array.from({ length: n }, (_, k) => v.warnings.at(k));
  }

  static override styles = [shared, dialogStyles, css`
    .months { display: flex; gap: 2px; margin: 0.4rem 0 0.2rem; flex-wrap: wrap; }
    .months span { padding: 0.15rem 0.45rem; border-radius: 3px; font-size: 0.8rem; }
    .months .actual { background: var(--gb-blue); color: #fff; }
    .months .projected { background: repeating-linear-gradient(45deg, #eef2f7, #eef2f7 4px, #dde4ee 4px, #dde4ee 8px); color: #334; border: 1px dashed #8899aa;
      }
    .bar { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; margin: 0.4rem 0; }
    .side { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.8rem; align-items: start; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.25rem 0.45rem; border-bottom: 1px solid var(--gb-line); text-align: left; white-space: nowrap; }
    th { background: #eef2f7; font-weight: 600; }
    /* The warning list fits its card in both languages at 1280 px: headers wrap (an English
       heading is three times its Chinese one), so do names and the warnings themselves. */
    table.warnings { table-layout: auto; }
    table.warnings th { white-space: normal; vertical-align: bottom; min-width: 4.5rem; position: sticky; top: 0; z-index: 1; }
    table.warnings td.name { white-space: normal; min-width: 9rem; }
    table.warnings td.flag { white-space: normal; min-width: 9rem; }
    td.num, th.num { text-align: right; }
    tr.over td.rate { color: #b3261e; font-weight: 600; }
    .flag { color: #b3261e; }
    .cover { font-size: 1.4rem; font-weight: 600; }
    .cover.below { color: #b3261e; }
    .muted { color: var(--gb-muted); font-size: 0.85rem; }
    ul.plain { margin: 0.2rem 0; padding-left: 1.1rem; }
    .form { display: grid; grid-template-columns: 10rem 1fr; gap: 0.4rem 0.8rem; align-items: center; }
    .form input, .form select { width: 100%; }
    .scroll { max-height: 420px; overflow: auto; }
    /* The browser's own file button speaks the browser's language; the label is the button. */
    label.file { border: 1px solid var(--gb-line); border-radius: 4px; padding: 0.3rem 0.7rem; cursor: pointer; background: #fff; }
    label.file:focus-within { outline: 2px solid var(--gb-focus); outline-offset: 1px; }
    .issues { color: #b3261e; }
    @media print {
      .bar, button, input[type='file'], dialog { display: none !important; }
      .card { border: none; padding: 0; }
      .scroll { max-height: none; overflow: visible; }
    }
  `];

  private t(k: MsgKey, v?: Record<string, string | number>): string {
    return msg(this.view?.lang ?? 'zh', k, v);
  }

  override updated(): void {
    const d = this.renderRoot.querySelector('dialog');
    if (d && this.view?.preview && !d.open) d.showModal();
  }

  private adjustment(): Adjustment {
    const f = this.form;
    const v = this.view!;
    const a: Adjustment = { hospital: f.hospital || v.hospitals[0]?.id || '', from: Number(f.from || (v.nextMonth ?? 7)), reason: f.reason };
    if (f.kind === 'change') a.change = f.amount.trim().replace(/[,，\s]/g, '').replace(/^−/, '-');
    else a.target = f.amount.trim().replace(/[,，\s]/g, '');
    return a;
  }

  private set(k: keyof GbMonitor['form'], value: string): void {
    this.form = { ...this.form, [k]: value };
  }

  private onFile(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) emit(this, { type: 'monitorImport', file });
    input.value = '';
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    const t = this.t.bind(this);
    return html`
      <div class="card" data-testid="monitor">
        <h2>${v.title}</h2>
        <div data-testid="as-of">${v.asOfLine}${v.stale && v.state === 'ready' ? html` <span class="muted">(${t('stale')})</span>` : nothing}</div>
        <div class="months" role="list" aria-label=${t('monAsOf', { k: v.asOf ?? 12, rest: '' })}>
          ${v.months.map((m) => html`<span role="listitem" class=${m.actual ? 'actual' : 'projected'}
            title=${m.actual ? t('monActual') : t('monProjected')}>${m.label} ${m.actual ? t('monActual') : t('monProjected')}</span>`)}
        </div>
        <div class="bar">
          ${v.canStart ? html`<label>${t('monStart')} <select data-testid="start-month"
            @change=${(e: Event) => { this.startMonth = Number((e.target as HTMLSelectElement).value); }}>
              ${Array.from({ length: 12 }, (_, j) => html`<option value=${j} ?selected=${j === this.startMonth}>${j === 0 ? t('monStartNone') :
                t('monMonth', { k: j })}</option>`)}
            </select></label>
            <button data-testid="start" @click=${() => emit(this, { type: 'monitorAsOf', month: this.startMonth })}>${t('monStartButton')}</button>` : nothing}
          ${v.nextMonth !== null ? html`<label class="file">${t('monImport', { k: v.nextMonth })}
            <input type="file" class="sr-only" data-testid="month-file" accept=".xlsx,.csv" @change=${this.onFile}></label>
            <span class="muted">${t('monImportHint')}</span>` : nothing}
        </div>
        <div class="bar">
          <button data-testid="adjust" ?disabled=${v.state !== 'ready'} @click=${() => emit(this, { type: 'adjustOpen' })}>${t('monAdjust')}</button>
          <button data-testid="print-report" @click=${() => emit(this, { type: 'print' })}>${t('monPrint')}</button>
          <button data-testid="export-report" @click=${() => emit(this, { type: 'exportMonitor' })}>${t('monExport')}</button>
        </div>
      </div>
      ${v.state === 'ready' ? this.body(v) : html`<p class="muted">${v.state === 'invalid' ? t('invalidScenario') : t('monLoading')}</p>`}
      ${v.preview ? this.dialog(v) : nothing}
    `;
  }

  private body(v: MonitorView) {
    const t = this.t.bind(this);
    return html`
      <div class="side">
        <div class="card" data-testid="fund-projection">
          <h3>${t('monFund')}</h3>
          <div>${t('monProjCoverage')}${v.lang === 'zh' ? '：' : ': '}<span class="cover ${v.coverage.below ? 'below' : ''}"
            data-testid="coverage">${v.coverage.value}</span>
            <span class=${v.coverage.below ? 'flag' : 'muted'}>${v.coverage.text}${paren(v.lang, msg(v.lang, 'warningLine',
              { m: v.coverage.line }))}</span></div>
          <table>${v.fund.map((r) => html`<tr><td>${r.label}</td><td class="num">${r.value}</td></tr>`)}</table>
        </div>
        <div>
          <div class="card" data-testid="adjustments">
            <h3>${t('monAdjustments')}</h3>
            ${v.adjustments.length ? html`<ul class="plain">${v.adjustments.map((a) => html`<li>${a}</li>`)}</ul>` :
              html`<p class="muted">${t('monNoAdjustments')}</p>`}
          </div>
          <div class="card">
            <h3>${t('monThresholds')}</h3>
            <ul class="plain muted">${v.thresholds.map((x) => html`<li>${x}</li>`)}</ul>
          </div>
          ${v.points.length ? html`<div class="card" data-testid="monitor-points"><h3>${t('monPointsTitle')}</h3><table>
            <thead><tr><th>${t('pool')}</th><th class="num">${t('monPointsToDate')}</th><th class="num">${t('monPointsYear')}</th>
              <th class="num">${t('monBudgetPointValue')}</th><th class="num">${t('monPointValue')}</th></tr></thead>
            <tbody>${v.points.map((p) => html`<tr><td>${p.pool}</td><td class="num">${p.toDate}</td><td class="num">${p.year}</td>
            <td class="num">${p.budgetValue}</td>
              <td class="num" data-field="pointValue">${p.value}</td></tr>`)}</tbody></table></div>` : nothing}
        </div>
      </div>
      <div>
        <div class="card">
          <h3 data-testid="warnings-title">${v.warningsTitle}</h3>
          ${v.warnings.length === 0 ? html`<p class="muted">${t('monNoWarnings')}</p>` : html`<div class="scroll"
            data-testid="warnings-scroll" @scroll=${this.onWarningsScroll}><table class="warnings" data-testid="warnings">
            <thead><tr><th>${t('id')}</th><th>${t('name')}</th><th class="num">${t('target')}</th><th class="num">${t('monBudgetToDate')}</th>
              <th class="num">${t('monClaimsToDate')}</th><th class="num">${t('monProgress')}</th><th class="num">${t('monDeferredToDate')}</th>
              <th class="num">${t('monProjectedClaims')}</th><th class="num">${t('monProjectedRate')}</th><th>${t('monFlags')}</th></tr></thead>
            <tbody>${this.warningRows(v).map((r) => html`<tr class=${r.over ? 'over' : ''} data-id=${r.id}>
              <td>${r.id}${r.adjusted ? html` <span title=${t('monAdjusted')}>*</span>` : nothing}</td><td class="name">${r.name}</td>
              <td class="num">${r.target}</td>
              <td class="num">${r.budgetToDate}</td><td class="num">${r.claimsToDate}</td><td class="num">${r.progress}</td>
              <td class="num">${r.deferredToDate}</td>
              <td class="num">${r.projectedClaims}</td><td class="num rate">${r.projectedRate}</td><td class="flag">${r.flags}</td></tr>`)}</tbody>
          </table></div>`}
        </div>
      </div>`;
  }

  private dialog(v: MonitorView) {
    const t = this.t.bind(this);
    const p = v.preview!;
    const f = this.form;
    const close = () => { this.renderRoot.querySelector('dialog')?.close(); emit(this, { type: 'adjustClose' }); };
    return html`<dialog data-testid="adjust-dialog" @cancel=${(e: Event) => { e.preventDefault(); close(); }}>
      <div class="dh"><h2>${t('monAdjustTitle')}</h2><button @click=${close}>${t('close')}</button></div>
      <div class="db">
        <div class="form">
          <label for="adj-h">${t('monHospital')}</label>
          <select id="adj-h" data-testid="adj-hospital" @change=${(e: Event) => this.set('hospital', (e.target as HTMLSelectElement).value)}>
            ${v.hospitals.map((h) => html`<option value=${h.id} ?selected=${h.id === f.hospital}>${h.id} ${h.name}</option>`)}
          </select>
          <label for="adj-k">${t('monChangeKind')}</label>
          <select id="adj-k" data-testid="adj-kind" @change=${(e: Event) => this.set('kind', (e.target as HTMLSelectElement).value)}>
            <option value="change" ?selected=${f.kind === 'change'}>${t('monByChange')}</option>
            <option value="target" ?selected=${f.kind === 'target'}>${t('monByTarget')}</option>
          </select>
          <label for="adj-a">${f.kind === 'change' ? t('monByChange') : t('monByTarget')}</label>
          <input id="adj-a" data-testid="adj-amount" inputmode="decimal" .value=${f.amount}
            @input=${(e: Event) => this.set('amount', (e.target as HTMLInputElement).value)}>
          <label for="adj-f">${t('monFrom')}</label>
          <select id="adj-f" data-testid="adj-from" @change=${(e: Event) => this.set('from', (e.target as HTMLSelectElement).value)}>
            ${Array.from({ length: 12 }, (_, j) => j + 1).filter((m) => m > (v.asOf ?? 0) || v.asOf === 12).map((m) => html`<option value=${m}
              ?selected=${String(m) === (f.from || String(v.nextMonth ?? 7))}>${t('monMonth', { k: m })}</option>`)}
          </select>
          <label for="adj-r">${t('monReason')}</label>
          <input id="adj-r" data-testid="adj-reason" .value=${f.reason} @input=${(e: Event) => this.set('reason', (e.target as HTMLInputElement).value)}>
        </div>
        ${p.ok ? html`<h3 data-testid="adj-pool">${p.pool}</h3>
          <div class="scroll"><table data-testid="adj-effects">
            <thead><tr><th>${t('id')}</th><th>${t('name')}</th><th class="num">${t('monBefore')}</th><th class="num">${t('monAfter')}</th>
            <th class="num">${t('monChangeCol')}</th>
              <th>${t('monMonthsFrom', { f: p.from })}</th></tr></thead>
            <tbody>${p.lines.map((l) => html`<tr><td>${l.id}</td><td>${l.name}</td><td class="num">${l.before}</td><td class="num">${l.after}</td>
            <td class="num">${l.change}</td>
              <td class="muted" title=${l.months.map((x) => `${x.before} → ${x.after}`).join('\n')}>${l.months[0]?.before ?? ''} → ${l.months[0]?.after ??
                ''}${l.months.length > 1 ? ' …' : ''}</td></tr>`)}</tbody>
          </table></div>` : nothing}
        ${p.issues.length ? html`<div class="issues" role="alert" data-testid="adj-issues"><strong>${t('monRefused')}</strong><ul>${p.issues.map((i) =>
          html`<li>${i}</li>`)}</ul></div>` : nothing}
      </div>
      <div class="df">
        <button data-testid="adj-preview" ?disabled=${p.busy} @click=${() => emit(this,
          { type: 'adjustPreview', adjustment: this.adjustment() })}>${t('monPreview')}</button>
        <button data-testid="adj-accept" ?disabled=${!p.ok || p.busy} @click=${() =>
          { this.renderRoot.querySelector('dialog')?.close(); emit(this, { type: 'adjustAccept', adjustment: p.adjustment! }); }}>${t('monAccept')}</button>
        <button @click=${close}>${t('cancel')}</button>
      </div>
    </dialog>`;
  }
}

customElements.define('gb-monitor', GbMonitor);
declare global {
  interface HTMLElementTagNameMap {
    'gb-monitor': GbMonitor;
  }
}
