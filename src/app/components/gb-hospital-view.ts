/** One hospital, for a negotiator: pick it, read its brief (one printable A4 page), print it. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { HospitalView } from '../views/hospital.ts';
import './gb-brief.ts';
import './gb-monthly-chart.ts';
import './gb-waterfall.ts';

export class GbHospitalView extends LitElement {
  static override properties = { view: { attribute: false } };
  /** The institutions, the one picked and its brief. */
  declare view: HospitalView;

  static override styles = [shared, css`
    .head { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
    gb-brief { margin-bottom: 0.8rem; }
    .falls { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0.8rem; margin-bottom: 0.8rem; }
    .falls .card { margin: 0; }
    .u { color: var(--gb-muted); font-size: 0.85em; font-weight: normal; }
    @media print { .head, gb-monthly-chart, .falls { display: none; } }
  `];

  override render() {
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    if (s.error) return html`<div class="card err">${s.error}</div>`;
    if (!s.selected) return html`<p>${t('noData')}</p>`;
    return html`
      <div class="card head">
        <label for="pick">${t('selectHospital')}</label>
        <select id="pick" data-testid="pick-hospital" @change=${(e: Event) => emit(this, { type: 'hospital', id: (e.target as HTMLSelectElement).value })}>
          ${s.choices.map((x) => html`<option value=${x.id} ?selected=${x.id === s.selected}>${x.label}</option>`)}
        </select>
        <button class="primary" data-testid="print-brief" @click=${() => emit(this, { type: 'print' })}>${t('printBrief')}</button>
        <button data-testid="open-report" @click=${() => emit(this, { type: 'openReport' })}>${t('openReport')}</button>
      </div>
      <gb-brief .view=${s.brief} .lang=${s.lang} aria-busy=${s.briefStale ? 'true' : 'false'}></gb-brief>
      ${s.waterfalls.length ? html`<div class="falls">${s.waterfalls.map((w, i) => html`<div class="card" data-testid=${`institution-waterfall-${i}`}>
        <h2>${w.heading} <span class="u">(${t(s.unit)})</span></h2>
        ${w.bars ? html`<gb-waterfall .bars=${w.bars} .lang=${s.lang} .unit=${s.unit} .heading=${w.heading} testid=${`waterfall-table-${i}`}></gb-waterfall>`
          : html`<p class="muted">${w.note}</p>`}
      </div>`)}</div>` : nothing}
      ${s.monthly ? html`<gb-monthly-chart .hospital=${s.monthly} ?byPoints=${s.monthlyByPoints} .lang=${s.lang} .unit=${s.unit}>
        </gb-monthly-chart>` : nothing}`;
  }
}

customElements.define('gb-hospital-view', GbHospitalView);
declare global {
  interface HTMLElementTagNameMap {
    'gb-hospital-view': GbHospitalView;
  }
}
