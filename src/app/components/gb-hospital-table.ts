/** Per-hospital results of one scenario: sortable, filterable, virtualized for thousands of rows. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { tableStyles } from './table-styles.ts';
import { VirtualRows } from './virtual.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent, plain, sign } from '../../display/number.ts';
import type { ResultView, RowField } from '../../transport/packed.ts';
import type { Scenario } from '../../format/types.ts';
import { NO_FILTERS, distinct, netOf, netRateOf, rewardShareOf, rowOrder, type Filters, type Sort, type SortKey } from '../views/table-model.ts';
import { termOf as term } from '../views/terms.ts';
import type { Lang, Unit } from '../../display/lang.ts';

type Col = { key: SortKey; label: MsgKey; num?: boolean };
const COLS: Col[] = [
  { key: 'name', label: 'institution' }, { key: 'level', label: 'level' }, { key: 'category', label: 'category' },
  { key: 'target', label: 'target', num: true }, { key: 'deposit', label: 'deposit', num: true }, { key: 'paidTotal', label: 'paid', num: true },
  { key: 'deferred', label: 'deferred', num: true }, { key: 'actual', label: 'actual', num: true }, { key: 'net', label: 'surplusOverspend', num: true },
  { key: 'netRate', label: 'rate', num: true }, { key: 'rewardShare', label: 'rewardShare', num: true },
    { key: 'depositReturned', label: 'depositReturned', num: true },
  { key: 'owed', label: 'owed', num: true }, { key: 'balance', label: 'balance', num: true },
];
/**
 * A result with a pool settled by points (DESIGN §7): its points, share of the pool's points and
 * payment rate; the target column is then the entitlement (T := E), surplus/overspend against it.
 * Deposit, paid and deferred stay in the institution's detail (the table keeps its width).
 */
const POINTS_COLS: Col[] = [
  { key: 'name', label: 'institution' }, { key: 'level', label: 'level' }, { key: 'category', label: 'category' },
  { key: 'points', label: 'ptsPoints', num: true }, { key: 'pointShare', label: 'ptsShare', num: true },
  { key: 'target', label: 'ptsTargetOrEntitlement', num: true }, { key: 'actual', label: 'actual', num: true },
  { key: 'paymentRate', label: 'ptsPaymentRate', num: true }, { key: 'net', label: 'surplusOverspend', num: true },
  { key: 'netRate', label: 'rate', num: true }, { key: 'rewardShare', label: 'rewardShare', num: true },
    { key: 'depositReturned', label: 'depositReturned', num: true },
  { key: 'owed', label: 'owed', num: true }, { key: 'balance', label: 'balance', num: true },
];

export class GbHospitalTable extends LitElement {
  static override properties = {
    view: { attribute: false }, scenario: { attribute: false }, lang: {}, unit: {},
    filters: { state: true }, sort: { state: true },
  };
  /** Result of the scenario shown. */
  declare view: ResultView | null;
  /** The scenario that result came from (names, levels, categories). */
  declare scenario: Scenario | null;
  declare lang: Lang;
  declare unit: Unit;
  declare filters: Filters;
  declare sort: Sort;
  private readonly virtual = new VirtualRows(this);
  private memo: { key: unknown[]; rows: number[] } | null = null;

  constructor() {
    super();
    this.view = null;
    this.scenario = null;
    this.lang = 'zh';
    this.unit = 'wan';
    this.filters = NO_FILTERS;
    this.sort = { key: null, desc: true };
  }

