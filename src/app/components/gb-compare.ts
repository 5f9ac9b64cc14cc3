/** Scenarios side by side: fund totals and indicators with differences, a chart, and per-hospital changes. */
import { LitElement, html, css, nothing, unsafeCSS } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { grouped, money, percent, plain, pointsChange } from '../../display/number.ts';
import { drawChartSoon, SERIES_ALPHA, TONE_COLOURS } from '../views/charts.ts';
import { legendStyles } from './legend-styles.ts';
import type { CompareView, FundKind, Tone } from '../views/compare.ts';
import './gb-compare-hospitals.ts';
import './gb-source-diff.ts';
import type { Lang, Unit } from '../../display/lang.ts';

function show(v: string | null, kind: FundKind, unit: Unit): string {
  return kind === 'money' ? money(v, unit) : kind === 'pct' ? percent(v, 2) : plain(v);
}

/** A difference: amounts signed in the unit, rates in 个百分点, months signed. */
function showDelta(d: string | null, kind: FundKind, unit: Unit, lang: Lang): string {
  return kind === 'money' ? money(d, unit, true) : kind === 'pct' ? pointsChange(d, lang) : d === null ? '—' : grouped(d, 2, true);
}

const colour = (tone: Tone, series: number) => `${TONE_COLOURS[tone]}${SERIES_ALPHA[series % SERIES_ALPHA.length]}`;

export class GbCompare extends LitElement {
  static override properties = { view: { attribute: false } };
  /** The compared scenarios and their differences. */
  declare view: CompareView;

  static override styles = [shared, css`
    .pick { display: flex; gap: 1rem; flex-wrap: wrap; }
    .wrap { position: relative; }
    .chart h3 { margin: 0 0 0.4rem; font-size: 0.95em; }
    .chart .none { margin: 0.2rem 0; }
    ul.legend .sw.good { background: ${unsafeCSS(TONE_COLOURS.good)}; }
    ul.legend .sw.bad { background: ${unsafeCSS(TONE_COLOURS.bad)}; }
    ul.legend .sw.neither { background: ${unsafeCSS(TONE_COLOURS[''])}; }
    td.d { font-size: 0.9em; }
    .good { color: var(--gb-pos); }
    .bad { color: var(--gb-neg); }
    tr.same th, tr.same td { color: var(--gb-muted); }
    /* The figures' names on one line; long scenario names wrap in the heading instead. */
    [data-testid='compare-fund'] tbody th { white-space: nowrap; }
    [data-testid='compare-fund'] thead th { vertical-align: bottom; }
    /*
     * The table beside the chart, the table as wide as its columns need (the Δ and % columns whole,
     * whatever the language and the scenarios' names): when both do not fit, the chart goes below
     * it, full width; a table wider than the page (four scenarios) scrolls in its card.
     */
    .pair { display: flex; flex-wrap: wrap; gap: 0 0.8rem; align-items: stretch; }
    .pair > .card:first-child { flex: 1 1 auto; max-width: 100%; box-sizing: border-box; overflow-x: auto; }
    .pair > .card.chart { flex: 1 1 320px; min-width: 320px; box-sizing: border-box; }
    .pair.same { align-items: flex-start; }
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
    const s = this.view;
    if (!canvas || s.stale || !s.chart) return;
    const t = (k: MsgKey, vars?: Record<string, string>) => msg(s.lang, k, vars);
    // What changed, largest first, each bar good or bad for the fund (the table's colours), in the unit shown.
    const c = s.chart;
    // One bar per amount and compared scenario; the height set through the CSSOM (the Content-Security-Policy forbids a style attribute).
    canvas.parentElement!.style.height = `${Math.min(420, Math.max(140, 60 + c.fields.length * c.series.length * 24))}px`;
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels: c.fields.map((f) => t(f as MsgKey)),
        datasets: c.series.map((x, k) => ({ label: x.name, data: x.values, backgroundColor: x.tones.map((tone) => colour(tone, k)) })),
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { x: { title: { display: true, text: t('cmpChartAxis', { unit: t(s.unit) }) }, ticks: { maxRotation: 0, autoSkipPadding: 12 } } },
      },
    });
  }

  private renderChart() {
    const s = this.view;
    const t = (k: MsgKey, vars?: Record<string, string>) => msg(s.lang, k, vars);
    const c = s.chart;
    if (!c) return html`<p class="muted none" data-testid="compare-chart-none">${t('cmpChartNone', { unit: t(s.unit) })}</p>`;
    const tones = new Set(c.series.flatMap((x) => x.tones));
    return html`<div class="wrap"><canvas data-testid="compare-chart" data-fields=${c.fields.join(' ')}
        role="img" aria-label="${t('compareTitle')}${t('colon')}${t('chartAlt')} — ${t('fundSummary')}"></canvas></div>
      <ul class="legend" aria-hidden="true">
        ${tones.has('good') ? html`<li><span class="sw good"></span>${t('cmpGoodForFund')}</li>` : nothing}
        ${tones.has('bad') ? html`<li><span class="sw bad"></span>${t('cmpBadForFund')}</li>` : nothing}
        ${tones.has('') ? html`<li><span class="sw neither"></span>${t('cmpNeitherForFund')}</li>` : nothing}
        ${c.series.length > 1 ? html`<li>${t('cmpChartBars', { names: c.series.map((x) => x.name).join(s.lang === 'zh' ? '；' : '; ') })}</li>` : nothing}
      </ul>`;
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
      <div class="pair ${s.chart ? '' : 'same'}" aria-busy=${s.stale ? 'true' : 'false'} data-testid="compare" data-stale=${s.stale ? 'true' : 'false'}>
        <div class="card">
          <table data-testid="compare-fund">
            <thead><tr><th>${t('fundSummary')} (${t(s.unit)})</th>
              ${cols.map((c, i) => html`<th class="num">${c.name}</th>${i > 0 ? html`<th class="num">${t('delta')}</th>
              <th class="num">%</th>` : nothing}`)}</tr></thead>
            <tbody>${s.fund.map((r) => html`<tr class=${r.changed ? '' : 'same'}><th scope="row">${t(r.field as MsgKey)}</th>
              ${r.values.map((v, i) => {
                if (i === 0) return html`<td class="num">${show(v, r.kind, s.unit)}</td>`;
                const d = r.deltas[i - 1] ?? null;
                const tone = r.tones[i - 1] ?? '';
                return html`<td class="num">${show(v, r.kind, s.unit)}</td><td class="num d ${tone}" data-delta=${r.field}
                  data-tone=${tone}>${showDelta(d, r.kind, s.unit, s.lang)}</td>
                  <td class="num d ${tone}">${r.ratios[i - 1] ? percent(r.ratios[i - 1], 2, true) : ''}</td>`;
              })}</tr>`)}</tbody>
          </table>
        </div>
        <div class="card chart" data-testid="compare-chart-card">
          ${s.chart ? html`<h3>${msg(s.lang, 'cmpChartTitle', { base: cols[0]?.name ?? '' })}</h3>` : nothing}
          ${this.renderChart()}
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
