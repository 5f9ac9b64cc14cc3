/** The fund's figures for one scenario: budget → target → allocation → settlement → balance. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent, plain } from '../../display/number.ts';
import type { FundResult } from '../../engine/result.ts';
import type { Lang, Unit } from '../../display/lang.ts';

type Item = [MsgKey, keyof FundResult, 'money' | 'pct' | 'months'];
const GROUPS: Item[][] = [
  [['budget', 'base', 'money'], ['carveOuts', 'carveOuts', 'money'], ['riskReserve', 'riskReserve', 'money'], ['globalTarget', 'globalTarget', 'money'],
    ['adjustmentFund', 'adjustmentFund', 'money'], ['allocatable', 'allocatable', 'money']],
  [['totalDeposit', 'totalDeposit', 'money'], ['totalPaid', 'totalPaid', 'money'], ['totalDeferred', 'totalDeferred', 'money'],
    ['hospitalsOwed', 'hospitalsOwed', 'money'], ['adjustmentFundUsed', 'adjustmentFundUsed', 'money'], ['totalBalance', 'totalBalance', 'money']],
  [['revenue', 'revenue', 'money'], ['expenditure', 'expenditure', 'money'], ['openingBalance', 'openingBalance', 'money'],
    ['closingBalance', 'closingBalance', 'money'], ['monthsOfCoverage', 'monthsOfCoverage', 'months'], ['currentSurplusRate', 'currentSurplusRate', 'pct'],
    ['cumulativeSurplusRate', 'cumulativeSurplusRate', 'pct']],
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
    .groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(215px, 1fr)); gap: 0.6rem 1.2rem; }
    dl { margin: 0; display: grid; grid-template-columns: 1fr auto; row-gap: 0.15rem; }
    dt { color: var(--gb-muted); }
    dd { margin: 0; }
    dd.key { font-weight: 700; }
    .u { color: var(--gb-muted); font-size: 0.85em; font-weight: normal; }
    .points { margin-top: 0.8rem; border-top: 1px solid var(--gb-line); padding-top: 0.6rem; }
    .points h3 { margin: 0 0 0.4rem; font-size: 1em; }
    .capped { color: var(--gb-neg); font-size: 0.85em; }
  `];

  /** Each pool settled by points (DESIGN §7): its points and the two point values, 元/分 to 4 decimals as the engine gives them. */
  private points(f: FundResult) {
    const pools = f.pools.filter((p) => p.settlement === 'points');
    if (!pools.length) return nothing;
    const t = (k: MsgKey) => msg(this.lang, k);
    const pv = t('ptsUnit');
    const u = t(this.unit);
    return html`<div class="points" data-testid="fund-points">
      <h3>${t('ptsTitle')}</h3>
      <div class="groups">${pools.map((p) => html`<dl data-pool=${p.id}>
        <dt><strong>${p.name}</strong></dt><dd></dd>
        <dt>${t('ptsBudgetValue')}</dt><dd class="num key" data-field="budgetPointValue">${plain(p.budgetPointValue, 4)} <span class="u">${pv}</span></dd>
        <dt>${t('ptsValue')}</dt><dd class="num key" data-field="pointValue">${plain(p.pointValue, 4)} <span class="u">${pv}</span></dd>
        ${p.pointValueCapped ? html`<dt>${t('ptsUncapped')}</dt><dd class="num" data-field="uncappedPointValue">${plain(p.uncappedPointValue,
          4)} <span class="u">${pv}</span>
          <span class="capped">${t('ptsCapped')}</span></dd>` : nothing}
        <dt>${t('ptsTotal')}</dt><dd class="num" data-field="points">${plain(p.points, 4)}</dd>
        <dt>${t('ptsProjected')}</dt><dd class="num" data-field="projectedPoints">${plain(p.projectedPoints, 4)}</dd>
        <dt>${t('ptsEntitled')}</dt><dd class="num" data-field="entitled">${money(p.entitled, this.unit)} <span class="u">${u}</span></dd>
        ${p.pointValueCapped ? html`<dt>${t('ptsCapCut')}</dt><dd class="num" data-field="capCut">${money(p.capCut,
          this.unit)} <span class="u">${u}</span></dd>` : nothing}
      </dl>`)}</div>
    </div>`;
  }

  override render() {
    const f = this.fund;
    const t = (k: MsgKey) => msg(this.lang, k);
    if (!f) return html`<div class="card"><h2>${t('fundSummary')}</h2><p class="muted">${t('computing')}</p></div>`;
    const u = t(this.unit);
    const cell = ([k, field, kind]: Item) => {
      const v = f[field] as string | null;
      const text = kind === 'money' ? money(v, this.unit) : kind === 'pct' ? percent(v) : plain(v);
      // Amounts carry the unit in the heading; months say so beside the figure.
      const suffix = kind === 'months' ? t('months') : '';
      const key = field === 'globalTarget' || field === 'closingBalance' || field === 'hospitalsOwed';
      return html`<dt>${t(k)}</dt><dd class="num ${key ? 'key' : ''}" data-field=${field}>${text} <span class="u">${suffix}</span></dd>`;
    };
    return html`<div class="card" data-testid="fund-summary">
      <h2>${t('fundSummary')} <span class="u">(${u})</span></h2>
      <div class="groups">${GROUPS.map((g) => html`<dl>${g.map(cell)}</dl>`)}</div>
      ${this.points(f)}
    </div>`;
  }
}

customElements.define('gb-fund-summary', GbFundSummary);
declare global {
  interface HTMLElementTagNameMap {
    'gb-fund-summary': GbFundSummary;
  }
}
