/** The results of the scenario shown: fund summary, money flow and the hospital table. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg } from '../i18n/index.ts';
import type { ResultsView } from '../views/results.ts';
import './gb-fund-summary.ts';
import './gb-flow-chart.ts';
import './gb-hospital-table.ts';
import './gb-cases.ts';
import './gb-point-inflation.ts';

/**
 * The figures are dimmed only when a recompute takes longer than this. A quick one (most edits)
 * then never flickers the page, and the compositor is spared blending a page-sized layer at half
 * opacity on every frame of every edit (without a GPU that doubled the cost of an edit).
 */
const DIM_AFTER_MS = 400;

export class GbResults extends LitElement {
  static override properties = { view: { attribute: false }, dim: { state: true } };
  /** What the view shows. */
  declare view: ResultsView;
  /** The figures shown have been stale for longer than DIM_AFTER_MS. */
  declare dim: boolean;
  private dimTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    this.dim = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('view')) return;
    if (!this.view.stale) {
      this.stopDimTimer();
      this.dim = false;
    } else if (!this.dim && !this.dimTimer) {
      this.dimTimer = setTimeout(() => { this.dimTimer = null; this.dim = true; }, DIM_AFTER_MS);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopDimTimer();
  }

  private stopDimTimer(): void {
    if (this.dimTimer) clearTimeout(this.dimTimer);
    this.dimTimer = null;
  }

  static override styles = [shared, css`
    .top { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0.8rem; }
    @media (max-width: 1100px) { .top { grid-template-columns: 1fr; } }
    .stale { opacity: 0.55; transition: opacity 0.2s; }
    .warn { background: var(--gb-warn-bg); border: 1px solid #f5c77e; border-radius: 6px; padding: 0.5rem 0.8rem; margin-bottom: 0.8rem; }
    .warn ul { margin: 0.3rem 0 0; font-family: ui-monospace, monospace; font-size: 0.85em; }
  `];

  override render() {
    const s = this.view;
    return html`
      ${s.status === 'invalid' ? html`<div class="warn" role="alert" data-testid="scenario-issues">
        <strong>${msg(s.lang, 'invalidScenario')}</strong>
        <ul>${s.problems.map((i) => html`<li>${i}</li>`)}</ul></div>` : nothing}
      <div class=${this.dim ? 'stale' : ''} data-testid="results" data-state=${s.status} aria-busy=${s.status === 'running' ? 'true' : 'false'}>
        <div class="top">
          <gb-fund-summary .fund=${s.fund} .lang=${s.lang} .unit=${s.unit}></gb-fund-summary>
          <gb-flow-chart .flow=${s.flow} .lang=${s.lang} .unit=${s.unit}></gb-flow-chart>
        </div>
        <gb-cases .view=${s.cases}></gb-cases>
        <gb-point-inflation .view=${s.inflation}></gb-point-inflation>
        <gb-hospital-table .view=${s.table?.view ?? null} .scenario=${s.table?.scenario ?? null} .lang=${s.lang} .unit=${s.unit}></gb-hospital-table>
      </div>`;
  }
}

customElements.define('gb-results', GbResults);
declare global {
  interface HTMLElementTagNameMap {
    'gb-results': GbResults;
  }
}
