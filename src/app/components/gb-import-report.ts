/** The report of an import: counts, every bad cell (row, column, header, content, reason), warnings, skipped rows. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { ImportReport } from '../../sheets/report.ts';
import type { Lang } from '../../display/lang.ts';

const SHOWN = 1000;

/** 「N 个错误」 / 'N errors', one error said in the singular. */
const errorsText = (lang: Lang, n: number): string => (n === 1 ? msg(lang, 'errorFound') : msg(lang, 'errorsFound', { n }));

export class GbImportReport extends LitElement {
  static override properties = { report: { attribute: false }, lang: {} };
  /** The import's report (nothing applied yet). */
  declare report: ImportReport;
  declare lang: Lang;

  constructor() {
    super();
    this.lang = 'zh';
  }

  static override styles = [shared, css`
    .counts { display: flex; gap: 1.2rem; flex-wrap: wrap; margin: 0.3rem 0 0.6rem; }
    .counts span { font-weight: 600; }
    .list { max-height: 16rem; overflow: auto; border: 1px solid var(--gb-line); border-radius: 4px; margin-bottom: 0.6rem; }
    .list table th { position: sticky; top: 0; white-space: nowrap; }
    td.reason { color: var(--gb-neg); }
    td code { font-size: 0.9em; }
    ul { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; }
    h3 { margin-top: 0.6rem; }
  `];

  override render() {
    const r = this.report;
    const lang = this.lang;
    const t = (k: MsgKey) => msg(lang, k);
    const bad = r.rows.filter((x) => x.state === 'invalid').length;
    const skipped = r.rows.filter((x) => x.state === 'invalid' || x.state === 'superseded');
    return html`<section data-testid="import-report" aria-labelledby="rep-h">
      <h3 id="rep-h">${msg(lang, 'reportTitle', { file: r.fileName })}${r.sheet ? html` <span class="muted">· ${r.sheet}${r.encoding ? ` · ${r.encoding}` :
        ''}</span>` : nothing}</h3>
      ${r.fileError ? html`<p class="err" role="alert"><strong>${t('fileProblem')}</strong></p>` : nothing}
      <div class="counts" data-testid="import-counts">
        <span>${msg(lang, 'rowsRead', { total: r.totalRows })}</span>
        <span class="pos">${msg(lang, 'rowsValid', { n: r.validRows })}</span>
        ${bad ? html`<span class="neg">${msg(lang, 'rowsBad', { n: bad })}</span>` : nothing}
        ${r.errorCount ? html`<span class="neg">${errorsText(lang, r.errorCount)}</span>` : nothing}
      </div>
      ${r.errors.length ? html`<h3>${t('cellErrors')}</h3>
        <div class="list" tabindex="0" role="region" aria-label=${t('cellErrors')}>
          <table data-testid="import-errors">
            <thead><tr><th>${t('colRow')}</th><th>${t('colColumn')}</th><th>${t('colHeader')}</th><th>${t('colValue')}</th><th>${t('colReason')}</th></tr>
            </thead>
            <tbody>${r.errors.slice(0, SHOWN).map((e) => html`<tr data-row=${e.row ?? ''} data-col=${e.column ?? ''} title=${e.message[lang]}>
              <td class="num">${e.row ?? '—'}</td><td>${e.column ?? '—'}</td><td>${e.header ?? '—'}</td>
              <td>${e.value ? html`<code translate="no">${e.value}</code>` : nothing}</td><td class="reason">${e.reason[lang]}</td></tr>`)}</tbody>
          </table>
        </div>
        ${r.errorCount > Math.min(SHOWN, r.errors.length) ? html`<p class="muted">${msg(lang, 'moreErrors',
          { n: r.errorCount - Math.min(SHOWN, r.errors.length) })}</p>` : nothing}` : nothing}
      ${r.warnings.length ? html`<h3>${t('warnings')}</h3><ul data-testid="import-warnings">${r.warnings.slice(0,
        200).map((w) => html`<li>${w.message[lang]}</li>`)}</ul>` : nothing}
      ${skipped.length && !r.fileError ? html`<h3>${t('skippedRows')}</h3><ul data-testid="import-skipped">${skipped.slice(0,
        200).map((x) => html`<li>${t('colRow')} ${x.row}${x.id ? ` · ${x.id}` : ''} — ${errorsText(lang, x.errors)}</li>`)}</ul>` : nothing}
    </section>`;
  }
}

customElements.define('gb-import-report', GbImportReport);
declare global {
  interface HTMLElementTagNameMap {
    'gb-import-report': GbImportReport;
  }
}
