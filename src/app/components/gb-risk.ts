/**
 * The risk view (DESIGN §9): the Monte Carlo parameters (edits of the scenario's analysis.risk,
 * defaults stated, σ_h per category), run over workers with a progress bar and cancel; the
 * probability the adjustment fund is exhausted, P5/P50/P95 with histograms of the closing
 * balance, months of coverage and adjustment fund used, and each institution's probabilities in
 * a sortable table. Renders views/risk.ts; computes nothing.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit, type Action } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { drawChartSoon, PALETTE } from '../views/charts.ts';
import { riskFileValue, type RiskView, type DistView, type RiskInstitutionRow } from '../views/risk.ts';
import { downloadCanvas } from './png.ts';
import './gb-field.ts';

type SortKey = 'id' | 'over' | 'reward';

const DIST_KEYS: Record<DistView['key'], MsgKey> = { closingBalance: 'closingBalance', monthsOfCoverage: 'monthsOfCoverage',
  adjustmentFundUsed: 'adjustmentFundUsed' };

export class GbRisk extends LitElement {
  static override properties = { view: { attribute: false }, sortKey: { state: true }, sortDesc: { state: true } };
  declare view: RiskView | null;
  declare sortKey: SortKey;
  declare sortDesc: boolean;

  constructor() {
    super();
    this.view = null;
    this.sortKey = 'over';
    this.sortDesc = true;
  }

  static override styles = [shared, css`
    .params { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 0.4rem; }
    label.sel { display: inline-flex; flex-direction: column; font-size: 0.85em; color: var(--gb-muted); margin: 0 0.8rem 0.5rem 0; }
    .run { display: flex; align-items: center; gap: 0.8rem; margin: 0.4rem 0; flex-wrap: wrap; }
    progress { width: 20rem; height: 1rem; }
    .warn { color: #c23b4b; }
    .big { font-size: 1.6rem; font-weight: 700; color: var(--gb-blue); }
    .hists { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 0.8rem; }
    .wrap { position: relative; height: 200px; }
    table { font-size: 0.86em; }
    .scroll { max-height: 28rem; overflow: auto; }
    th button { background: none; border: none; padding: 0; font: inherit; color: inherit; cursor: pointer; text-decoration: underline dotted; }
    h3 { margin: 0.3rem 0; font-size: 0.95rem; }
  `];

  /**
   * The file keeps σ and the line as numbers: the decimal a field makes of what is typed (「8%」 →
   * "0.08", views/validate-field.ts) is sent as that number (0.08 — the same double as the text).
   */
  private numbers(e: CustomEvent<Action>): void {
    const a = e.detail;
    if (a.type !== 'edit' || a.path[0] !== 'analysis' || a.path[1] !== 'risk' || typeof a.value !== 'string') return;
    e.stopPropagation();
    emit(this, { type: 'edit', path: a.path, value: riskFileValue(a.value) });
  }

  override updated(): void {
    const v = this.view;
    const r = v?.result;
    if (!v || !r) return;
    for (const d of r.dists) {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-dist="${d.key}"]`);
      if (!canvas) continue;
      drawChartSoon(canvas, {
        type: 'bar',
        data: { labels: d.bins, datasets: [{ type: 'bar', label: msg(v.lang, 'drawsCount'), data: d.counts,
          backgroundColor: PALETTE[d.key === 'adjustmentFundUsed' ? 1 : d.key === 'monthsOfCoverage' ? 2 : 0], barPercentage: 1, categoryPercentage: 1 }] },
        options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { ticks: { maxTicksLimit: 6 } } } },
      });
    }
  }

  private sorted(rows: RiskInstitutionRow[]): RiskInstitutionRow[] {
    const k = this.sortKey, d = this.sortDesc ? -1 : 1;
    return [...rows].sort((a, b) => (k === 'id' ? a.index - b.index : (a[k] - b[k]) || a.index - b.index) * (k === 'id' ? 1 : d));
  }

  private sortBy(k: SortKey): void {
    if (this.sortKey === k) this.sortDesc = !this.sortDesc;
    else { this.sortKey = k; this.sortDesc = k !== 'id'; }
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const p = v.params;
    const at = (f: string) => ['analysis', 'risk', f];
    const issue = (f: string) => (v.paramIssues[f] ? [v.paramIssues[f]!] : []);
    const run = v.run;
    const running = run?.status === 'running';
    const r = v.result;
    const u = t(v.unit);
    return html`
      ${v.error ? html`<div class="card warn" role="alert">${v.error}</div>` : nothing}
      <div class="card" data-testid="risk-params" @gb-action=${(e: CustomEvent<Action>) => this.numbers(e)}>
        <h2>${t('riskTitle')}</h2>
        <div class="muted">${t('riskParams')}</div>
        <div class="muted" data-testid="risk-defaults">${t('riskDefaults', v.defaults)}</div>
        <div class="params">
          <gb-field short label=${t('riskDraws')} kind="int" .lang=${v.lang} .path=${at('draws')} .value=${p.draws} .issues=${issue('draws')}
            data-path="analysis.risk.draws"></gb-field>
          <gb-field short label=${t('riskSeed')} kind="int" .lang=${v.lang} .path=${at('seed')} .value=${p.seed} .issues=${issue('seed')}
            data-path="analysis.risk.seed"></gb-field>
          <gb-field short label=${t('sigmaCommon')} kind="pct" .lang=${v.lang} .path=${at('sigmaCommon')} .value=${v.rates.sigmaCommon}
            .issues=${issue('sigmaCommon')} data-path="analysis.risk.sigmaCommon"></gb-field>
          <gb-field short label=${t('sigmaOwn')} kind="pct" .lang=${v.lang} .path=${at('sigma')} .value=${v.rates.sigma} .issues=${issue('sigma')}
            data-path="analysis.risk.sigma"></gb-field>
          <gb-field short label=${t('riskThreshold')} kind="pctTen" .lang=${v.lang} .path=${at('overspendThreshold')} .value=${v.rates.overspendThreshold}
            .issues=${issue('overspendThreshold')} data-path="analysis.risk.overspendThreshold"></gb-field>
          <label class="sel">${t('riskDeductions')}
            <select data-testid="risk-deductions" @change=${(e: Event) => emit(this,
              { type: 'edit', path: at('deductions'), value: (e.target as HTMLSelectElement).value })}>
              <option value="scaled" ?selected=${p.deductions === 'scaled'}>${t('deductionsScaled')}</option>
              <option value="fixed" ?selected=${p.deductions === 'fixed'}>${t('deductionsFixed')}</option>
            </select></label>
        </div>
        <div class="muted">${t('sigmaByCategoryTitle')}</div>
        <div class="params">
          ${v.categories.map((c) => html`<gb-field short optional label=${c.label} kind="pct" .lang=${v.lang}
            .path=${['analysis', 'risk', 'sigmaByCategory', c.key]}
            .value=${c.value} .issues=${issue(`sigmaByCategory.${c.key}`)}
              data-path="analysis.risk.sigmaByCategory.${c.key}"></gb-field>`)}
        </div>
        <div class="run">
          <button class="primary" data-testid="run-risk" ?disabled=${running || Object.keys(v.paramIssues).length > 0}
            @click=${() => emit(this, { type: 'runRisk' })}>${t('riskRun')}</button>
          ${running ? html`<progress data-testid="risk-progress" max=${Math.max(1, run.total)} value=${run.done}></progress>
            <span data-testid="risk-progress-text">${t('riskProgress', { done: run.done, total: run.total })}</span>
            <button data-testid="cancel-risk" @click=${() => emit(this, { type: 'cancelRisk' })}>${t('cancelRun')}</button>` : nothing}
          ${run?.status === 'done' ? html`<span data-testid="risk-done">${t('riskDone',
            { n: run.total, w: run.workers, s: run.seconds, name: run.name })}</span>
            <button data-testid="risk-xlsx" @click=${() => emit(this, { type: 'exportPlan', what: 'risk' })}>${t('exportXlsx')}</button>` : nothing}
          ${run?.status === 'cancelled' ? html`<span class="warn" data-testid="risk-cancelled">${t('runCancelled')}</span>` : nothing}
          ${run?.status === 'refused' || run?.status === 'failed' ? html`<span class="warn">${t(run.status === 'refused' ? 'runRefused' :
            'runFailed')}</span><ul class="warn">${run.problems.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
        </div>
        ${run && run.status === 'done' && run.outdated ? html`<div class="warn" data-testid="risk-outdated">${t('riskOutdated')}</div>` : nothing}
      </div>
      ${r ? html`
        <div class="card" data-testid="risk-result">
          <div>${t('pExhausted')}${t('colon')}<span class="big" data-testid="p-exhausted">${r.exhausted}</span></div>
          <div class="muted">${t('exhaustedDraws', { k: r.exhaustedDraws, n: r.draws })}</div>
          ${r.noPointValueDraws !== null ? html`<div class="muted" data-testid="no-point-value" data-draws=${r.noPointValueDraws}>${t('noPointValueDraws',
            { k: r.noPointValueDraws, n: r.draws })}</div>` : nothing}
          <h3>${t('distTitle')} (${u}; ${t('monthsOfCoverage')}${t('colon')}${t('months')})</h3>
          <table data-testid="risk-dists">
            <thead><tr><th></th><th class="num">${t('p5')}</th><th class="num">${t('p50')}</th><th class="num">${t('p95')}</th>
            <th class="num">${t('meanCol')}</th><th class="num">${t('sdCol')}</th></tr></thead>
            <tbody>${r.dists.map((d) => html`<tr data-dist=${d.key}><th scope="row">${t(DIST_KEYS[d.key])}</th><td class="num">${d.p5}</td>
            <td class="num">${d.p50}</td><td class="num">${d.p95}</td><td class="num">${d.mean}</td><td class="num">${d.sd}</td></tr>`)}</tbody>
          </table>
          <div class="hists">${r.dists.map((d) => html`<div><h3 id="h-${d.key}">${t('histogramOf', { what: t(DIST_KEYS[d.key]) })}
            <button data-testid="risk-png-${d.key}"
              @click=${() => downloadCanvas(this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-dist="${d.key}"]`),
              `${d.key}.png`)}>${t('exportPng')}</button></h3>
            <div class="wrap"><canvas data-dist=${d.key} role="img" aria-labelledby="h-${d.key}"></canvas></div></div>`)}</div>
        </div>
        <div class="card" data-testid="risk-institutions">
          <h2>${t('institutionRisk')}</h2>
          <div class="scroll"><table>
            <thead><tr>
              <th><button data-sort="id" @click=${() => this.sortBy('id')}>${t('id')}</button></th><th>${t('name')}</th><th>${t('category')}</th>
              <th class="num">${t('target')} (${u})</th>
              <th class="num" aria-sort=${this.sortKey === 'over' ? (this.sortDesc ? 'descending' : 'ascending') : 'none'}><button data-sort="over"
                @click=${() => this.sortBy('over')}>${t('pOverspend', { t: r.threshold })}</button></th>
              <th class="num" aria-sort=${this.sortKey === 'reward' ? (this.sortDesc ? 'descending' : 'ascending') : 'none'}><button data-sort="reward"
                @click=${() => this.sortBy('reward')}>${t('pReward')}</button></th>
            </tr></thead>
            <tbody>${this.sorted(r.rows).map((x) => html`<tr data-row=${x.id}><th scope="row">${x.id}</th><td>${x.name}</td><td>${x.category}</td>
            <td class="num">${x.target}</td>
              <td class="num" data-col="pOverspend">${x.pOverspend}</td><td class="num" data-col="pReward">${x.pReward}</td></tr>`)}</tbody>
          </table></div>
        </div>` : nothing}
    `;
  }
}

customElements.define('gb-risk', GbRisk);
declare global {
  interface HTMLElementTagNameMap {
    'gb-risk': GbRisk;
  }
}
