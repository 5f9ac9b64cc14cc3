/** The scenario bar: which scenario is shown, create / duplicate / rename / delete, and what a variant changes. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { AppState } from '../state/app-state.ts';
import { describeChange } from '../../workspace/changes.ts';
import { BASELINE, changesOf, refKeys, refName } from '../../workspace/workspace.ts';

export class GbVariantBar extends LitElement {
  static override properties = { state: { attribute: false }, renaming: { state: true }, confirming: { state: true } };
  /** App state (read only). */
  declare state: AppState;
  declare renaming: boolean;
  declare confirming: boolean;

  constructor() {
    super();
    this.renaming = false;
    this.confirming = false;
  }

  static override styles = [shared, css`
    .bar { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    select { min-width: 14rem; font-weight: 600; }
    details { margin-top: 0.4rem; font-size: 0.9em; }
    ul { margin: 0.3rem 0; padding-left: 1.2rem; max-height: 10rem; overflow: auto; }
  `];

  private nextName(): string {
    const n = this.state.ws.variants.length + 1;
    return this.state.lang === 'zh' ? `变体方案 ${n}` : `Variant ${n}`;
  }

  private rename(e: Event): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#rename')!;
    const name = input.value.trim();
    if (name) emit(this, { type: 'renameVariant', id: this.state.active, name });
    this.renaming = false;
  }

  override render() {
    const s = this.state;
    const t = (k: MsgKey) => msg(s.lang, k);
    const isVariant = s.active !== BASELINE;
    let changes: string[] = [];
    try {
      changes = isVariant ? changesOf(s.ws, s.active).map((c) => describeChange(c, s.ws.baseline, s.lang)) : [];
    } catch (e) {
      changes = [(e as Error).message];
    }
    return html`<div class="card" data-testid="variant-bar">
      <div class="bar">
        <label for="active">${t('activeScenario')}</label>
        <select id="active" data-testid="active-scenario" @change=${(e: Event) => emit(this, { type: 'active', ref: (e.target as HTMLSelectElement).value })}>
          ${refKeys(s.ws).map((k) => html`<option value=${k} ?selected=${k === s.active}>${k === BASELINE ? `${t('baseline')} · ` : ''}${refName(s.ws, k)}</option>`)}
        </select>
        <button class="primary" data-testid="new-variant" @click=${() => emit(this, { type: 'addVariant', name: this.nextName(), from: BASELINE })}>＋ ${t('newVariant')}</button>
        <button data-testid="duplicate" @click=${() => emit(this, { type: 'addVariant', name: `${refName(s.ws, s.active)} (2)`, from: s.active })}>${t('duplicate')}</button>
        ${isVariant ? html`
          ${this.renaming
            ? html`<form @submit=${this.rename} class="bar"><label for="rename" class="sr-only">${t('variantName')}</label>
                <input id="rename" data-testid="rename-input" .value=${refName(s.ws, s.active)} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') this.renaming = false; }} />
                <button type="submit">OK</button></form>`
            : html`<button data-testid="rename" @click=${() => { this.renaming = true; this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#rename')?.select()); }}>${t('rename')}</button>`}
          ${this.confirming
            ? html`<span role="alert">${msg(s.lang, 'confirmDelete', { name: refName(s.ws, s.active) })}</span>
                <button data-testid="confirm-delete" @click=${() => { this.confirming = false; emit(this, { type: 'deleteVariant', id: s.active }); }}>${t('delete')}</button>
                <button @click=${() => { this.confirming = false; }}>${t('close')}</button>`
            : html`<button data-testid="delete" @click=${() => { this.confirming = true; }}>${t('delete')}</button>`}
        ` : nothing}
      </div>
      ${isVariant ? html`<details ?open=${changes.length > 0 && changes.length <= 8} data-testid="changes">
        <summary>${t('changesVsBaseline')} (${changes.length})</summary>
        ${changes.length ? html`<ul>${changes.map((c) => html`<li>${c}</li>`)}</ul>` : html`<p class="muted">${t('noChanges')}</p>`}
      </details>` : nothing}
    </div>`;
  }
}

customElements.define('gb-variant-bar', GbVariantBar);
declare global {
  interface HTMLElementTagNameMap {
    'gb-variant-bar': GbVariantBar;
  }
}
