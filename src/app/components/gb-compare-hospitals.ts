/** Per-hospital comparison: one metric across scenarios with differences against the first; virtualized. */
import { LitElement, html, css, type PropertyValues } from 'lit';
import { shared } from './shared.ts';
import { tableStyles } from './table-styles.ts';
import { VirtualRows } from './virtual.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent } from '../../display/number.ts';
import {
  changedMetric, compareInstitutions, gainsOf, institutionTone, METRICS, type GainsView, type InstitutionComparison, type Metric,
} from '../views/comparison.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';

export type { Metric };
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
  /** The metric chosen; null: the first that changed (changedMetric), so the table opens on a difference. */
  declare metric: Metric | null;
  /** Some column is being recomputed: keep the current row order until all are fresh. */
  declare stale: boolean;
  declare byChange: boolean;
  private readonly virtual = new VirtualRows(this);
  private memo: { key: unknown[]; model: InstitutionComparison } | null = null;

  constructor() {
    super();
    this.columns = [];
    this.scenario = null;
    this.lang = 'zh';
    this.unit = 'wan';
    this.metric = null;
    this.byChange = true;
    this.stale = false;
  }

  static override styles = [shared, tableStyles, css`
    .good { color: var(--gb-pos); }
    .bad { color: var(--gb-neg); }
    .gains { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 0.4rem 1.5rem; margin: 0 0 0.6rem; }
    .gains h3 { grid-column: 1 / -1; margin: 0; font-size: 0.95em; }
    .gains ol { margin: 0.2rem 0 0; padding-left: 1.3rem; }
  `];

  private gainsMemo: { key: unknown[]; value: GainsView[] } | null = null;
  /** Gains and losses of the metric shown, for each scenario against the first (views/comparison.ts). */
  private gains(): GainsView[] {
    const key = [this.shownMetric(), this.unit, ...this.columns.map((c) => c.view)];
    const m = this.gainsMemo;
    if (m && m.key.length === key.length && m.key.every((k, i) => k === key[i])) return m.value;
    const value = gainsOf(this.columns.map((c) => c.view), this.shownMetric(), this.unit);
    this.gainsMemo = { key, value };
    return value;
  }

  /**
   * Who gains and who loses (the institutions' side: more for them is up), with the largest of
   * each; coloured good or bad for the fund as the table's cells are (views/comparison.ts institutionTone).
   */
  private renderGains(metric: Metric, names: Map<string, string>) {
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(this.lang, k, vars);
    const amount = (a: string) => `${money(a, this.unit, true)} ${t(this.unit)}`;
    const list = (xs: GainsView['topGains']) => html`<ol>${xs.map((x) => html`<li>${names.get(x.id) ?? x.id}
      <span class="num ${x.tone}" data-tone=${x.tone}>${money(x.delta, this.unit, true)}</span></li>`)}</ol>`;
    return this.gains().map((g, k) => html`<div class="gains" data-testid="gains-${k + 1}">
      <h3>${t('cmpGainsTitle', { metric: this.metricName(metric), name: this.columns[k + 1]!.name, base: this.columns[0]!.name })}</h3>
      <div><span class=${g.gainedTone} data-testid="gainers">${t('cmpGainers', { n: g.gainers, amount: amount(g.gained) })}</span>${g.topGains.length ? html`
        <div class="muted">${t('cmpTopGains')}</div>${list(g.topGains)}` : ''}</div>
      <div><span class=${g.lostTone} data-testid="losers">${t('cmpLosers', { n: g.losers, amount: amount(g.lost) })}</span>${g.topLosses.length ? html`
        <div class="muted">${t('cmpTopLosses')}</div>${list(g.topLosses)}` : ''}</div>
      <div class="muted">${t('cmpUnchanged', { n: g.unchanged })}${g.missing ? html` · ${t('cmpMissing', { n: g.missing })}` : ''}</div>
    </div>`);
  }

  /** A metric's name: beside a scenario that pays a pool by points, the target is also the entitlement (总额控制指标/应得额). */
  private metricName(m: Metric): string {
    return msg(this.lang, m === 'target' && this.columns.some((c) => c.view?.byPoints) ? 'ptsTargetOrEntitlement' : m);
  }

  private autoMemo: { views: unknown[]; metric: Metric } | null = null;
  /** The metric shown: the one chosen, else the first that changed between the columns. */
  private shownMetric(): Metric {
    if (this.metric) return this.metric;
    const views = this.columns.map((c) => c.view);
    const m = this.autoMemo;
    if (m && m.views.length === views.length && m.views.every((v, i) => v === views[i])) return m.metric;
    const metric = changedMetric(views);
    this.autoMemo = { views, metric };
    return metric;
  }

  private key(): unknown[] {
    return [this.scenario, this.shownMetric(), this.byChange, ...this.columns.map((c) => c.view)];
  }
  private current(key: unknown[]): boolean {
    return !!this.memo && this.memo.key.length === key.length && this.memo.key.every((k, i) => k === key[i]);
  }

  /** A run starting or ending alone changes nothing shown once the rows are in order. */
  override shouldUpdate(changed: PropertyValues<this>): boolean {
    return !(changed.size === 1 && changed.has('stale') && this.current(this.key()));
  }

  private model(): InstitutionComparison {
    const key = this.key();
    if (this.current(key)) return this.memo!.model;
    if (this.memo && this.stale && this.memo.model.rows.length === this.columns[0]!.view.n) return this.memo.model;
    const model = compareInstitutions(this.columns.map((c) => c.view), this.shownMetric(), this.byChange);
    this.memo = { key, model };
    return model;
  }

  private namesMemo: { hospitals: Scenario['hospitals'] | null; names: Map<string, string> } = { hospitals: null, names: new Map() };
  /** Names by id, rebuilt only when the hospitals change (an edit of a policy keeps the array). */
  private names(): Map<string, string> {
    const hs = this.scenario!.hospitals;
    if (this.namesMemo.hospitals !== hs) this.namesMemo = { hospitals: hs, names: new Map(hs.map((h) => [h.id, h.name])) };
    return this.namesMemo.names;
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    if (this.columns.length === 0 || !this.scenario) return html``;
    const model = this.model();
    const { rows } = model;
    const ref = this.columns[0]!.view;
    const ids = ref.col('id');
    const { from, to } = this.virtual.range(rows.length);
    const ncols = 1 + this.columns.length * 3 - 2;
    const metric = this.shownMetric();
    // Good or bad for the fund, as the gains and losses above say it (none for a change shown as 0.00).
    const tone = (d: string | null) => institutionTone(metric, d, this.unit);
    const names = this.names();
    return html`<div class="card" data-testid="compare-hospitals">
      <h2>${t('hospitals')} <span class="muted">(${t(this.unit)})</span></h2>
      <div class="row filters">
        <label for="metric">${t('metric')}</label>
        <select id="metric" @change=${(e: Event) => { this.metric = (e.target as HTMLSelectElement).value as Metric; }}>
          ${METRICS.map((m) => html`<option value=${m} ?selected=${m === metric}>${this.metricName(m)}</option>`)}
        </select>
        <label><input type="checkbox" .checked=${this.byChange} data-testid="sort-by-change"
          @change=${(e: Event) => { this.byChange = (e.target as HTMLInputElement).checked; }} /> ${t('sortByChange')}</label>
      </div>
      ${this.renderGains(metric, names)}
      <div class="scroller" tabindex="0" role="region" aria-label=${t('hospitals')} @scroll=${this.virtual.onScroll}>
        <table>
          <thead><tr><th>${t('institution')}</th>
            ${this.columns.map((c, k) => html`<th class="num">${c.name}</th>${k > 0 ? html`<th class="num">${t('delta')}</th>
            <th class="num">%</th>` : ''}`)}</tr></thead>
          <tbody>
            ${this.virtual.spacer(from, ncols)}
            ${rows.slice(from, to).map((i) => {
              const id = ids[i]!;
              return html`<tr data-row=${id}><td class="name"><button class="link"
                @click=${() => emit(this, { type: 'hospital', id, open: true })}>${names.get(id) ?? id}</button></td>
                ${this.columns.map((c, k) => {
                  const j = k === 0 ? i : c.view.indexOf(id);
                  const b = j === undefined ? null : c.view.get(metric, j);
                  if (k === 0) return html`<td class="num">${money(b, this.unit)}</td>`;
                  const d = model.delta(k - 1, i);
                  const r = model.ratio(k - 1, i);
                  return html`<td class="num">${money(b, this.unit)}</td><td class="num ${tone(d)}" data-delta>${money(d, this.unit, true)}</td>
                  <td class="num ${tone(d)}">${r ? percent(r, 2, true) : ''}</td>`;
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
