/** The data tab's add-institution form: code, name, level, category, class and each year's fund spending; the gate decides (state/handle-institutions.ts). */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { editedText, typedValue } from '../views/field-text.ts';
import type { DataView } from '../views/data.ts';
import { draftHospital, type DraftField, type InstitutionAttr, type InstitutionDraft } from '../views/institutions.ts';
import { historyYearsOf } from '../views/brief-sources.ts';
import { yearName } from '../../display/glossary.ts';

export class GbAddInstitution extends LitElement {
  static override properties = { view: { attribute: false }, draft: { state: true }, errors: { state: true } };
  declare view: DataView;
  declare draft: InstitutionDraft | null;
  declare errors: Map<DraftField, MsgKey>;

  constructor() {
    super();
    this.draft = null;
    this.errors = new Map();
  }

  static override styles = [shared, css`
    form { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.5rem 0.8rem; align-items: end; }
    label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.85rem; }
    input, select { width: 100%; box-sizing: border-box; }
    input[aria-invalid='true'] { border-color: var(--gb-neg); background: #fff5f5; }
    .buttons { display: flex; gap: 0.5rem; grid-column: 1 / -1; }
    .err { margin-top: 0.5rem; }
    .bad { color: var(--gb-neg); font-size: 0.8rem; }
  `];

  private set(k: keyof Omit<InstitutionDraft, 'history'>, v: string): void {
    this.draft = { ...this.draft!, [k]: v };
  }

  private setYear(k: number, raw: string): void {
    // Shown back with separators in the unit shown, once it reads as an amount.
    const r = typedValue('money', raw, false, this.view.unit);
    const text = r.ok ? editedText('money', r.value, this.view.unit) : raw;
    this.draft = { ...this.draft!, history: this.draft!.history.map((x, i) => (i === k ? text : x)) };
  }

  private submit(e: Event): void {
    e.preventDefault();
    const r = draftHospital(this.draft!, this.view.unit);
    this.errors = new Map(r.ok ? [] : r.errors);
    if (r.ok) emit(this, { type: 'addInstitution', hospital: r.hospital });
  }

  override willUpdate(): void {
    // A fresh form each time it opens; what was typed stays while it is open (a refusal included).
    if (!this.view.adding) { this.draft = null; this.errors = new Map(); } else this.draft ??= this.view.adding.empty;
  }

  override render() {
    const v = this.view;
    const d = this.draft;
    if (!v.adding || !v.scenario || !d) return html``;
    const t = (k: MsgKey) => msg(v.lang, k);
    const bad = (f: DraftField) => (this.errors.has(f) ? html`<span class="bad">${t(this.errors.get(f)!)}</span>` : '');
    const select = (attr: InstitutionAttr, label: MsgKey) => html`<label>${t(label)}
      <select data-testid="add-${attr}" .value=${d[attr]} @change=${(e: Event) => this.set(attr, (e.target as HTMLSelectElement).value)}>
        ${v.options[attr].map((o) => html`<option value=${o.value} ?selected=${o.value === d[attr]}>${o.label}</option>`)}
      </select></label>`;
    const years = historyYearsOf(v.scenario);
    return html`<div class="card" data-testid="add-institution" role="group" aria-label=${t('addInstitution')}>
      <h3>${t('addInstitution')}</h3>
      <p class="muted">${t('addInstitutionHint')}</p>
      <form @submit=${(e: Event) => this.submit(e)}>
        <label>${t('institutionCode')}<input data-testid="add-id" .value=${d.id} aria-invalid=${this.errors.has('id') ? 'true' : 'false'}
          @input=${(e: Event) => this.set('id', (e.target as HTMLInputElement).value)} />${bad('id')}</label>
        <label>${t('institutionName')}<input data-testid="add-name" .value=${d.name} aria-invalid=${this.errors.has('name') ? 'true' : 'false'}
          @input=${(e: Event) => this.set('name', (e.target as HTMLInputElement).value)} />${bad('name')}</label>
        ${select('level', 'level')}${select('category', 'category')}${select('class', 'klass')}
        ${years.map((year, k) => html`<label>${yearName(year, v.lang)}${v.lang === 'zh' ? '' : ' '}${t('history')} (${t(v.unit)})
          <input class="num" data-testid="add-history-${k}" inputmode="decimal" .value=${d.history[k] ?? ''} aria-invalid=${this.errors.has(`history.${k}`) ?
            'true' : 'false'}
            @change=${(e: Event) => this.setYear(k, (e.target as HTMLInputElement).value)} />${bad(`history.${k}`)}</label>`)}
        <div class="buttons">
          <button class="primary" type="submit" data-testid="add-submit">${t('add')}</button>
          <button type="button" data-testid="add-cancel" @click=${() => emit(this, { type: 'addInstitutionForm', open: false })}>${t('cancel')}</button>
        </div>
      </form>
      ${v.adding.refused.length ? html`<div class="err" role="alert" data-testid="add-refused"><div>${t('addRefused')}</div>
        ${v.adding.refused.map((line) => html`<div>${line}</div>`)}</div>` : ''}
    </div>`;
  }
}

customElements.define('gb-add-institution', GbAddInstitution);
declare global {
  interface HTMLElementTagNameMap {
    'gb-add-institution': GbAddInstitution;
  }
}
