/** The scenario bar: which scenario is shown, create / duplicate / rename / delete, and what a variant changes. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { ScenarioBarView } from '../views/scenario-bar.ts';

export class GbVariantBar extends LitElement {
  static override properties = { view: { attribute: false }, renaming: { state: true }, confirming: { state: true } };
  /** The scenarios, the one shown and its changes. */
  declare view: ScenarioBarView;
  declare renaming: boolean;
  declare confirming: boolean;

  constructor() {
    super();
    this.renaming = false;
    this.confirming = false;
  }

  static override styles = [shared, css`
    .bar { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    /* As wide as the longest name (a select is as wide as its widest option), never wider than the page: a name is never cut at 1280. */
    select { min-width: 14rem; max-width: 100%; font-weight: 600; }
    .card { padding: 0.5rem 1rem; margin-bottom: 0; }
    /* The change list takes the rest of the line when it has room for it, else a line of its own (never squeezed into a clipped column). */
    details { font-size: 0.9em; flex: 1 1 24rem; min-width: min(100%, 24rem); }
    details[open] { display: flex; gap: 0.5rem; align-items: baseline; }
    summary { white-space: nowrap; }
    ul { margin: 0; padding: 0; list-style: none; max-height: 3.2em; overflow: auto; min-width: 0; overflow-wrap: anywhere; }
    li { display: inline; }
    li + li::before { content: '；'; color: var(--gb-muted); }
  `];

  private rename(e: Event): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#rename')!;
    const name = input.value.trim();
    if (name) emit(this, { type: 'renameVariant', id: this.view.active, name });
    this.renaming = false;
  }

  override render() {
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    const { isVariant, changes } = s;
    return html`<div class="card" data-testid="variant-bar">
      <div class="bar">
        <label for="active">${t('activeScenario')}</label>
        <select id="active" data-testid="active-scenario" title=${s.activeName}
          @change=${(e: Event) => emit(this, { type: 'active', ref: (e.target as HTMLSelectElement).value })}>
          ${s.scenarios.map((c) => html`<option value=${c.key} ?selected=${c.key === s.active}>${c.baseline ? `${t('baseline')} · ` : ''}${c.name}</option>`)}
        </select>
        <button class="primary" data-testid="new-variant" @click=${() => emit(this,
          { type: 'addVariant', name: s.nextName, from: s.baselineKey })}>＋ ${t('newVariant')}</button>
        <button data-testid="duplicate" @click=${() => emit(this, { type: 'addVariant', name: `${s.activeName} (2)`,
          from: s.active })}>${t('duplicate')}</button>
        ${isVariant ? html`
          ${this.renaming
            ? html`<form @submit=${this.rename} class="bar"><label for="rename" class="sr-only">${t('variantName')}</label>
                <input id="rename" data-testid="rename-input" .value=${s.activeName}
                  @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') this.renaming = false; }} />
                <button type="submit">OK</button></form>`
            : html`<button data-testid="rename" @click=${() => { this.renaming = true; this.updateComplete.then(() =>
              this.renderRoot.querySelector<HTMLInputElement>('#rename')?.select()); }}>${t('rename')}</button>`}
          ${this.confirming
            ? html`<span role="alert">${msg(s.lang, 'confirmDelete', { name: s.activeName })}</span>
                <button data-testid="confirm-delete" @click=${() => { this.confirming = false; emit(this,
                  { type: 'deleteVariant', id: s.active }); }}>${t('delete')}</button>
                <button @click=${() => { this.confirming = false; }}>${t('close')}</button>`
            : html`<button data-testid="delete" @click=${() => { this.confirming = true; }}>${t('delete')}</button>`}
        ` : nothing}
      ${isVariant ? html`<details ?open=${changes.length > 0 && changes.length <= 8} data-testid="changes">
        <summary>${t('changesVsBaseline')} (${changes.length})</summary>
        ${changes.length ? html`<ul>${changes.map((c) => html`<li>${c}</li>`)}</ul>` : html`<p class="muted">${t('noChanges')}</p>`}
      </details>` : nothing}
      </div>
    </div>`;
  }
}

customElements.define('gb-variant-bar', GbVariantBar);
declare global {
  interface HTMLElementTagNameMap {
    'gb-variant-bar': GbVariantBar;
  }
}
