/** Where the year's budget goes: a bar chart, with its figures as a table (the text alternative). */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, shiftPoint } from '../../display/number.ts';
import { drawChartSoon, PALETTE, plot } from '../views/charts.ts';
import type { FundResult } from '../../engine/result.ts';
import type { Lang, Unit } from '../../display/lang.ts';

const ITEMS: [MsgKey, keyof FundResult][] = [
  ['flowHospitals', 'hospitalsOwed'], ['flowCarve', 'carveOuts'], ['flowReserve', 'riskReserve'],
  ['flowAFUnused', 'adjustmentFundUnused'], ['flowRetained', 'retainedFromTargets'],
];

export class GbFlowChart extends LitElement {
  static override properties = { fund: { attribute: false }, lang: {}, unit: {} };
  /** Fund figures of the scenario shown. */
  declare fund: FundResult | null;
  declare lang: Lang;
  declare unit: Unit;

  constructor() {
    super();
    this.fund = null;
    this.lang = 'zh';
    this.unit = 'wan';
  }

  static override styles = [shared, css`
    .wrap { position: relative; height: 220px; }
    details { margin-top: 0.5rem; }
  `];

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const f = this.fund;
    if (!canvas || !f) return;
    const t = (k: MsgKey) => msg(this.lang, k);
    const vals = ITEMS.map(([, k]) => plot(this.unit === 'wan' ? shiftPoint(f[k] as string, -4) : (f[k] as string)));
    drawChartSoon(canvas, {
      type: 'bar',
      data: { labels: ITEMS.map(([k]) => t(k)), datasets: [{ label: t(this.unit), data: vals, backgroundColor: PALETTE }] },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }

  override render() {
    const f = this.fund;
    const t = (k: MsgKey) => msg(this.lang, k);
    return html`<div class="card">
      <h2 id="flow-h">${t('moneyFlow')}</h2>
      <div class="wrap"><canvas role="img" aria-labelledby="flow-h" aria-describedby="flow-table"></canvas></div>
      <details>
        <summary>${t('chartAlt')}</summary>
        <table id="flow-table" data-testid="flow-table">
          <tr><th>${t('moneyFlow')}</th><th class="num">${t(this.unit)}</th></tr>
          ${f ? ITEMS.map(([k, field]) => html`<tr><td>${t(k)}</td><td class="num">${money(f[field] as string, this.unit)}</td></tr>`) : ''}
        </table>
      </details>
    </div>`;
  }
}

customElements.define('gb-flow-chart', GbFlowChart);
declare global {
  interface HTMLElementTagNameMap {
    'gb-flow-chart': GbFlowChart;
  }
}
