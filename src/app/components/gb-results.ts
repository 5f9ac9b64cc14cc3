/** The results of the scenario shown: fund summary, money flow and the hospital table. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg } from '../i18n/index.ts';
import type { AppState } from '../state/app-state.ts';
import { formatIssue } from '../../format/issues.ts';
import './gb-fund-summary.ts';
import './gb-flow-chart.ts';
import './gb-hospital-table.ts';

export class GbResults extends LitElement {
  static override properties = { state: { attribute: false } };
  /** App state (read only). */
  declare state: AppState;

  static override styles = [shared, css`
    .top { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0.8rem; }
    @media (max-width: 1100px) { .top { grid-template-columns: 1fr; } }
    /* Its own compositor layer: the fade while recomputing runs off the page's thread (no repaint per frame). */
    [data-testid='results'] { will-change: opacity; }
    .stale { opacity: 0.55; transition: opacity 0.2s; }
    .warn { background: var(--gb-warn-bg); border: 1px solid #f5c77e; border-radius: 6px; padding: 0.5rem 0.8rem; margin-bottom: 0.8rem; }
    .warn ul { margin: 0.3rem 0 0; font-family: ui-monospace, monospace; font-size: 0.85em; }
  `];

  override render() {
    const s = this.state;
    const col = s.cols[s.active];
    const view = col?.view ?? null;
    const scenario = col?.scenario ?? null;
    return html`
      ${col?.status === 'invalid' ? html`<div class="warn" role="alert" data-testid="scenario-issues">
        <strong>${msg(s.lang, 'invalidScenario')}</strong>
        <ul>${col.issues.slice(0, 50).map((i) => html`<li>${formatIssue(i)}</li>`)}</ul></div>` : nothing}
      <div class=${col?.stale ? 'stale' : ''} data-testid="results" data-state=${col?.status ?? 'none'} aria-busy=${col?.status === 'running' ? 'true' : 'false'}>
        <div class="top">
          <gb-fund-summary .fund=${view?.fund ?? null} .lang=${s.lang} .unit=${s.unit}></gb-fund-summary>
          <gb-flow-chart .fund=${view?.fund ?? null} .lang=${s.lang} .unit=${s.unit}></gb-flow-chart>
        </div>
        <gb-hospital-table .view=${view} .scenario=${scenario} .lang=${s.lang} .unit=${s.unit}></gb-hospital-table>
      </div>`;
  }
}

customElements.define('gb-results', GbResults);
declare global {
  interface HTMLElementTagNameMap {
    'gb-results': GbResults;
  }
}
