/**
 * The case list import of a scenario settled by points: the group catalogue it needs (a file
 * picker, the groups the scenario has, what the last catalogue file did), then the case list's
 * file picker, a progress bar, the report.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { CasesView } from '../views/cases.ts';

export class GbCases extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: CasesView | null;

  constructor() {
    super();
    this.view = null;
  }

  static override styles = [shared, css`
    .row { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; }
    .file { border: 1px solid var(--gb-line); border-radius: 4px; padding: 0.3rem 0.7rem; cursor: pointer; background: #fff; }
    .file:has(input:disabled) { opacity: 0.55; cursor: not-allowed; }
    .file:focus-within { outline: 2px solid var(--gb-focus); outline-offset: 1px; }
    .step { margin: 0 0 0.6rem; }
    .note { background: var(--gb-warn-bg); border-radius: 4px; padding: 0.35rem 0.6rem; font-size: 0.9em; }
    .cells { margin: 0.2rem 0 0; font-size: 0.85em; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    progress { width: 320px; height: 1rem; }
    .hint { color: var(--gb-muted); font-size: 0.85em; margin: 0.2rem 0 0.5rem; }
    .ok { color: var(--gb-pos); }
    .problems { margin: 0.4rem 0 0; }
    .problems li { margin-bottom: 0.3rem; }
    .problems ul { margin: 0.1rem 0 0; font-size: 0.85em; color: var(--gb-muted); }
  `];

  private pick(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) emit(this, { type: 'importCases', file });
  }

  private pickCatalogue(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) emit(this, { type: 'importCatalogue', file });
  }

  private catalogue(v: CasesView, running: boolean) {
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const c = v.catalogue;
    const reading = c?.status === 'running';
    const cls = !c || reading || c.status === 'declined' ? 'muted' : c.status === 'done' ? 'ok' : 'err';
    return html`<div class="step" data-testid="catalogue" data-groups=${v.groups}>
      <div class="row">
        <label class="file">${t('catPick')}<input type="file" class="sr-only" data-testid="catalogue-file" ?disabled=${running || reading}
          accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" @change=${this.pickCatalogue} /></label>
        ${v.groups ? html`<span data-testid="catalogue-groups">${t('catGroups', { n: v.groups })}</span>` : nothing}
      </div>
      ${v.groups ? nothing : html`<p class="note" data-testid="catalogue-none">${t('catNone')}</p>`}
      ${c ? html`<div data-testid="catalogue-status" data-status=${c.status} role=${cls === 'err' ? 'alert' : 'status'}>
        <p class=${cls}>${c.fileName ? html`<span class="muted">${c.fileName}</span> · ` : nothing}${c.says}</p>
        ${c.errors.length ? html`<ul class="err cells" data-testid="catalogue-errors">${c.errors.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
        ${c.more ? html`<p class="err">${c.more}</p>` : nothing}
      </div>` : nothing}
    </div>`;
  }

  override render() {
    const v = this.view;
    if (!v || (!v.offered && v.status === 'idle')) return nothing;
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const running = v.status === 'running';
    return html`<div class="card" data-testid="cases" data-status=${v.status}>
      <h2>${t('casesTitle')}</h2>
      <p class="hint">${t('casesHint')}</p>
      ${v.offered ? this.catalogue(v, running) : nothing}
      <div class="row">
        <label class="file">${t('casesPick')}<input type="file" class="sr-only" accept=".csv,.txt,.parquet,text/csv" data-testid="cases-file"
          ?disabled=${running || !v.available || v.catalogue?.status === 'running'} @change=${this.pick}
          @click=${() => emit(this, { type: 'warmCases' })} /></label>
        ${running ? html`<progress data-testid="cases-progress" max="1" .value=${v.fraction ?? 0} ?indeterminate=${v.fraction === null}
            aria-label=${v.progress ?? ''}></progress><span aria-live="polite" data-testid="cases-phase">${v.progress}</span>
          <button data-testid="cases-cancel" @click=${() => emit(this, { type: 'cancelCases' })}>${t('casesCancel')}</button>` : nothing}
        ${v.fileName ? html`<span class="muted">${v.fileName}${v.seconds ? html` · ${t('casesSeconds', { s: v.seconds })}` : ''}</span>` : nothing}
      </div>
      ${v.status === 'cancelled' ? html`<p>${t('casesCancelled')}</p>` : nothing}
      ${v.status === 'failed' ? html`<p class="err" role="alert">${t('casesFailed')}${v.error}</p>` : nothing}
      ${v.status === 'refused' ? html`<p class="err" role="alert" data-testid="cases-refused">${v.error ?? t('casesRefused')}</p>` : nothing}
      ${v.fatal.length ? html`<ul class="err">${v.fatal.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
      ${v.summary ? html`<p data-testid="cases-summary">${v.summary}</p>` : nothing}
      ${v.applied ? html`<p class="ok" data-testid="cases-applied">${v.applied}</p>` : nothing}
      ${v.outside ? html`<p class="note" data-testid="cases-outside">${v.outside}</p>` : nothing}
      ${v.problems.length ? html`<details data-testid="cases-problems" ?open=${v.problems.length <= 3}><summary><strong>${t('casesProblems')}</strong>
        (${v.problems.length})</summary>
        <ul class="problems">${v.problems.map((p) => html`<li><span>${p.title}</span>
          ${p.values ? html`<div class="muted">${t('casesValues')}${t('colon')}${p.values}</div>` : nothing}
          <ul>${p.rows.map((r) => html`<li>${r}</li>`)}</ul></li>`)}</ul></details>` : nothing}
    </div>`;
  }
}

customElements.define('gb-cases', GbCases);
declare global {
  interface HTMLElementTagNameMap {
    'gb-cases': GbCases;
  }
}
