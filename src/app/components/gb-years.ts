/**
 * The years view (DESIGN §8): the run's parameters (edits of the scenario's `analysis.years`),
 * the fund's path with its chart, the saver's and the spender's paths, any institution's path
 * (picked by name in a searchable picker), and the compared scenarios over the same years. Renders the view model (views/years.ts); computes nothing.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { drawChartSoon, PALETTE } from '../views/charts.ts';
import type { PickView, YearsView } from '../views/years.ts';
import { downloadCanvas } from './png.ts';
import './gb-field.ts';
import './gb-pick-institution.ts';

const RULE_KEYS = { actual: 'ruleActual', target: 'ruleTarget', actualPlusRetained: 'ruleActualPlusRetained' } as const satisfies Record<string, MsgKey>;

export class GbYears extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: YearsView | null;

  constructor() {
    super();
    this.view = null;
  }

  static override styles = [shared, css`
    .wrap { position: relative; height: 260px; }
    .warn { color: var(--gb-red, #c23b4b); font-weight: 600; }
    .status { margin-left: auto; font-size: 0.9em; }
    .params { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 0.4rem; }
    .params label.sel { display: inline-flex; flex-direction: column; font-size: 0.85em; color: var(--gb-muted); margin: 0 0.8rem 0.5rem 0; }
    .params select { margin-top: 2px; }
    table { font-size: 0.88em; }
    /* A saver's and a spender's nine columns: side by side only where both fit (wide screens), and never cut off. */
    .grid2 { grid-template-columns: repeat(auto-fit, minmax(min(100%, 780px), 1fr)); }
    .grid2 th.num { white-space: normal; vertical-align: bottom; }
    .grid2 > .card { min-width: 0; }
    .tw { overflow-x: auto; }
    td.fp { font-family: ui-monospace, monospace; font-size: 0.85em; color: var(--gb-muted); }
    h3 { margin: 0.2rem 0 0.4rem; font-size: 1rem; }
    h3 .code { color: var(--gb-muted); font-weight: normal; font-size: 0.85em; margin-left: 0.3em; }
    .paths-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.2rem; margin: 0 0 0.6rem; }
    .paths-head h2 { margin: 0; }
    .grid2 > .wide { grid-column: 1 / -1; }
  `];

  private edit(field: string, value: unknown): void {
    emit(this, { type: 'edit', path: ['analysis', 'years', field], value });
  }

  override updated(): void {
    const v = this.view;
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas#years-chart');
    if (!v?.chart || !canvas) return;
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels: v.labels,
        datasets: [
          { type: 'bar', label: `${t('closingBalance')} (${t(v.unit)})`, data: v.chart.closing, backgroundColor: PALETTE[0], yAxisID: 'y' },
          { type: 'line', label: t('monthsOfCoverage'), data: v.chart.months, borderColor: PALETTE[1], backgroundColor: PALETTE[1], yAxisID: 'y2' },
          { type: 'line', label: t('warningLine', { m: v.chart.warning }), data: v.chart.months.map(() => v.chart!.warning), borderColor: PALETTE[4],
            borderDash: [6, 4], pointRadius: 0, backgroundColor: PALETTE[4], yAxisID: 'y2' },
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: { y: { position: 'left', title: { display: true, text: t(v.unit) } },
          y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: t('months') } } },
      },
    });
  }

  private params(v: YearsView) {
    const t = (k: MsgKey) => msg(v.lang, k);
    const p = v.params;
    const issue = (f: string) => (v.paramIssues[f] ? [v.paramIssues[f]!] : []);
    return html`<div class="card" data-testid="years-params">
      <h2>${t('yearsParams')}</h2>
      <div class="params">
        <gb-field short label=${t('yearsCount')} kind="int" .lang=${v.lang}
          .path=${['analysis', 'years', 'years']} .value=${p.years} .issues=${issue('years')} data-path="analysis.years.years"></gb-field>
        <label class="sel">${t('baseRule')}
          <select data-testid="base-rule" @change=${(e: Event) => this.edit('baseRule', (e.target as HTMLSelectElement).value)}>
            ${(['actual', 'target', 'actualPlusRetained'] as const).map((r) => html`<option value=${r}
              ?selected=${p.baseRule === r}>${t(RULE_KEYS[r])}</option>`)}
          </select></label>
        <gb-field label=${t('budgetGrowth')} kind="growthPct" hint=${t('growthHint')} .lang=${v.lang}
          .path=${['analysis', 'years', 'budgetGrowth']} .value=${p.budgetGrowth} .issues=${issue('budgetGrowth')}
            data-path="analysis.years.budgetGrowth"></gb-field>
        <gb-field label=${t('revenueGrowth')} kind="growthPct" .lang=${v.lang}
          .path=${['analysis', 'years', 'revenueGrowth']} .value=${p.revenueGrowth} .issues=${issue('revenueGrowth')}
            data-path="analysis.years.revenueGrowth"></gb-field>
        <label class="sel">${t('lockedTargets')}
          <select data-testid="locked-targets" @change=${(e: Event) => this.edit('lockedTargets', (e.target as HTMLSelectElement).value)}>
            <option value="keep" ?selected=${p.lockedTargets === 'keep'}>${t('lockedKeep')}</option>
            <option value="release" ?selected=${p.lockedTargets === 'release'}>${t('lockedRelease')}</option>
          </select></label>
        <gb-field short label=${t('warningMonths')} kind="nonneg" .lang=${v.lang}
          .path=${['analysis', 'years', 'warningMonths']} .value=${p.warningMonths} .issues=${issue('warningMonths')}
            data-path="analysis.years.warningMonths"></gb-field>
      </div>
    </div>`;
  }

  private pick(v: YearsView, p: PickView) {
    const t = (k: MsgKey) => msg(v.lang, k);
    return html`<div class="card ${p.role === 'chosen' ? 'wide' : ''}" data-testid="pick-${p.role}" data-id=${p.id}>
      <h3>${t(p.role)}${t('colon')}${p.name}<span class="code">${p.id}</span></h3>
      <div class="muted">${p.note}</div>
      <div class="tw"><table>
        <thead><tr><th>${t('yearCol')}</th><th class="num">${t('target')}</th><th class="num">${t('claimsTotal')}</th>
        <th class="num">${t('actual')}</th>
        <th class="num">${t('surplusOverspend')} ${t('rate')}</th>
          <th class="num">${t('rewardCol')}</th><th class="num">${t('fundShareCol')}</th><th class="num">${t('owed')}</th><th class="num">${t('nextBase')}</th>
          </tr></thead>
        <tbody>${p.rows.map((r) => html`<tr>
          <th scope="row">${r.label}</th><td class="num" data-col="target">${r.target}</td><td class="num" data-col="claims">${r.claims}</td>
          <td class="num" data-col="actual">${r.actual}</td><td class="num">${r.rate}</td>
          <td class="num" data-col="reward">${r.reward}</td><td class="num" data-col="fundShare">${r.fundShare}</td>
          <td class="num" data-col="owed">${r.owed}</td><td class="num" data-col="nextBase">${r.nextBase}</td>
          </tr>`)}</tbody>
      </table></div>
    </div>`;
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const u = t(v.unit);
    return html`
      ${this.params(v)}
      ${v.error ? html`<div class="card warn" role="alert">${v.error}</div>` : nothing}
      ${v.problems.length ? html`<div class="card" role="alert" data-testid="years-problems"><strong>${t('issuesTitle')}</strong><ul>${v.problems.map((p) =>
        html`<li>${p}</li>`)}</ul></div>` : nothing}
      <div class="card" data-testid="years-fund" aria-busy=${v.running ? 'true' : 'false'} data-stale=${v.stale ? 'true' : 'false'}>
        <div class="row"><h2 id="yf-h">${t('fundPath')} (${u})</h2>
          <span class="status muted" data-testid="years-status">${v.running ? t('yearsRunning') : v.stale ? t('stale') : ''}</span>
          ${v.fund.length ? html`<button data-testid="years-xlsx" @click=${() => emit(this, { type: 'exportPlan', what: 'years' })}>${t('exportXlsx')}</button>
          <button data-testid="years-png" @click=${() => downloadCanvas(this.renderRoot.querySelector<HTMLCanvasElement>('canvas#years-chart'),
            'years.png')}>${t('exportPng')}</button>` : nothing}</div>
        ${v.chart ? html`<div class="wrap"><canvas id="years-chart" role="img" aria-labelledby="yf-h" aria-describedby="yf-t"></canvas></div>` : nothing}
        <table id="yf-t">
          <thead><tr><th>${t('yearCol')}</th><th class="num">${t('revenue')}</th><th class="num">${t('expenditure')}</th>
          <th class="num">${t('adjustmentFundUsed')}</th>
            <th class="num">${t('closingBalance')}</th><th class="num">${t('monthsOfCoverage')}</th><th class="num">${t('currentSurplusRate')}</th>
            <th>${t('fpShort')}</th></tr></thead>
          <tbody>${v.fund.map((r) => html`<tr data-year=${r.label}>
            <th scope="row">${r.label}</th><td class="num">${r.revenue}</td><td class="num">${r.expenditure}</td><td class="num">${r.adjustmentFundUsed}</td>
            <td class="num" data-col="closing">${r.closing}</td>
            <td class="num ${r.belowWarning ? 'warn' : ''}" data-col="months" data-below=${r.belowWarning ? 'true' : 'false'}>${r.months}${r.belowWarning ?
              html` ⚠ <span class="sr-only">${t('belowWarning')}</span>` : nothing}</td>
            <td class="num">${r.surplusRate}</td><td class="fp">${r.fingerprint.slice(0, 23)}</td></tr>`)}</tbody>
        </table>
        ${v.stopped ? html`<p class="warn">${t('yearsStopped', { n: v.stopped.index })}</p><ul>${v.stopped.issues.map((i) => html`<li>${i}</li>`)}</ul>` :
          nothing}
      </div>
      <div class="paths-head"><h2>${t('institutionPaths')} (${u})</h2>
        ${v.choices.length ? html`<gb-pick-institution .choices=${v.choices} .selected=${v.chosenId} .lang=${v.lang} label=${t('pickInstitution')}
          testid="years-pick" @gb-pick=${(e: CustomEvent<string>) => emit(this, { type: 'hospital', id: e.detail })}></gb-pick-institution>` : nothing}
      </div>
      <div class="grid2">
        ${v.chosen ? this.pick(v, v.chosen) : v.fund.length && v.chosenId !== null ? html`<div class="card muted wide" data-testid="chosen-missing">${
          t('chosenNotInRun', { id: v.chosenId })}</div>` : nothing}
        ${v.picks.map((p) => this.pick(v, p))}
        ${v.fund.length && v.noSaver ? html`<div class="card muted">${t('noSaver')}</div>` : nothing}
        ${v.fund.length && v.noSpender ? html`<div class="card muted">${t('noSpender')}</div>` : nothing}
      </div>
      ${v.variants.length > 1 ? html`<div class="card" data-testid="years-variants">
        <h2>${t('variantsOverYears')} — ${t('closingBalance')} (${u}) / ${t('monthsOfCoverage')}</h2>
        <table>
          <thead><tr><th>${t('scenario')}</th>${v.labels.map((l) => html`<th class="num">${l}</th>`)}</tr></thead>
          <tbody>${v.variants.map((r) => html`<tr data-ref=${r.ref}>
            <th scope="row">${r.name}</th>
            ${r.closing.length ? r.closing.map((c, k) => html`<td class="num ${r.below[k] ? 'warn' : ''}"
              data-k=${k}>${c}<br><span class="muted">${r.months[k]} ${t('months')}</span></td>`) :
              html`<td colspan=${Math.max(1, v.labels.length)}>${r.problem}</td>`}
          </tr>`)}</tbody>
        </table>
      </div>` : nothing}
    `;
  }
}

customElements.define('gb-years', GbYears);
declare global {
  interface HTMLElementTagNameMap {
    'gb-years': GbYears;
  }
}
