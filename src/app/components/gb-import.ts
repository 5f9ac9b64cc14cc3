/**
 * Import institutions' data from .xlsx / .csv: pick or drop a file, parse it in the import
 * worker with a progress bar ("reading…" while exceljs opens the file, then rows), show the
 * report, and let the user accept all rows (only when there are no errors) or only the valid
 * rows, by merge or replace. Cancel changes nothing. Applying is one undoable edit.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { dialogStyles } from './dialog-styles.ts';
import { emit, routeFile } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { ImportView } from '../views/dialogs.ts';
import type { ImportReport } from '../../sheets/report.ts';
import { Cancelled, startImport, type ImportJob } from '../runs/jobs.ts';
import './gb-import-report.ts';

type Phase = 'pick' | 'reading' | 'parsing' | 'report' | 'failed';

export class GbImport extends LitElement {
  static override properties = {
    view: { attribute: false }, file: { attribute: false },
    phase: { state: true }, done: { state: true }, total: { state: true }, report: { state: true }, mode: { state: true }, error: { state: true },
      tplLang: { state: true },
  };
  /** The scenario the rows go into. */
  declare view: ImportView;
  /** A file dropped on the page, to import at once. */
  declare file: File | null;
  declare phase: Phase;
  declare done: number;
  declare total: number;
  declare report: ImportReport | null;
  declare mode: 'merge' | 'replace';
  declare error: string;
  declare tplLang: 'zh' | 'en' | null;
  private job: ImportJob | null = null;
  private started: File | null = null;

  constructor() {
    super();
    this.file = null;
    this.phase = 'pick';
    this.done = 0;
    this.total = 0;
    this.report = null;
    this.mode = 'merge';
    this.error = '';
    this.tplLang = null;
  }

  static override styles = [shared, dialogStyles, css`
    .drop { border: 2px dashed var(--gb-line); border-radius: 8px; padding: 1.2rem; text-align: center; margin-bottom: 0.8rem; }
    .drop.over { border-color: var(--gb-blue); background: #eef4fc; }
    .file { display: inline-block; border: 1px solid var(--gb-blue); color: var(--gb-blue); border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer;
      background: #fff; }
    .file:focus-within { outline: 2px solid var(--gb-focus); }
    .tpl { display: flex; gap: 0.8rem; align-items: center; flex-wrap: wrap; font-size: 0.9em; }
    .tpl select { padding: 0.15rem 0.3rem; }
  `];

  override updated(): void {
    const d = this.renderRoot.querySelector('dialog');
    if (d && !d.open) d.showModal();
    if (this.file && this.file !== this.started) this.begin(this.file);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.job?.cancel();
  }

  private begin(f: File): void {
    this.started = f;
    this.job?.cancel();
    this.phase = 'reading';
    this.report = null;
    this.done = 0;
    this.total = 0;
    const years = this.view.historyYears;
    const job = startImport(f, years, (done, total) => {
      if (this.job !== job) return;
      this.phase = 'parsing';
      this.done = done;
      this.total = total;
    });
    this.job = job;
    job.report.then((r) => {
      if (this.job !== job) return;
      this.job = null;
      this.report = r;
      this.phase = 'report';
    }, (e) => {
      if (e instanceof Cancelled || this.job !== job) return;
      this.job = null;
      this.error = e instanceof Error ? e.message : String(e);
      this.phase = 'failed';
    });
  }

  /** A file picked or dropped here: a spreadsheet is imported; a workspace file is opened instead, anything else refused (the dialog closes on both). */
  private async take(f: File): Promise<void> {
    const kind = await routeFile(this, f, (x) => this.begin(x));
    if (kind !== 'xlsx' && kind !== 'csv') this.close();
  }

  private pick(e: Event): void {
    const input = e.target as HTMLInputElement;
    const f = input.files?.[0];
    if (f) void this.take(f);
    input.value = '';
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) void this.take(f);
  }

  private onDrag(e: DragEvent, over: boolean): void {
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).classList.toggle('over', over);
  }

  private close(): void {
    this.job?.cancel();
    this.job = null;
    emit(this, { type: 'dialog', dialog: null });
  }

  private apply(onlyValid: boolean): void {
    if (this.report) emit(this, { type: 'import', report: this.report, mode: this.mode, onlyValid });
  }

  private progress() {
    const t = (k: MsgKey) => msg(this.view.lang, k);
    if (this.phase === 'reading') return html`<div data-testid="import-progress" data-phase="reading"><p>${t('reading')}</p>
    <progress aria-label=${t('reading')}></progress></div>`;
    const label = msg(this.view.lang, 'parsingRows', { done: this.done, total: this.total });
    return html`<div data-testid="import-progress" data-phase="parsing"><p>${label}</p><progress max=${Math.max(1, this.total)} .value=${this.done}
      aria-label=${label}></progress></div>`;
  }

  override render() {
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    const r = this.report;
    const busy = this.phase === 'reading' || this.phase === 'parsing';
    const lang = this.tplLang ?? s.lang;
    return html`<dialog aria-labelledby="imp-h" data-testid="import-dialog" @cancel=${(e: Event) => { e.preventDefault(); this.close(); }}>
      <div class="dh"><h2 id="imp-h">${t('importTitle')}</h2><button @click=${this.close} aria-label=${t('close')}>✕</button></div>
      <div class="db">
        <p class="muted">${t('importIntro')} ${msg(s.lang, 'importInto', { name: s.target })}</p>
        <div class="drop" @dragover=${(e: DragEvent) => this.onDrag(e, true)} @dragleave=${(e: DragEvent) => this.onDrag(e, false)} @drop=${this.onDrop}>
          <label class="file">${t('chooseFile')}<input class="sr-only" type="file" data-testid="import-file" ?disabled=${busy}
            accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" @change=${this.pick} /></label>
          <span class="muted">${t('dropFile')}</span>
        </div>
        <div class="tpl">
          <strong>${t('template')}:</strong>
          <label>${t('templateLang')} <select data-testid="template-lang" @change=${(e: Event) =>
            { this.tplLang = (e.target as HTMLSelectElement).value as 'zh' | 'en'; }}>
            <option value="zh" ?selected=${lang === 'zh'}>${t('zhHeaders')}</option><option value="en" ?selected=${lang === 'en'}>${t('enHeaders')}</option>
            </select></label>
          <button data-testid="template-xlsx" @click=${() => emit(this, { type: 'template', lang, format: 'xlsx' })}>.xlsx</button>
          <button data-testid="template-csv" @click=${() => emit(this, { type: 'template', lang, format: 'csv' })}>.csv</button>
        </div>
        <div aria-live="polite">
          ${busy ? this.progress() : nothing}
          ${this.phase === 'failed' ? html`<p class="err" role="alert">${t('importFailed')}${t('colon')}${this.error}</p>` : nothing}
        </div>
        ${r && this.phase === 'report' ? html`<gb-import-report .report=${r} .lang=${s.lang}></gb-import-report>
          ${r.fileError ? nothing : html`<fieldset><legend>${t('modeLabel')}</legend>
            ${(['merge', 'replace'] as const).map((m) => html`<label><input type="radio" name="mode" value=${m} data-testid="mode-${m}"
              .checked=${this.mode === m}
              @change=${() => { this.mode = m; }} /> ${t(m === 'merge' ? 'modeMerge' : 'modeReplace')}</label>`)}
          </fieldset>`}` : nothing}
      </div>
      <div class="df">
        ${r && this.phase === 'report' && r.errorCount > 0 && !r.fileError ? html`<span class="grow muted">${t('applyAllDisabled')}</span>` :
          html`<span class="grow"></span>`}
        <button data-testid="import-cancel" @click=${this.close}>${t('cancel')}</button>
        ${r && this.phase === 'report' && !r.fileError ? html`
          ${r.errorCount > 0 ? html`<button data-testid="apply-valid" ?disabled=${r.validRows === 0} @click=${() => this.apply(true)}>${msg(s.lang,
            'applyValid', { n: r.validRows })}</button>` : nothing}
          <button class="primary" data-testid="apply-all" ?disabled=${r.errorCount > 0} title=${r.errorCount > 0 ? t('applyAllDisabled') : ''}
            @click=${() => this.apply(false)}>${t('applyAll')}</button>` : nothing}
      </div>
    </dialog>`;
  }
}

customElements.define('gb-import', GbImport);
declare global {
  interface HTMLElementTagNameMap {
    'gb-import': GbImport;
  }
}
