/** Per-hospital comparison: one metric across scenarios with differences against the first; virtualized. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { tableStyles } from './table-styles.ts';
import { VirtualRows } from './virtual.ts';
import { emit } from '../actions.ts';
import { msg, type Lang, type MsgKey } from '../i18n.ts';
import { money, sign, type Unit } from '../format.ts';
import { diff } from '../derive.ts';
import type { ResultView } from '../result-view.ts';
import type { Scenario } from '../../format/types.ts';

export type Metric = 'target' | 'owed' | 'balance';
export interface CompareColumn { name: string; view: ResultView }

export class GbCompareHospitals extends LitElement {
  static override properties = {
    columns: { attribute: false }, scenario: { attribute: false }, lang: {}, unit: {}, stale: { type: Boolean },
    metric: { state: true }, byChange: { state: true },
  };
  /** Scenarios compared; the first is the reference for differences. */
  declare columns: CompareColumn[];
  /** The reference scenario (hospital names). */
  declare scenario: Scenario | null;
  declare lang: Lang;
  declare unit: Unit;
  declare metric: Metric;
  /** Some column is being recomputed: keep the current row order until all are fresh. */
  declare stale: boolean;
  declare byChange: boolean;
  private readonly virtual = new VirtualRows(this);
  private memo: { key: unknown[]; rows: number[] } | null = null;

  constructor() {
    super();
    this.columns = [];
    this.scenario = null;
    this.lang = 'zh';
    this.unit = 'wan';
    this.metric = 'target';
    this.byChange = true;
    this.stale = false;
  }

  static override styles = [shared, tableStyles, css``];

  private model(): { rows: number[] } {
    const key = [this.scenario, this.metric, this.byChange, ...this.columns.map((c) => c.view)];
    if (this.memo && this.memo.key.length === key.length && this.memo.key.every((k, i) => k === key[i])) return this.memo;
    if (this.memo && this.stale && this.memo.rows.length === this.columns[0]!.view.n) return this.memo;
    const ref = this.columns[0]!.view;
    const ids = ref.col('id');
    const rows = ids.map((_, i) => i);
    if (this.byChange && this.columns.length > 1) {
      // Order only: the largest absolute change against the reference across the other scenarios.
      const a = ref.col(this.metric);
      const change = rows.map((i) => {
        let m = 0;
        for (let c = 1; c < this.columns.length; c++) {
          const j = this.columns[c]!.view.indexOf(ids[i]!);
          const b = j === undefined ? null : this.columns[c]!.view.col(this.metric)[j];
          if (b !== undefined && b !== null) m = Math.max(m, Math.abs(Number(b) - Number(a[i])));
        }
        return m;
      });
      rows.sort((x, y) => change[y]! - change[x]! || x - y);
    }
    this.memo = { key, rows };
    return this.memo;
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    if (this.columns.length === 0 || !this.scenario) return html``;
    const { rows } = this.model();
    const ref = this.columns[0]!.view;
    const ids = ref.col('id');
    const { from, to } = this.virtual.range(rows.length);
    const ncols = 1 + this.columns.length * 2 - 1;
    const names = new Map(this.scenario.hospitals.map((h) => [h.id, h.name]));
    return html`<div class="card" data-testid="compare-hospitals">
      <h2>${t('hospitals')} <span class="muted">(${t(this.unit)})</span></h2>
      <div class="row filters">
        <label for="metric">${t('metric')}</label>
        <select id="metric" @change=${(e: Event) => { this.metric = (e.target as HTMLSelectElement).value as Metric; }}>
          ${(['target', 'owed', 'balance'] as const).map((m) => html`<option value=${m} ?selected=${m === this.metric}>${t(m)}</option>`)}
        </select>
        <label><input type="checkbox" .checked=${this.byChange} data-testid="sort-by-change" @change=${(e: Event) => { this.byChange = (e.target as HTMLInputElement).checked; }} /> ${t('sortByChange')}</label>
      </div>
      <div class="scroller" tabindex="0" role="region" aria-label=${t('hospitals')} @scroll=${this.virtual.onScroll}>
        <table>
          <thead><tr><th>${t('institution')}</th>
            ${this.columns.map((c, k) => html`<th class="num">${c.name}</th>${k > 0 ? html`<th class="num">${t('delta')}</th>` : ''}`)}</tr></thead>
          <tbody>
            ${this.virtual.spacer(from, ncols)}
            ${rows.slice(from, to).map((i) => {
              const id = ids[i]!;
              const a = ref.get(this.metric, i);
              return html`<tr data-row=${id}><td class="name"><button class="link" @click=${() => emit(this, { type: 'hospital', id, open: true })}>${names.get(id) ?? id}</button></td>
                ${this.columns.map((c, k) => {
                  const j = c.view.indexOf(id);
                  const b = j === undefined ? null : c.view.get(this.metric, j);
                  if (k === 0) return html`<td class="num">${money(b, this.unit)}</td>`;
                  const d = diff(a, b);
                  return html`<td class="num">${money(b, this.unit)}</td><td class="num ${sign(d) < 0 ? 'neg' : sign(d) > 0 ? 'pos' : ''}" data-delta>${money(d, this.unit, true)}</td>`;
                })}</tr>`;
            })}
            ${this.virtual.spacer(rows.length - to, ncols)}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

customElements.define('gb-compare-hospitals', GbCompareHospitals);
declare global {
  interface HTMLElementTagNameMap {
    'gb-compare-hospitals': GbCompareHospitals;
  }
}