  static override styles = [shared, tableStyles, css`
    .filters select { max-width: 12rem; }
    .filters input[type='search'] { width: 9rem; }
    h2.inline { margin: 0 0.6rem 0 0; }
    thead th:first-child, tbody td:first-child { position: sticky; left: 0; }
    thead th:last-child, tbody td:last-child { position: sticky; right: 0; box-shadow: inset 1px 0 0 var(--gb-line); }
    thead th:first-child, thead th:last-child { z-index: 2; }
    /* A long heading (结余(+)/超支(−), Surplus(+)/overspend(−)) breaks after its slash or between words rather than widening its
       column, so more columns fit beside the key one (no column half hidden under it at 1440 in English). */
    thead th { white-space: normal; word-break: keep-all; vertical-align: bottom; }
    thead th button.sort { white-space: normal; overflow-wrap: normal; min-width: 4.5rem; }
    tbody td:first-child, tbody td:last-child { background: var(--gb-card, #fff); }
    tbody tr:hover td:first-child, tbody tr:hover td:last-child { background: #f3f7fd; }
    tr.spacer td { position: static; }
  `];

  private rows(): number[] {
    const key = [this.view, this.scenario, this.filters, this.sort];
    if (this.memo && this.memo.key.every((k, i) => k === key[i])) return this.memo.rows;
    const rows = this.view && this.scenario ? rowOrder(this.view, this.scenario, this.filters, this.sort) : [];
    this.memo = { key, rows };
    return rows;
  }

  private choicesMemo: { hospitals: Scenario['hospitals']; level: string[]; category: string[] } | null = null;
  /** Levels and categories to filter by (once per list of hospitals, not per render or policy edit). */
  private choices(s: Scenario): { level: string[]; category: string[] } {
    if (this.choicesMemo?.hospitals !== s.hospitals) this.choicesMemo = { hospitals: s.hospitals, level: distinct(s, 'level'),
      category: distinct(s, 'category') };
    return this.choicesMemo;
  }

  private setFilter(patch: Partial<Filters>): void {
    this.filters = { ...this.filters, ...patch };
    this.virtual.reset(this.renderRoot.querySelector('.scroller'));
  }

  private sortBy(key: SortKey): void {
    this.sort = this.sort.key === key ? { key, desc: !this.sort.desc } : { key, desc: key !== 'name' };
    this.virtual.reset(this.renderRoot.querySelector('.scroller'));
  }

  private select(label: MsgKey, values: string[], cur: string, kind: 'level' | 'category' | ((v: string) => string), on: (v: string) => void) {
    const id = `f-${label}`;
    return html`<label for=${id}>${msg(this.lang, label)}</label>
      <select id=${id} @change=${(e: Event) => on((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${cur === ''}>${msg(this.lang, 'all')}</option>
        ${values.map((v) => html`<option value=${v} ?selected=${cur === v}>${typeof kind === 'function' ? kind(v) : term(kind, v, this.lang)}</option>`)}
      </select>`;
  }

  private cell(v: ResultView, i: number, c: Col) {
    const u = this.unit;
    const h = this.scenario!.hospitals[i]!;
    switch (c.key) {
      case 'name': {
        const fl = v.flags(i);
        return html`<td class="name"><button class="link" data-id=${h.id} @click=${() =>
          emit(this, { type: 'hospital', id: h.id, open: true })}>${h.name}</button>
          ${fl.includes('L') ? html`<span class="badge">${msg(this.lang, 'locked')}</span>` : ''}${fl.includes('P') ?
            html`<span class="badge">${msg(this.lang, 'projected')}</span>` : ''}${
            v.pointsProjected(i) ? html`<span class="badge">${msg(this.lang, 'ptsProjectedBadge')}</span>` : ''}</td>`;
      }
      case 'points': return html`<td class="num">${plain(v.get('points', i), 4)}</td>`;
      case 'pointShare': return html`<td class="num">${percent(v.get('pointShare', i), 4)}</td>`;
      case 'paymentRate': return html`<td class="num">${percent(v.get('paymentRate', i), 2)}</td>`;
      case 'level': return html`<td>${term('level', h.level, this.lang)}</td>`;
      case 'category': return html`<td>${term('category', h.category, this.lang)}</td>`;
      case 'net': { const n = netOf(v, i); return html`<td class="num ${sign(n) < 0 ? 'neg' : sign(n) > 0 ? 'pos' : ''}">${money(n, u, true)}</td>`; }
      case 'netRate': return html`<td class="num">${percent(netRateOf(v, i), 2, true)}</td>`;
      case 'rewardShare': return html`<td class="num">${money(rewardShareOf(v, i), u)}</td>`;
      case 'balance': { const b = v.get('balance', i); return html`<td class="num ${sign(b) < 0 ? 'neg' : ''}">${money(b, u)}</td>`; }
      default: return html`<td class="num">${money(v.get(c.key as RowField, i), u)}</td>`;
    }
  }

