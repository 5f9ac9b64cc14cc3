/** Comparison of scenarios: the parameters that differ, each scenario's value and where it comes from. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { Scenario } from '../../format/types.ts';
import { parameterRows, type ParamRow } from '../../sheets/params.ts';
import { sourceLine } from '../views/brief-sources.ts';
import { sourceInherited } from '../views/inherited-sources.ts';
import type { Lang } from '../../display/lang.ts';


export class GbSourceDiff extends LitElement {
  static override properties = { scenarios: { attribute: false }, lang: {} };
  /** The compared scenarios, first one the reference. */
  declare scenarios: { name: string; scenario: Scenario }[];
  declare lang: Lang;
  private memo: { key: unknown[]; rows: ParamRow[] } | null = null;

  constructor() {
    super();
    this.scenarios = [];
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

  private rows(): ParamRow[] {
    const key = [...this.scenarios.map((s) => s.scenario.policy), ...this.scenarios.map((s) => s.scenario.fund), this.lang];
    if (this.memo && this.memo.key.length === key.length && this.memo.key.every((k, i) => k === key[i])) return this.memo.rows;
    const all = parameterRows(this.scenarios.map((s) => s.scenario), this.lang);
    const same = (r: ParamRow) => r.values.every((v) => JSON.stringify(v) === JSON.stringify(r.values[0]))
      && r.sources.every((p) => JSON.stringify(p) === JSON.stringify(r.sources[0]));
    const rows = all.filter((r) => !same(r));
    this.memo = { key, rows };
    return rows;
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const rows = this.rows();
    return html`<div class="card" data-testid="source-diff">
      <h2>${t('sourcesOfDiffs')}</h2>
      ${rows.length === 0 ? html`<p class="muted">${t('noDiffs')}</p>` : html`<table>
        <thead><tr><th>${t('parameter')}</th>${this.scenarios.map((s) => html`<th>${s.name}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr data-path=${r.path}><th scope="row">${r.label}<br /><code>${r.path}</code></th>
          ${r.values.map((v, i) => {
            const p = r.sources[i];
            // A changed value still carrying the reference's source is not backed by that source.
            const inherited = i > 0 && sourceInherited(v, r.values[0], p, r.sources[0]);
            return html`<td><div class="num">${v === undefined ? '—' : v === null ? '∞' : String(v)}</div>
              ${inherited ? html`<div class="src warn" data-testid="inherited-source">${t('inheritedSource')}</div>`
                : p ? html`<div class="src"><span class="badge ${p.status}">${t(p.status)}</span> ${sourceLine(p)}</div>` : html`<div class="src">${t('noSources')}</div>`}</td>`;
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
