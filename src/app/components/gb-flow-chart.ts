/** Where the year's budget goes: the fund's flow as a waterfall, budget → reserve and carve-outs → target → owed to institutions. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { msg } from '../i18n/index.ts';
import './gb-waterfall.ts';
import type { WaterfallBar } from '../views/waterfall.ts';
import type { Lang, Unit } from '../../display/lang.ts';

export class GbFlowChart extends LitElement {
  static override properties = { flow: { attribute: false }, lang: {}, unit: {} };
  /** The fund's flow of the scenario shown (views/waterfall.ts fundFlow). */
  declare flow: WaterfallBar[] | null;
  declare lang: Lang;
  declare unit: Unit;

  constructor() {
    super();
    this.flow = null;
    this.lang = 'zh';
    this.unit = 'wan';
  }

  static override styles = [shared, css`.u { color: var(--gb-muted); font-size: 0.85em; font-weight: normal; }`];

  override render() {
    const t = (k: 'moneyFlow' | 'yuan' | 'wan') => msg(this.lang, k);
    return html`<div class="card">
      <h2 id="flow-h">${t('moneyFlow')} <span class="u">(${t(this.unit)})</span></h2>
      <gb-waterfall .bars=${this.flow} .lang=${this.lang} .unit=${this.unit} .heading=${t('moneyFlow')} testid="flow-table"></gb-waterfall>
    </div>`;
  }
}

customElements.define('gb-flow-chart', GbFlowChart);
declare global {
  interface HTMLElementTagNameMap {
    'gb-flow-chart': GbFlowChart;
  }
}
