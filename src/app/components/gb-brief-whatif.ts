/**
 * What if this institution's target moved ±X%: the engine runs on the scenario with its target
 * locked at target × (1 ± X%) (in the brief worker); the members of its pool with the largest
 * changes are listed (the institution first), the others summed in one row, in yuan to the fen,
 * as the worker computed them — a pool of 2,000 members would otherwise lay out 2,000 rows on
 * every edit. The changes add up to zero.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, sign } from '../../display/number.ts';
import type { Scenario } from '../../format/types.ts';
import { briefApi } from '../runs/jobs.ts';
import type { Lang } from '../../display/lang.ts';
import type { WhatIf } from '../../engine/whatif.ts';

/** Quiet time after the last edit before the what-if is computed again. */
const WHATIF_DELAY_MS = 500;

export class GbBriefWhatIf extends LitElement {
  static override properties = {
    scenario: { attribute: false }, hospitalId: {}, lang: {}, result: { attribute: false }, interactive: { type: Boolean },
    pct: { state: true }, error: { state: true }, busy: { state: true },
  };
  /** The scenario shown (the what-if changes only this institution's target). */
  declare scenario: Scenario | null;
  declare hospitalId: string;
  declare lang: Lang;
  /** A what-if computed already (print all); otherwise computed here. */
  declare result: WhatIf | null;
  /** Show the X input (not when printing all). */
  declare interactive: boolean;
  declare pct: string;
  declare error: string;
  declare busy: boolean;
  private asked: { s: Scenario | null; id: string; pct: string } | null = null;

  constructor() {
    super();
    this.scenario = null;
    this.hospitalId = '';
    this.lang = 'zh';
    this.result = null;
    this.interactive = false;
    this.pct = '5';
    this.error = '';
    this.busy = false;
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

  private timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /**
   * A new scenario (an edit) is asked about once edits pause: the what-if settles the pool three
   * times in the brief worker, which would compete with the scenario's own runs on the
   * machine's cores. A new institution or X is asked about at once.
   */
  override updated(): void {
    if (!this.interactive || !this.scenario || !this.hospitalId) return;
    const a = this.asked;
    if (a && a.s === this.scenario && a.id === this.hospitalId && a.pct === this.pct) return;
    const ask = { s: this.scenario, id: this.hospitalId, pct: this.pct };
    this.asked = ask;
    clearTimeout(this.timer);
    const soon = !a || !this.result || a.id !== ask.id || a.pct !== ask.pct;
    this.busy = true;
    this.timer = setTimeout(() => { if (this.asked === ask) void this.compute(); }, soon ? 0 : WHATIF_DELAY_MS);
  }

  private async compute(): Promise<void> {
    const ask = this.asked!;
    this.busy = true;
    try {
      const r = await briefApi().whatIf(ask.s!, ask.id, ask.pct);
      if (this.asked === ask) { this.result = r; this.error = ''; }
    } catch (e) {
      if (this.asked === ask) { this.result = null; this.error = (e as Error).message; }
    } finally {
      if (this.asked === ask) this.busy = false;
    }
  }

  private onPct(e: Event): void {
    const v = (e.target as HTMLInputElement).value.trim().replace(/%$/, '');
    if (!/^\d{1,2}(\.\d{1,4})?$/.test(v) || Number(v) <= 0) {
      this.error = msg(this.lang, 'invalidNumber');
      return;
    }
    this.error = '';
    this.pct = v;
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const r = this.result;
    const x = r?.pct ?? this.pct;
    const d = (v: string) => html`<td class="num ${sign(v) < 0 ? 'neg' : sign(v) > 0 ? 'pos' : ''}">${money(v, 'yuan', true)}</td>`;
    return html`<div data-testid="whatif" aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.interactive ? html`<div class="ctl no-print"><label for="wx">${t('whatIfPct')}</label>
        <input id="wx" data-testid="whatif-pct" inputmode="decimal" .value=${this.pct} @change=${this.onPct} aria-invalid=${this.error ? 'true' : 'false'} />
        <span class="muted">±${x}%</span>${this.error ? html`<span class="err" role="alert">${this.error}</span>` : nothing}</div>` : nothing}
      <p class="note muted">${t('whatIfNote')}${r?.pool ? ` ${t('pool')}: ${r.pool.name} (${r.members.length})` : ''} · ${t('yuan')}</p>
      ${r ? html`<div class="list"><table data-testid="whatif-table">
        <thead><tr><th>${t('institution')}</th><th class="num">${t('before')}</th><th class="num">${msg(this.lang, 'changePlus', { x })}</th><th class="num">${msg(this.lang, 'changeMinus', { x })}</th></tr></thead>
        <tbody>
          ${r.members.slice(0, r.shown).map((m) => html`<tr class=${m.id === r.id ? 'me' : ''} data-id=${m.id} data-d-plus=${m.dPlus} data-d-minus=${m.dMinus}>
            <th scope="row">${m.name}</th><td class="num">${money(m.before, 'yuan')}</td>${d(m.dPlus)}${d(m.dMinus)}</tr>`)}
          ${r.rest.count ? html`<tr class="rest" data-rest=${r.rest.count} data-d-plus=${r.rest.dPlus} data-d-minus=${r.rest.dMinus}><th scope="row">${msg(this.lang, 'othersInPool', { n: r.rest.count })}</th><td></td>${d(r.rest.dPlus)}${d(r.rest.dMinus)}</tr>` : nothing}
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
