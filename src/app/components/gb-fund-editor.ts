/** Editing the fund's figures and carve-outs. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { issuesAt } from '../views/issues-at.ts';
import type { Issue } from '../../format/issues.ts';
import type { Scenario } from '../../format/types.ts';
import type { FieldKind } from '../views/validate-field.ts';
import './gb-field.ts';
import { sourceBadge } from './gb-source.ts';
import type { Lang, Unit } from '../../display/lang.ts';

export class GbFundEditor extends LitElement {
  static override properties = { scenario: { attribute: false }, issues: { attribute: false }, lang: {}, unit: {}, inherited: { attribute: false } };
  /** The scenario being edited. */
  declare scenario: Scenario;
  /** Problems the engine reported for it. */
  declare issues: Issue[];
  declare lang: Lang;
  /** Amounts are shown and typed in this unit. */
  declare unit: Unit;
  /** Keys whose source is the baseline's although this variant changed the value (flagged). */
  declare inherited: ReadonlySet<string> | null;

  constructor() {
    super();
    this.issues = [];
    this.lang = 'zh';
    this.unit = 'yuan';
  }

  static override styles = [shared, css`
    td gb-field { margin: 0; }
  `];

  private field(label: MsgKey, path: (string | number)[], kind: FieldKind, value: string | number | undefined, optional = false, bare = false) {
    return html`<gb-field .label=${msg(this.lang, label)} .path=${path} .kind=${kind} .value=${value} .lang=${this.lang} .unit=${this.unit}
      ?optional=${optional} ?bare=${bare} .issues=${issuesAt(this.issues, path, this.lang)} data-path=${path.join('.')}
        .sources=${this.scenario.policy.sources ?? {}} .inherited=${this.inherited}></gb-field>`;
  }

  private addCarveOut(): void {
    const list = this.scenario.fund.carveOuts;
    let n = list.length + 1;
    while (list.some((c) => c.id === `item${n}`)) n++;
    const name = this.lang === 'zh' ? `单列项目 ${n}` : `Carve-out ${n}`;
    emit(this, { type: 'edit', path: ['fund', 'carveOuts'], value: [...list, { id: `item${n}`, name, amount: '0' }] });
  }

  override render() {
    const f = this.scenario.fund;
    const t = (k: MsgKey) => msg(this.lang, k);
    return html`<div class="card" data-testid="fund-editor">
      <h2>${t('fundParams')} <span class="muted">(${t(this.unit)})</span></h2>
      <div>
        ${this.field('budget', ['fund', 'budget'], 'money', f.budget)}
        ${this.field('revenue', ['fund', 'revenue'], 'money', f.revenue)}
        ${this.field('openingBalance', ['fund', 'openingBalance'], 'money', f.openingBalance)}
      </div>
      <div>
        ${this.field('riskReserveRate', ['fund', 'riskReserveRate'], 'pct', f.riskReserveRate)}
        ${this.field('adjustmentFundRate', ['fund', 'adjustmentFundRate'], 'pct', f.adjustmentFundRate)}
        ${this.field('topUpCap', ['fund', 'adjustmentTopUpCap'], 'money', f.adjustmentTopUpCap, true)}
      </div>
      <h3>${t('carveOuts')}${sourceBadge(this.scenario.policy.sources, 'fund.carveOuts', this.lang, this.inherited)}</h3>
      <table>
        <thead><tr><th>${t('name')}</th><th class="num">${t('amount')}</th><th><span class="sr-only">${t('remove')}</span></th></tr></thead>
        <tbody>${f.carveOuts.map((c, i) => html`<tr>
          <td>${this.field('name', ['fund', 'carveOuts', i, 'name'], 'text', c.name, false, true)}</td>
          <td class="num">${this.field('amount', ['fund', 'carveOuts', i, 'amount'], 'money', c.amount, false, true)}</td>
          <td><button aria-label="${t('remove')} ${c.name}" @click=${() => emit(this,
            { type: 'edit', path: ['fund', 'carveOuts'], value: f.carveOuts.filter((_, j) => j !== i) })}>${t('remove')}</button></td>
        </tr>`)}</tbody>
      </table>
      <button @click=${this.addCarveOut}>＋ ${t('addCarveOut')}</button>
    </div>`;
  }
}

customElements.define('gb-fund-editor', GbFundEditor);
declare global {
  interface HTMLElementTagNameMap {
    'gb-fund-editor': GbFundEditor;
  }
}
