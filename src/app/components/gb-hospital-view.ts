/** One hospital, for a negotiator: derivation, months, settlement under each scenario, peers. Printable. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../actions.ts';
import { msg, type MsgKey } from '../i18n.ts';
import { money, percent, plain, sign } from '../format.ts';
import type { AppState } from '../state.ts';
import { materialize, refName } from '../ws.ts';
import { termOf as term } from '../terms.ts';
import { netOf, netRateOf, rewardShareOf } from '../table-model.ts';
import './gb-monthly-chart.ts';

export class GbHospitalView extends LitElement {
  static override properties = { state: { attribute: false } };
  /** App state (read only). */
  declare state: AppState;

  static override styles = [shared, css`
    .head { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
    .head h2 { font-size: 1.3rem; margin: 0; }
    ol.steps { margin: 0; padding-left: 1.4rem; }
    ol.steps li { margin: 0.25rem 0; }
    ol.steps .v { font-weight: 600; font-variant-numeric: tabular-nums; }
    @media print { select, button, label[for='pick'] { display: none; } .grid2 { display: block; } }
  `];

  override render() {
    const s = this.state;
    const t = (k: MsgKey) => msg(s.lang, k);
    const u = s.unit;
    const scen = materialize(s.ws, s.active);
    const h = scen.hospitals.find((x) => x.id === s.hospital) ?? scen.hospitals[0];
    if (!h) return html`<p>${t('noData')}</p>`;
    const ex = s.brief?.id === h.id && s.brief.ref === s.active ? s.brief.explanation : null;
    const m = (v: string | null | undefined) => html`<span class="v">${money(v, u)} ${t(u)}</span>`;
    return html`
      <div class="card head">
        <label for="pick">${t('selectHospital')}</label>
        <select id="pick" data-testid="pick-hospital" @change=${(e: Event) => emit(this, { type: 'hospital', id: (e.target as HTMLSelectElement).value })}>
          ${scen.hospitals.map((x) => html`<option value=${x.id} ?selected=${x.id === h.id}>${x.id} · ${x.name}</option>`)}
        </select>
        <button @click=${() => emit(this, { type: 'print' })}>${t('print')}</button>
      </div>
      <div class="card head" data-testid="hospital-head">
        <h2>${h.name}</h2>
        <span class="muted">${h.id} · ${term('level', h.level, s.lang)} · ${term('category', h.category, s.lang)} · ${term('class', h.class, s.lang)} · ${t('scenario')}: ${refName(s.ws, s.active)}</span>
      </div>
      ${!ex ? html`<p class="muted">${t('computing')}</p>` : html`
      <div class="grid2">
        <div class="card" data-testid="derivation">
          <h2>${t('derivation')}</h2>
          <ol class="steps">
            <li>${t('history')}: ${ex.history.map((y) => html`${money(y.amount, u)} × ${y.weight}${y.year < ex.history.length ? ' + ' : ''}`)}</li>
            <li>${t('weightedHistory')} = ${m(ex.weightedHistory)}</li>
            <li>× ${t('level')} ${t('coefficient')} ${ex.levelCoefficient} × ${t('category')} ${t('coefficient')} ${ex.categoryCoefficient}
              = ${t('defaultWeight')} ${m(ex.defaultWeight)}${ex.formula ? html` <span class="badge">${t('weightFormula')}: <code>${ex.formula}</code></span>` : nothing}</li>
            ${ex.pool ? html`<li>${t('pool')} ${ex.pool.name}: ${t('poolAmount')} ${m(ex.pool.amount)}; ${t('lockedTarget')} ${m(ex.pool.locked)};
              ${t('poolRemainder')} ${m(ex.pool.remainder)} (${ex.pool.members})</li>` : nothing}
            <li>${ex.hospital.locked ? html`${t('lockedTarget')}` : html`${t('weightShareLabel')} <span class="v">${percent(ex.weightShare, 6)}</span>`}
              → ${t('allocatedTarget')} ${m(ex.hospital.allocatedTarget)}</li>
            ${sign(ex.hospital.volumeCut) ? html`<li>${t('volumeCut')} −${money(ex.hospital.volumeCut, u)}</li>` : nothing}
            <li>${t('target')} <span data-testid="brief-target">${m(ex.hospital.target)}</span></li>
            <li>${t('depositRate')} ${percent(ex.depositRate, 2)} → ${t('deposit')} ${m(ex.hospital.deposit)}</li>
            <li>${t('monthlyBudget')}: ${money(ex.hospital.monthlyBudget[0], u)} … ${money(ex.hospital.monthlyBudget[11], u)} (×12)</li>
          </ol>
        </div>
        <div class="card" data-testid="peers">
          <h2>${t('peers')}</h2>
          <p class="muted">${msg(s.lang, 'peerCount', { n: ex.peers.count })}</p>
          <table>
            <thead><tr><th></th><th class="num">${t('thisHospital')}</th><th class="num">${t('median')}</th></tr></thead>
            <tbody>
              <tr><th scope="row">${t('history')} (${t(u)})</th><td class="num">${money(ex.peers.cost.mine, u)}</td><td class="num">${money(ex.peers.cost.median, u)}</td></tr>
              <tr><th scope="row">${t('costPerCase')} (${t('yuan')})</th><td class="num">${money(ex.peers.perCase.mine, 'yuan')}</td><td class="num">${money(ex.peers.perCase.median, 'yuan')}</td></tr>
              <tr><th scope="row">${t('growthLast')}</th><td class="num">${percent(ex.peers.growth.mine)}</td><td class="num">${percent(ex.peers.growth.median)}</td></tr>
            </tbody>
          </table>
        </div>
      </div>
      <gb-monthly-chart .hospital=${ex.hospital} .lang=${s.lang} .unit=${u}></gb-monthly-chart>`}
      ${this.settlement()}`;
  }

  private settlement() {
    const s = this.state;
    const t = (k: MsgKey) => msg(s.lang, k);
    const refs = [...new Set([s.active, ...s.compare])];
    const fields: [MsgKey, (v: NonNullable<AppState['cols'][string]['view']>, i: number) => string | null, boolean][] = [
      ['target', (v, i) => v.get('target', i), false], ['actual', (v, i) => v.get('actual', i), false],
      ['surplusOverspend', (v, i) => netOf(v, i), true], ['rate', (v, i) => netRateOf(v, i), false],
      ['rewardShare', (v, i) => rewardShareOf(v, i), false], ['depositReturned', (v, i) => v.get('depositReturned', i), false],
      ['owed', (v, i) => v.get('owed', i), false], ['balance', (v, i) => v.get('balance', i), true],
    ];
    return html`<div class="card" data-testid="settlement">
      <h2>${t('settlementByScenario')} (${t(s.unit)})</h2>
      <table>
        <thead><tr><th>${t('scenario')}</th>${fields.map(([k]) => html`<th class="num">${t(k)}</th>`)}</tr></thead>
        <tbody>${refs.map((k) => {
          const v = s.cols[k]?.view;
          const i = v ? (v.indexOf(s.hospital ?? '') ?? -1) : -1;
          return html`<tr><th scope="row">${refName(s.ws, k)}</th>${fields.map(([key, get, signed]) => {
            const val = v && i >= 0 ? get(v, i) : null;
            return html`<td class="num ${signed && sign(val) < 0 ? 'neg' : ''}">${key === 'rate' ? percent(val, 2, true) : money(val, s.unit, signed)}</td>`;
          })}</tr>`;
        })}</tbody>
      </table>
      <p class="muted">${t('monthsOfCoverage')}: ${refs.map((k) => `${refName(s.ws, k)} ${plain(s.cols[k]?.view?.fund.monthsOfCoverage)}`).join(' · ')}</p>
    </div>`;
  }
}

customElements.define('gb-hospital-view', GbHospitalView);
declare global {
  interface HTMLElementTagNameMap {
    'gb-hospital-view': GbHospitalView;
  }
}
