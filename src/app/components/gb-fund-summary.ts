/** The fund's figures for one scenario: budget → target → allocation → settlement → balance. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent, plain } from '../../display/number.ts';
import type { FundResult } from '../../engine/result.ts';
import type { Lang, Unit } from '../../display/lang.ts';

type Item = [MsgKey, keyof FundResult, 'money' | 'pct' | 'months'];
const GROUPS: Item[][] = [
  [['budget', 'base', 'money'], ['carveOuts', 'carveOuts', 'money'], ['riskReserve', 'riskReserve', 'money'], ['globalTarget', 'globalTarget', 'money'], ['adjustmentFund', 'adjustmentFund', 'money'], ['allocatable', 'allocatable', 'money']],
  [['totalDeposit', 'totalDeposit', 'money'], ['totalPaid', 'totalPaid', 'money'], ['totalDeferred', 'totalDeferred', 'money'], ['hospitalsOwed', 'hospitalsOwed', 'money'], ['adjustmentFundUsed', 'adjustmentFundUsed', 'money'], ['totalBalance', 'totalBalance', 'money']],
  [['revenue', 'revenue', 'money'], ['expenditure', 'expenditure', 'money'], ['openingBalance', 'openingBalance', 'money'], ['closingBalance', 'closingBalance', 'money'], ['monthsOfCoverage', 'monthsOfCoverage', 'months'], ['currentSurplusRate', 'currentSurplusRate', 'pct'], ['cumulativeSurplusRate', 'cumulativeSurplusRate', 'pct']],
];

export class GbFundSummary extends LitElement {
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
    .groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 0.8rem 1.5rem; }
    dl { margin: 0; display: grid; grid-template-columns: 1fr auto; row-gap: 0.15rem; }
    dt { color: var(--gb-muted); }
    dd { margin: 0; }
    dd.key { font-weight: 700; }
    .u { color: var(--gb-muted); font-size: 0.85em; font-weight: normal; }
  `];

  override render() {
    const f = this.fund;
    const t = (k: MsgKey) => msg(this.lang, k);
    if (!f) return html`<div class="card"><h2>${t('fundSummary')}</h2><p class="muted">${t('computing')}</p></div>`;
    const u = t(this.unit);
    const cell = ([k, field, kind]: Item) => {
      const v = f[field] as string | null;
      const text = kind === 'money' ? money(v, this.unit) : kind === 'pct' ? percent(v) : plain(v);
      const suffix = kind === 'money' ? u : kind === 'months' ? t('months') : '';
      const key = field === 'globalTarget' || field === 'closingBalance' || field === 'hospitalsOwed';
      return html`<dt>${t(k)}</dt><dd class="num ${key ? 'key' : ''}" data-field=${field}>${text} <span class="u">${suffix}</span></dd>`;
    };
    return html`<div class="card" data-testid="fund-summary">
      <h2>${t('fundSummary')} <span class="u">(${u})</span></h2>
      <div class="groups">${GROUPS.map((g) => html`<dl>${g.map(cell)}</dl>`)}</div>
    </div>`;
  }
}

customElements.define('gb-fund-summary', GbFundSummary);
declare global {
  interface HTMLElementTagNameMap {
    'gb-fund-summary': GbFundSummary;
  }
}