  override render() {
    const v = this.view;
    const s = this.scenario;
    const t = (k: MsgKey) => msg(this.lang, k);
    if (!v || !s) return html`<div class="card"><p class="muted">${t('computing')}</p></div>`;
    const rows = this.rows();
    const cols = v.byPoints ? POINTS_COLS : COLS;
    const { from, to } = this.virtual.range(rows.length);
    const pools = [...new Set(v.col('pool'))];
    // The filter lists pools by the names the file gives them, never their ids.
    const poolNames = new Map(v.fund.pools.map((p) => [p.id, p.name]));
    const f = this.filters;
    return html`<div class="card">
      <div class="row filters">
        <h2 class="inline">${t('hospitals')} <span class="muted">(${t(this.unit)})</span></h2>
        ${this.select('filterLevel', this.choices(s).level, f.level, 'level', (x) => this.setFilter({ level: x }))}
        ${this.select('filterCategory', this.choices(s).category, f.category, 'category', (x) => this.setFilter({ category: x }))}
        ${this.select('filterPool', pools, f.pool, (id) => poolNames.get(id) || id, (x) => this.setFilter({ pool: x }))}
        <label><input type="checkbox" data-testid="only-overspend" .checked=${f.overspendOnly}
          @change=${(e: Event) => this.setFilter({ overspendOnly: (e.target as HTMLInputElement).checked })} /> ${t('onlyOverspend')}</label>
        <label for="q">${t('search')}</label><input id="q" type="search" data-testid="search" .value=${f.text}
          @input=${(e: Event) => this.setFilter({ text: (e.target as HTMLInputElement).value })} />
        <span class="muted" data-testid="row-count" aria-live="polite">${msg(this.lang, 'rowsShown', { n: rows.length, total: v.n })}</span>
        <button data-testid="print-all" ?disabled=${!rows.length} @click=${() =>
          emit(this, { type: 'printBriefs', ids: rows.map((i) => s.hospitals[i]!.id) })}>${msg(this.lang, 'printAll', { n: rows.length })}</button>
        <button data-testid="open-report-results" @click=${() => emit(this, { type: 'openReport' })}>${msg(this.lang, 'openReport')}</button>
      </div>
      <div class="scroller" tabindex="0" role="region" aria-label=${t('hospitals')} data-testid="results-table" @scroll=${this.virtual.onScroll}>
        <table aria-rowcount=${rows.length + 1}>
          <thead><tr>${cols.map((c) => html`<th class=${c.num ? 'num' : ''} aria-sort=${this.sort.key === c.key ?
            (this.sort.desc ? 'descending' : 'ascending') : 'none'}>
            <button class="sort" @click=${() => this.sortBy(c.key)} data-sort=${c.key}>${t(c.label)}${this.sort.key === c.key ? (this.sort.desc ? ' ▼' : ' ▲') :
              ''}</button></th>`)}</tr></thead>
          <tbody>
            ${this.virtual.spacer(from, cols.length)}
            ${rows.slice(from, to).map((i, k) => html`<tr aria-rowindex=${from + k + 2}
              data-row=${s.hospitals[i]!.id}>${cols.map((c) => this.cell(v, i, c))}</tr>`)}
            ${this.virtual.spacer(rows.length - to, cols.length)}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

customElements.define('gb-hospital-table', GbHospitalTable);
declare global {
  interface HTMLElementTagNameMap {
    'gb-hospital-table': GbHospitalTable;
  }
}
