/** Scenarios side by side: fund totals and indicators with differences, a chart, and per-hospital changes. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent, plain, sign } from '../../display/number.ts';
import { drawChartSoon, PALETTE, plot } from '../views/charts.ts';
import { shiftPoint } from '../../display/number.ts';
import { legendStyles } from './legend-styles.ts';
import type { CompareView, FundKind } from '../views/compare.ts';
import type { FundField } from '../../engine/compare.ts';
import './gb-compare-hospitals.ts';
import './gb-source-diff.ts';
import type { Unit } from '../../display/lang.ts';

const CHART: FundField[] = ['globalTarget', 'hospitalsOwed', 'adjustmentFundUsed', 'totalBalance', 'closingBalance'];

function show(v: string | null, kind: FundKind, unit: Unit, signed = false): string {
  return kind === 'money' ? money(v, unit, signed) : kind === 'pct' ? percent(v, 2, signed) : plain(v);
}

export class GbCompare extends LitElement {
  static override properties = { view: { attribute: false } };
  /** The compared scenarios and their differences. */
  declare view: CompareView;

  static override styles = [shared, css`
    .pick { display: flex; gap: 1rem; flex-wrap: wrap; }
    .wrap { position: relative; height: 260px; }
    td.d { font-size: 0.9em; }
    ${legendStyles}
  `];

  private toggle(k: string, on: boolean): void {
    const cur = this.view.choices.filter((c) => c.checked).map((c) => c.key);
    const next = on ? [...cur, k] : cur.filter((x) => x !== k);
    if (next.length >= 1 && next.length <= 4) emit(this, { type: 'compare', refs: this.view.choices.map((c) => c.key).filter((x) => next.includes(x)) });
  }

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    // Redraw once all columns are fresh, not once per arriving result.
    if (!canvas || this.view.stale) return;
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    const v = (x: string | undefined) => plot(s.unit === 'wan' && x ? shiftPoint(x, -4) : x);
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels: CHART.map((f) => t(f as MsgKey)),
        datasets: s.columns.map((c, i) => ({ label: c.name, data: CHART.map((f) => v(c.fund?.[f] as string | undefined)), backgroundColor: PALETTE[i % PALETTE.length] })),
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }

  override render() {
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    const cols = s.columns;
    return html`
      <div class="card">
        <h2>${t('compareTitle')}</h2>
        <fieldset class="pick"><legend>${t('compareWith')}</legend>
          ${s.choices.map((c) => html`<label><input type="checkbox" data-testid="compare-${c.key}" .checked=${c.checked} ?disabled=${c.disabled}
            @change=${(e: Event) => this.toggle(c.key, (e.target as HTMLInputElement).checked)} /> ${c.name}</label>`)}
        </fieldset>
      </div>
      <div class="grid2" aria-busy=${s.stale ? 'true' : 'false'} data-testid="compare" data-stale=${s.stale ? 'true' : 'false'}>
        <div class="card">
          <table data-testid="compare-fund">
            <thead><tr><th>${t('fundSummary')} (${t(s.unit)})</th>
              ${cols.map((c, i) => html`<th class="num">${c.name}</th>${i > 0 ? html`<th class="num">${t('delta')}</th>` : nothing}`)}</tr></thead>
            <tbody>${s.fund.map((r) => html`<tr><th scope="row">${t(r.field as MsgKey)}</th>
              ${r.values.map((v, i) => {
                if (i === 0) return html`<td class="num">${show(v, r.kind, s.unit)}</td>`;
                const d = r.deltas[i - 1] ?? null;
                return html`<td class="num">${show(v, r.kind, s.unit)}</td><td class="num d ${sign(d) < 0 ? 'neg' : sign(d) > 0 ? 'pos' : ''}" data-delta=${r.field}>${show(d, r.kind, s.unit, true)}</td>`;
              })}</tr>`)}</tbody>
          </table>
        </div>
        <div class="card">
          <div class="wrap"><canvas role="img" aria-label="${t('compareTitle')}: ${t('chartAlt')} — ${t('fundSummary')}"></canvas></div>
          <ul class="legend" aria-hidden="true">${cols.map((c, i) => html`<li><span class="sw c${i % 6}"></span>${c.name}</li>`)}</ul>
        </div>
      </div>
      <gb-source-diff .diffs=${s.params} .lang=${s.lang}></gb-source-diff>
      ${s.institutions ? html`<gb-compare-hospitals .columns=${s.institutions.columns} .stale=${s.stale} .scenario=${s.institutions.scenario} .lang=${s.lang} .unit=${s.unit}></gb-compare-hospitals>` : html`<p class="muted">${t('computing')}</p>`}`;
  }
}

customElements.define('gb-compare', GbCompare);
declare global {
  interface HTMLElementTagNameMap {
    'gb-compare': GbCompare;
  }
}
