/**
 * What if this institution's target moved ±X%: its target locked at target × (1 ± X%) and its
 * pool allocated again, in the worker that holds the scenario (engine/whatif.ts); the members
 * of its pool with the largest changes are listed (the institution first), the others summed in
 * one row, in the unit chosen, as the worker computed them — a pool of 2,000 members would
 * otherwise lay out 2,000 rows on every edit. The changes add up to zero.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, sign } from '../../display/number.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { WhatIfView } from '../views/brief.ts';

export class GbBriefWhatIf extends LitElement {
  static override properties = { view: { attribute: false }, lang: {}, unit: {}, error: { state: true } };
  /** The what-if, its X, and whether it can be changed here. */
  declare view: WhatIfView | null;
  declare lang: Lang;
  /** The amounts in the unit the rest of the brief is in. */
  declare unit: Unit;
  /** Why what was typed as X is refused. */
  declare error: string;

  constructor() {
    super();
    this.view = null;
    this.lang = 'zh';
    this.unit = 'yuan';
    this.error = '';
  }

  static override styles = [shared, css`
    .ctl { display: flex; gap: 0.5rem; align-items: center; margin-bottom: 0.3rem; }
    .ctl input { width: 4.5rem; text-align: right; }
    table { font-size: 0.85em; }
    tbody th { background: none; font-weight: normal; max-width: 12rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    tr.me th, tr.me td { font-weight: 600; background: #fff8e6; }
    tr.sum th, tr.sum td { border-top: 2px solid var(--gb-text); font-weight: 600; }
    .list { max-height: 20rem; overflow: auto; }
    p.note { font-size: 0.85em; margin: 0.2rem 0; }
    @media print {
      .list { max-height: none; overflow: visible; }
      th, td { padding: 0.05rem 0.25rem; }
      .ctl { display: none; }
    }
  `];

  private onPct(e: Event): void {
    const v = (e.target as HTMLInputElement).value.trim().replace(/%$/, '').replace(/^\+/, '');
    if (!/^-?\d+(\.\d+)?$/.test(v)) { this.error = msg(this.lang, 'invalidPercent'); return; }
    // X moves the target up and down by X%: more than 0, less than 100, four decimals at most.
    if (!/^\d{1,2}(\.\d{1,4})?$/.test(v) || /^0+(\.0+)?$/.test(v)) { this.error = msg(this.lang, 'whatIfRange'); return; }
    this.error = '';
    emit(this, { type: 'whatIfPct', pct: v });
  }

  override render() {
    const w = this.view;
    if (!w) return nothing;
    const t = (k: MsgKey) => msg(this.lang, k);
    const r = w.result;
    const x = r?.pct ?? w.pct;
    const d = (v: string) => html`<td class="num ${sign(v) < 0 ? 'neg' : sign(v) > 0 ? 'pos' : ''}">${money(v, this.unit, true)}</td>`;
    const problem = this.error || w.error;
    return html`<div data-testid="whatif" aria-busy=${w.busy ? 'true' : 'false'}>
      ${w.interactive ? html`<div class="ctl no-print"><label for="wx">${t('whatIfPct')}</label>
        <input id="wx" data-testid="whatif-pct" inputmode="decimal" .value=${w.pct} @change=${this.onPct} aria-invalid=${this.error ? 'true' : 'false'} />
        <span class="muted">±${x}%</span>${problem ? html`<span class="err" role="alert">${problem}</span>` : nothing}</div>` : nothing}
      <p class="note muted">${t('whatIfNote')}${r?.pool ? ` ${t('pool')}${t('colon')}${r.pool.name} (${r.members.length})` : ''} · ${t(this.unit)}</p>
      ${r ? html`<div class="list"><table data-testid="whatif-table">
        <thead><tr><th>${t('institution')}</th><th class="num">${t('before')}</th><th class="num">${msg(this.lang, 'changePlus', { x })}</th>
        <th class="num">${msg(this.lang, 'changeMinus', { x })}</th></tr></thead>
        <tbody>
          ${r.members.slice(0, r.shown).map((m) => html`<tr class=${m.id === r.id ? 'me' : ''} data-id=${m.id} data-d-plus=${m.dPlus} data-d-minus=${m.dMinus}>
            <th scope="row">${m.name}</th><td class="num">${money(m.before, this.unit)}</td>${d(m.dPlus)}${d(m.dMinus)}</tr>`)}
          ${r.rest.count ? html`<tr class="rest" data-rest=${r.rest.count} data-d-plus=${r.rest.dPlus}
            data-d-minus=${r.rest.dMinus}><th scope="row">${msg(this.lang, 'othersInPool', { n: r.rest.count })}</th>
          <td></td>${d(r.rest.dPlus)}${d(r.rest.dMinus)}</tr>` : nothing}
          <tr class="sum"><th scope="row">${t('poolTotal')}</th><td></td>${d(r.total.dPlus)}${d(r.total.dMinus)}</tr>
        </tbody></table></div>` : html`<p class="muted">${t('computing')}</p>`}
    </div>`;
  }
}

customElements.define('gb-brief-whatif', GbBriefWhatIf);
declare global {
  interface HTMLElementTagNameMap {
    'gb-brief-whatif': GbBriefWhatIf;
  }
}
