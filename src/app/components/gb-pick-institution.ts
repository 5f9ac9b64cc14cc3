/**
 * A searchable institution picker (an ARIA combobox): type part of a name or a code, pick one of
 * the few matches listed (views/pick.ts), by mouse or with ↑ ↓ Enter (Esc closes). Only the
 * matches are in the DOM, so 3,000 institutions cost a dozen list items. Says which one was
 * picked with a `gb-pick` event (detail: its id); the owner turns that into an action.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { matchChoices, type PickChoice, type PickMatches } from '../views/pick.ts';
import type { Lang } from '../../display/lang.ts';

let uid = 0;

export class GbPickInstitution extends LitElement {
  static override properties = {
    choices: { attribute: false }, selected: {}, lang: {}, label: {}, testid: {},
    query: { state: true }, open: { state: true }, active: { state: true },
  };
  declare choices: readonly PickChoice[];
  /** The id picked (its name is shown while the field is not being typed in). */
  declare selected: string | null;
  declare lang: Lang;
  declare label: string;
  /** data-testid of the input; the list is `${testid}-list`. */
  declare testid: string;
  declare query: string;
  declare open: boolean;
  declare active: number;
  private readonly base = `gbpick${++uid}`;
  private memo: { choices: readonly PickChoice[]; query: string; out: PickMatches } | null = null;

  constructor() {
    super();
    this.choices = [];
    this.selected = null;
    this.lang = 'zh';
    this.label = '';
    this.testid = 'pick-institution';
    this.query = '';
    this.open = false;
    this.active = 0;
  }

  static override styles = [shared, css`
    :host { display: inline-flex; align-items: center; gap: 0.4rem; }
    .box { position: relative; display: inline-block; }
    input { width: 18rem; max-width: 60vw; }
    ul { position: absolute; z-index: 20; left: 0; right: 0; top: 100%; margin: 2px 0 0; padding: 0.2rem 0; list-style: none; background: #fff;
      border: 1px solid var(--gb-line); border-radius: 4px; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.12); min-width: 18rem; }
    li { padding: 0.25rem 0.6rem; cursor: pointer; display: flex; justify-content: space-between; align-items: baseline; gap: 0.8rem; }
    li[aria-selected='true'] { background: #e8eef8; }
    li .code { color: var(--gb-muted); font-size: 0.85em; font-variant-numeric: tabular-nums; }
    li.note { cursor: default; color: var(--gb-muted); font-size: 0.85em; }
  `];

  private found(): PickMatches {
    const m = this.memo;
    if (m && m.choices === this.choices && m.query === this.query) return m.out;
    const out = matchChoices(this.choices, this.query);
    this.memo = { choices: this.choices, query: this.query, out };
    return out;
  }

  private nameOf(id: string | null): string {
    return (id !== null && this.choices.find((c) => c.id === id)?.name) || '';
  }

  private pick(c: PickChoice): void {
    this.open = false;
    this.query = '';
    this.dispatchEvent(new CustomEvent<string>('gb-pick', { detail: c.id, bubbles: true, composed: true }));
  }

  private onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = 0;
  }

  private onKey(e: KeyboardEvent): void {
    const { matches } = this.found();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.open) { this.open = true; return; }
      const n = matches.length;
      if (n) this.active = (this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (e.key === 'Enter') {
      const c = this.open ? matches[this.active] : undefined;
      if (c) { e.preventDefault(); this.pick(c); }
    } else if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      this.open = false;
      this.query = '';
    }
  }

  override render() {
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(this.lang, k, vars);
    const editing = this.open || this.query !== '';
    const { matches, more } = this.open ? this.found() : { matches: [], more: 0 };
    const list = `${this.base}-list`;
    const act = this.open && matches[this.active] ? `${this.base}-o${this.active}` : '';
    return html`<label for="${this.base}-q">${this.label}</label><span class="box">
      <input id="${this.base}-q" type="search" role="combobox" autocomplete="off" data-testid=${this.testid} aria-autocomplete="list" aria-controls=${list}
        aria-expanded=${this.open ? 'true' : 'false'} aria-activedescendant=${act || nothing} placeholder=${t('pickPlaceholder')}
        .value=${editing ? this.query : this.nameOf(this.selected)}
        @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
        @input=${this.onInput} @keydown=${this.onKey} @blur=${() => { this.open = false; this.query = ''; }} />
      ${this.open ? html`<ul id=${list} role="listbox" data-testid="${this.testid}-list" aria-label=${this.label}>
        ${matches.map((c, k) => html`<li id="${this.base}-o${k}" role="option" aria-selected=${k === this.active ? 'true' : 'false'} data-id=${c.id}
          @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.pick(c)}><span>${c.name}</span><span class="code">${c.id}</span></li>`)}
        ${matches.length === 0 ? html`<li class="note" role="option" aria-disabled="true" aria-selected="false">${t('pickNone')}</li>` : nothing}
        ${more > 0 ? html`<li class="note" role="option" aria-disabled="true" aria-selected="false">${t('pickMore', { n: more })}</li>` : nothing}
      </ul>` : nothing}</span>`;
  }
}

customElements.define('gb-pick-institution', GbPickInstitution);
declare global {
  interface HTMLElementTagNameMap {
    'gb-pick-institution': GbPickInstitution;
  }
}
