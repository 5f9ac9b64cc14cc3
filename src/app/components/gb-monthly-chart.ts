/** A hospital's year by month: claims, monthly budget and what was paid; with its table. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, shiftPoint } from '../../display/number.ts';
import { drawChartSoon, PALETTE, plot } from '../views/charts.ts';
import { legendStyles } from './legend-styles.ts';
import type { HospitalResult } from '../../engine/result.ts';
import type { Lang, Unit } from '../../display/lang.ts';

export class GbMonthlyChart extends LitElement {
  static override properties = { hospital: { attribute: false }, lang: {}, unit: {} };
  /** The hospital's full result (monthly arrays). */
  declare hospital: HospitalResult | null;
  declare lang: Lang;
  declare unit: Unit;

  constructor() {
    super();
    this.hospital = null;
    this.lang = 'zh';
    this.unit = 'wan';
  }

  static override styles = [shared, css`
    .wrap { position: relative; height: 240px; }
    table { font-size: 0.85em; }
    ${legendStyles}
  `];

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const h = this.hospital;
    if (!canvas || !h) return;
    const t = (k: MsgKey) => msg(this.lang, k);
    const v = (s: string) => plot(this.unit === 'wan' ? shiftPoint(s, -4) : s);
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels: h.claims.map((_, m) => msg(this.lang, 'month', { m: m + 1 })),
        datasets: [
          { type: 'bar', label: t('claims'), data: h.claims.map(v), backgroundColor: PALETTE[5] },
          { type: 'bar', label: t('paidMonthly'), data: h.paid.map(v), backgroundColor: PALETTE[0] },
          { type: 'line', label: t('monthlyBudget'), data: h.monthlyBudget.map(v), borderColor: PALETTE[1], backgroundColor: PALETTE[1] },
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
    return html`<div class="card" data-testid="monthly">
      <h2 id="m-h">${t('claims')} / ${t('paidMonthly')} / ${t('monthlyBudget')} (${t(u)})</h2>
      <div class="wrap"><canvas role="img" aria-labelledby="m-h" aria-describedby="m-t"></canvas></div>
      <ul class="legend" aria-hidden="true"><li><span class="sw c5"></span>${t('claims')}</li><li><span class="sw c0"></span>${t('paidMonthly')}</li>
      <li><span class="sw c1"></span>${t('monthlyBudget')}</li></ul>
      <details><summary>${t('chartAlt')}</summary>
        <table id="m-t">
          <thead><tr><th></th>${h.claims.map((_, m) => html`<th class="num">${msg(this.lang, 'month', { m: m + 1 })}</th>`)}</tr></thead>
          <tbody>
            <tr><th scope="row">${t('claims')}</th>${h.claims.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
            <tr><th scope="row">${t('monthlyBudget')}</th>${h.monthlyBudget.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
            <tr><th scope="row">${t('paidMonthly')}</th>${h.paid.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
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
