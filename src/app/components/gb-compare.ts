/** Scenarios side by side: fund totals and indicators with differences, a chart, and per-hospital changes. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { grouped, money, percent, plain, pointsChange, sign } from '../../display/number.ts';
import { drawChartSoon, PALETTE, plot } from '../views/charts.ts';
import { shiftPoint } from '../../display/number.ts';
import { legendStyles } from './legend-styles.ts';
import { forTheFund, type CompareView, type FundKind } from '../views/compare.ts';
import type { FundField } from '../../engine/compare.ts';
import './gb-compare-hospitals.ts';
import './gb-source-diff.ts';
import type { Lang, Unit } from '../../display/lang.ts';

const CHART: FundField[] = ['globalTarget', 'hospitalsOwed', 'adjustmentFundUsed', 'totalBalance', 'closingBalance'];

function show(v: string | null, kind: FundKind, unit: Unit): string {
  return kind === 'money' ? money(v, unit) : kind === 'pct' ? percent(v, 2) : plain(v);
}

/** A difference: amounts signed in the unit, rates in 个百分点, months signed. */
function showDelta(d: string | null, kind: FundKind, unit: Unit, lang: Lang): string {
  return kind === 'money' ? money(d, unit, true) : kind === 'pct' ? pointsChange(d, lang) : d === null ? '—' : grouped(d, 2, true);
}

/** The class of a difference: good or bad for the fund (BETTER), not its sign. */
const tone = (d: string | null, better: 1 | -1 | 0): string => {
  const f = forTheFund(sign(d), better);
  return f > 0 ? 'good' : f < 0 ? 'bad' : '';
};

export class GbCompare extends LitElement {
  static override properties = { view: { attribute: false } };
  /** The compared scenarios and their differences. */
  declare view: CompareView;

  static override styles = [shared, css`
    .pick { display: flex; gap: 1rem; flex-wrap: wrap; }
    .wrap { position: relative; height: 260px; }
    td.d { font-size: 0.9em; }
    .good { color: var(--gb-pos); }
    .bad { color: var(--gb-neg); }
    tr.same th, tr.same td { color: var(--gb-muted); }
    /* The figures' names on one line; long scenario names wrap in the heading instead. */
    [data-testid='compare-fund'] tbody th { white-space: nowrap; }
    [data-testid='compare-fund'] thead th { vertical-align: bottom; }
    .grid2 { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
    .grid2 > .card:first-child { overflow-x: auto; }
    @media (max-width: 1000px) { .grid2 { grid-template-columns: 1fr; } }
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
    const v = (x: string | null | undefined) => plot(s.unit === 'wan' && x ? shiftPoint(x, -4) : x ?? undefined);
    // The chart plots what changed: each scenario's difference against the first, in the unit shown.
    const rows = CHART.map((f) => s.fund.find((r) => r.field === f)!).filter(Boolean);
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels: rows.map((r) => t(r.field as MsgKey)),
        datasets: s.columns.slice(1).map((c, i) => ({ label: `${c.name} − ${s.columns[0]!.name}`, data: rows.map((r) => v(r.deltas[i])),
          backgroundColor: PALETTE[(i + 1) % PALETTE.length] })),
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { x: { title: { display: true, text: `${t('delta')}（${t(s.unit)}）` } } },
      },
    });
  }

  /** Figures that changed first, largest relative change first; the unchanged after them, greyed. */
  private ordered() {
    const rank = (r: CompareView['fund'][number]) => {
      const changed = r.deltas.some((d) => sign(d) !== 0);
      const rel = Math.max(0, ...r.ratios.map((x) => Math.abs(Number(x ?? 0))));
      return changed ? 1 + rel : 0;
    };
    return [...this.view.fund].map((r, i) => ({ r, i, k: rank(r) })).sort((a, b) => (b.k > 0 ? 1 : 0) - (a.k > 0 ? 1 : 0) || b.k - a.k || a.i - b.i).map((x) =>
      x.r);
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
              ${cols.map((c, i) => html`<th class="num">${c.name}</th>${i > 0 ? html`<th class="num">${t('delta')}</th>
              <th class="num">%</th>` : nothing}`)}</tr></thead>
            <tbody>${this.ordered().map((r) => html`<tr class=${r.deltas.every((d) => sign(d) === 0) ? 'same' : ''}><th scope="row">${t(r.field as MsgKey)}</th>
              ${r.values.map((v, i) => {
                if (i === 0) return html`<td class="num">${show(v, r.kind, s.unit)}</td>`;
                const d = r.deltas[i - 1] ?? null;
                return html`<td class="num">${show(v, r.kind, s.unit)}</td><td class="num d ${tone(d, r.better)}" data-delta=${r.field}>${showDelta(d, r.kind,
                  s.unit, s.lang)}</td>
                  <td class="num d ${tone(d, r.better)}">${r.ratios[i - 1] ? percent(r.ratios[i - 1], 2, true) : ''}</td>`;
              })}</tr>`)}</tbody>
          </table>
        </div>
        <div class="card">
          <div class="wrap"><canvas role="img" aria-label="${t('compareTitle')}${t('colon')}${t('chartAlt')} — ${t('fundSummary')}"></canvas></div>
          <ul class="legend"
            aria-hidden="true">${cols.slice(1).map((c, i) => html`<li><span class="sw c${(i + 1) % 6}"></span>${c.name} − ${cols[0]!.name}</li>`)}</ul>
        </div>
      </div>
      <gb-source-diff .diffs=${s.params} .lang=${s.lang}></gb-source-diff>
      ${s.adjustments ? html`<div class="card" data-testid="compare-adjustments"><h3>${t('monCompareAdjustments')} (${t(s.unit)})</h3><table>
        <thead><tr><th>${t('monAdjFrom')}</th><th>${t('monAdjInst')}</th><th>${t('monAdjReason')}</th>${cols.map((c) =>
          html`<th class="num">${c.name}</th>`)}</tr></thead>
        <tbody>${s.adjustments.map((a) => html`<tr><td>${msg(s.lang, 'monFromMonth', { k: a.from })}</td><td>${a.hospital} ${a.name}</td><td>${a.reason}</td>
          ${a.changes.map((c) => html`<td class="num">${c === null ? t('monAdjNone') : money(c, s.unit, true)}</td>`)}</tr>`)}</tbody></table></div>` : nothing}
      ${s.institutions ? html`<gb-compare-hospitals .columns=${s.institutions.columns} .stale=${s.stale} .scenario=${s.institutions.scenario} .lang=${s.lang}
        .unit=${s.unit}></gb-compare-hospitals>` : html`<p class="muted">${t('computing')}</p>`}`;
  }
}

customElements.define('gb-compare', GbCompare);
declare global {
  interface HTMLElementTagNameMap {
    'gb-compare': GbCompare;
  }
}
