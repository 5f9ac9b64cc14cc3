/** One hospital, for a negotiator: pick it, read its brief (one printable A4 page), print it. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { AppState } from '../state/app-state.ts';
import './gb-brief.ts';
import './gb-monthly-chart.ts';
import { scenarioOf } from '../../workspace/workspace.ts';

export class GbHospitalView extends LitElement {
  static override properties = { state: { attribute: false } };
  /** App state (read only). */
  declare state: AppState;

  static override styles = [shared, css`
    .head { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
    gb-brief { margin-bottom: 0.8rem; }
    @media print { .head, gb-monthly-chart { display: none; } }
  `];

  override render() {
    const s = this.state;
    const t = (k: MsgKey) => msg(s.lang, k);
    const scen = scenarioOf(s.ws, s.active);
    const h = scen.hospitals.find((x) => x.id === s.hospital) ?? scen.hospitals[0];
    if (!h) return html`<p>${t('noData')}</p>`;
    const ex = s.brief?.id === h.id && s.brief.ref === s.active ? s.brief.explanation : null;
    return html`
      <div class="card head">
        <label for="pick">${t('selectHospital')}</label>
        <select id="pick" data-testid="pick-hospital" @change=${(e: Event) => emit(this, { type: 'hospital', id: (e.target as HTMLSelectElement).value })}>
          ${scen.hospitals.map((x) => html`<option value=${x.id} ?selected=${x.id === h.id}>${x.id} · ${x.name}</option>`)}
        </select>
        <button class="primary" data-testid="print-brief" @click=${() => emit(this, { type: 'print' })}>${t('printBrief')}</button>
      </div>
      <gb-brief .state=${s} .explanation=${ex} interactive></gb-brief>
      ${ex ? html`<gb-monthly-chart .hospital=${ex.hospital} .lang=${s.lang} .unit=${s.unit}></gb-monthly-chart>` : nothing}`;
  }
}

customElements.define('gb-hospital-view', GbHospitalView);
declare global {
  interface HTMLElementTagNameMap {
    'gb-hospital-view': GbHospitalView;
  }
}
