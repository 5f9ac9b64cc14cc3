/**
 * The fund report (基金预算执行与清算报告) in place of the app: the text model it is given, in
 * tables, with the print CSS the command line's HTML page uses (one section per A4 page, rows
 * never split). A bar to print and to close; it computes and formats nothing.
 */
import { LitElement, html, css, nothing, unsafeCSS } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { ReportPageView } from '../views/fund-report.ts';
import type { ReportTable } from '../../sheets/fund-report.ts';
import { REPORT_CSS } from '../views/fund-report.ts';

export class GbFundReport extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: ReportPageView;

  static override styles = [shared, unsafeCSS(REPORT_CSS), css`
    :host { display: block; padding: 0 1rem 2rem; }
    .bar { position: sticky; top: 0; z-index: 2; display: flex; gap: 1rem; align-items: center; background: var(--gb-blue); color: #fff; padding: 0.5rem 1rem;
      margin: 0 -1rem 0.8rem; }
    .bar button { background: #fff; color: var(--gb-blue); border-color: #fff; }
    .bar button:disabled { opacity: 0.6; }
    .grow { flex: 1; }
    .report { background: #fff; padding: 1rem; }
    /* Headings wrap as on the printed page (the shared .num keeps numbers on one line, not headings). */
    .report th.num { white-space: normal; }
    @media print { :host { padding: 0; } .bar { display: none; } .report { padding: 0; page: fund-report; } }
  `];

  private table(t: ReportTable) {
    const cls = (i: number) => (t.num[i] ? 'num' : '');
    return html`<div class="wide"><table class=${t.narrow ? 'narrow' : ''}>${t.caption ? html`<caption>${t.caption}</caption>` : nothing}
      <thead><tr>${t.head.map((h, i) => html`<th class=${cls(i)}>${h}</th>`)}</tr></thead>
      <tbody>${t.rows.map((r) => html`<tr class=${r.total ? 'total' : ''}>${r.cells.map((c, i) => html`<td class=${cls(i)}>${c}</td>`)}</tr>`)}</tbody></table>
      </div>`;
  }

  override render() {
    const p = this.view;
    const t = (k: MsgKey) => msg(p.lang, k);
    const v = p.view;
    return html`<div class="bar" role="status">
        <span>${t('openReport')}</span>
        ${p.error ? html`<span class="err">${p.error}</span>` : !v ? html`<span>${t('reportWaiting')}</span>` : nothing}
        <span class="grow"></span>
        <button data-testid="report-print" ?disabled=${!v} @click=${() => emit(this, { type: 'print' })}>${t('printReport')}</button>
        <button data-testid="report-close" @click=${() => emit(this, { type: 'closeReport' })}>${t('close')}</button>
      </div>
      ${v ? html`<div class="report" data-testid="fund-report" lang=${v.lang === 'zh' ? 'zh-CN' : 'en'}>
        <h1>${v.title}</h1>
        <div class="meta">${v.meta.map((m) => html`<span>${m.label}${v.lang === 'zh' ? '：' : ': '}<b>${m.value}</b></span>`)}</div>
        ${v.sections.map((s) => html`<section data-section=${s.id}><h2>${s.title}</h2>${s.tables.map((x) => this.table(x))}
          ${s.notes.length ? html`<ul class="notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}</section>`)}
        <div class="fp" data-testid="report-fingerprint">${v.fingerprint}</div>
      </div>` : nothing}`;
  }
}

customElements.define('gb-fund-report', GbFundReport);
declare global {
  interface HTMLElementTagNameMap {
    'gb-fund-report': GbFundReport;
  }
}
