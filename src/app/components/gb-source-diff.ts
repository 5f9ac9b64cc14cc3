/** Comparison of scenarios: the parameters that differ, each scenario's value and where it comes from. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { ParamDiffs } from '../views/compare.ts';
import { sourceLine } from '../views/brief-sources.ts';
import { sourceInherited } from '../views/inherited-sources.ts';
import type { Lang } from '../../display/lang.ts';


export class GbSourceDiff extends LitElement {
  static override properties = { diffs: { attribute: false }, lang: {} };
  /** The compared scenarios' names (first one the reference) and the parameters that differ. */
  declare diffs: ParamDiffs;
  declare lang: Lang;

  constructor() {
    super();
    this.diffs = { names: [], rows: [] };
    this.lang = 'zh';
  }

  static override styles = [shared, css`
    td { vertical-align: top; }
    .src { font-size: 0.85em; color: var(--gb-muted); }
    .badge.official { background: #e3f3e8; color: var(--gb-pos); }
    .badge.assumption { background: #fff1d6; color: #8a5a00; }
    code { font-size: 0.85em; color: var(--gb-muted); }
    .src.warn { color: #8a5a00; }
  `];

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const rows = this.diffs.rows;
    return html`<div class="card" data-testid="source-diff">
      <h2>${t('sourcesOfDiffs')}</h2>
      ${rows.length === 0 ? html`<p class="muted">${t('noDiffs')}</p>` : html`<table>
        <thead><tr><th>${t('parameter')}</th>${this.diffs.names.map((n) => html`<th>${n}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr data-path=${r.path}><th scope="row">${r.label}</th>
          ${r.values.map((v, i) => {
            const p = r.sources[i];
            // A changed value still carrying the reference's source is not backed by that source.
            const inherited = i > 0 && sourceInherited(v, r.values[0], p, r.sources[0]);
            return html`<td><div class="num">${r.shown[i]}</div>
              ${inherited ? html`<div class="src warn" data-testid="inherited-source">${t('inheritedSource')}</div>`
                : p ? html`<div class="src"><span class="badge ${p.status}">${t(p.status)}</span> ${sourceLine(p)}</div>` :
                  html`<div class="src">${t('noSources')}</div>`}</td>`;
          })}</tr>`)}</tbody>
      </table>`}
      ${nothing}
    </div>`;
  }
}

customElements.define('gb-source-diff', GbSourceDiff);
declare global {
  interface HTMLElementTagNameMap {
    'gb-source-diff': GbSourceDiff;
  }
}
