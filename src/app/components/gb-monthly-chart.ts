/**
 * A hospital's year by month: claims, monthly budget and what was paid; with its table. In a pool
 * settled by points the months are the monthly pre-settlement (月度预结算) less the deposit
 * withheld (the engine's monthlyBudget, withheld and paid of such a member), named so.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, shiftPoint } from '../../display/number.ts';
import { drawChartSoon, PALETTE, plot } from '../views/charts.ts';
import { legendStyles } from './legend-styles.ts';
import type { HospitalResult } from '../../engine/result.ts';
import type { Lang, Unit } from '../../display/lang.ts';

export class GbMonthlyChart extends LitElement {
  static override properties = { hospital: { attribute: false }, byPoints: { type: Boolean }, lang: {}, unit: {} };
  /** The hospital's full result (monthly arrays). */
  declare hospital: HospitalResult | null;
  /** Its pool is settled by points. */
  declare byPoints: boolean;
  declare lang: Lang;
  declare unit: Unit;

  constructor() {
    super();
    this.hospital = null;
    this.byPoints = false;
    this.lang = 'zh';
    this.unit = 'wan';
  }

  static override styles = [shared, css`
    .wrap { position: relative; height: 240px; }
    table { font-size: 0.85em; }
    ${legendStyles}
  `];

  /** The names of its months' figures: a target's or a points member's. */
  private names(): { claims: string; budget: string; paid: string } {
    const t = (k: MsgKey) => msg(this.lang, k);
    return this.byPoints ? { claims: t('claims'), budget: t('ptsMonthPre'), paid: t('ptsMonthPaid') }
      : { claims: t('claims'), budget: t('monthlyBudget'), paid: t('paidMonthly') };
  }

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const h = this.hospital;
    if (!canvas || !h) return;
    const n = this.names();
    const v = (s: string) => plot(this.unit === 'wan' ? shiftPoint(s, -4) : s);
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels: h.claims.map((_, m) => msg(this.lang, 'month', { m: m + 1 })),
        datasets: [
          { type: 'bar', label: n.claims, data: h.claims.map(v), backgroundColor: PALETTE[5] },
          { type: 'bar', label: n.paid, data: h.paid.map(v), backgroundColor: PALETTE[0] },
          { type: 'line', label: n.budget, data: h.monthlyBudget.map(v), borderColor: PALETTE[1], backgroundColor: PALETTE[1] },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }

  override render() {
    const h = this.hospital;
    const t = (k: MsgKey) => msg(this.lang, k);
    if (!h) return html``;
    const u = this.unit;
    const n = this.names();
    return html`<div class="card" data-testid="monthly" data-by=${this.byPoints ? 'points' : 'target'}>
      <h2 id="m-h">${n.claims} / ${n.paid} / ${n.budget} (${t(u)})</h2>
      <div class="wrap"><canvas role="img" aria-labelledby="m-h" aria-describedby="m-t"></canvas></div>
      <ul class="legend" aria-hidden="true"><li><span class="sw c5"></span>${n.claims}</li><li><span class="sw c0"></span>${n.paid}</li>
      <li><span class="sw c1"></span>${n.budget}</li></ul>
      <details><summary>${t('chartAlt')}</summary>
        <table id="m-t">
          <thead><tr><th></th>${h.claims.map((_, m) => html`<th class="num">${msg(this.lang, 'month', { m: m + 1 })}</th>`)}</tr></thead>
          <tbody>
            <tr data-row="claims"><th scope="row">${n.claims}</th>${h.claims.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
            <tr data-row="monthlyBudget"><th scope="row">${n.budget}</th>${h.monthlyBudget.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
            ${this.byPoints ? html`<tr data-row="withheld"><th scope="row">${t('ptsMonthWithheld')}</th>
              ${h.withheld.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>` : nothing}
            <tr data-row="paid"><th scope="row">${n.paid}</th>${h.paid.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
          </tbody>
        </table>
      </details>
    </div>`;
  }
}

customElements.define('gb-monthly-chart', GbMonthlyChart);
declare global {
  interface HTMLElementTagNameMap {
    'gb-monthly-chart': GbMonthlyChart;
  }
}
