/**
 * Provenance of one parameter: a small badge (官方 official / 假设 assumption) beside it; the
 * document, number, article, date and note on hover or focus, and in a popover on click, where
 * the source can be edited or removed. A parameter without one offers "+ source". Sources are
 * saved in the scenario (policy.sources, keyed by the parameter's path).
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { Provenance } from '../../format/types.ts';
import './gb-source-form.ts';
import type { Lang } from '../../display/lang.ts';

let uid = 0;

export class GbSource extends LitElement {
  static override properties = { key: {}, source: { attribute: false }, inherited: { type: Boolean }, lang: {}, open: { state: true },
    editing: { state: true } };
  /** The parameter's path, as policy.sources keys it ("policy.deposit.rates.hospital"). */
  declare key: string;
  /** Its source, if any. */
  declare source: Provenance | undefined;
  /** A variant changed the value but still carries the baseline's source for it. */
  declare inherited: boolean;
  declare lang: Lang;
  declare open: boolean;
  declare editing: boolean;
  private readonly pid = `src${++uid}`;

  constructor() {
    super();
    this.key = '';
    this.source = undefined;
    this.inherited = false;
    this.lang = 'zh';
    this.open = false;
    this.editing = false;
  }

  static override styles = [shared, css`
    :host { display: inline-block; position: relative; margin-left: 0.3em; vertical-align: baseline; font-size: 0.8rem; }
    button.b { font-size: 0.75rem; line-height: 1.3; padding: 0 0.4em; border-radius: 3px; border: 1px solid transparent; }
    button.official { background: #e3f3e8; color: #17612f; border-color: #b5dcc2; }
    button.assumption { background: #fff1d6; color: #7a4f00; border-color: #f0cf8f; }
    button.inherited { border-style: dashed; border-color: #c77700; }
    .warn { color: #8a5a00; margin-top: 0.3rem; }
    button.add { color: var(--gb-muted); background: transparent; border-color: transparent; opacity: 0.55; }
    button.add:hover, button.add:focus-visible, button.add[aria-expanded='true'] { opacity: 1; border-color: var(--gb-line); }
    .pop { display: none; position: absolute; z-index: 20; top: calc(100% + 4px); left: 0; width: 22rem; max-width: 80vw; background: #fff;
      color: var(--gb-text);
      border: 1px solid var(--gb-line); border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,0.18); padding: 0.5rem 0.7rem; font-size: 0.85rem;
        text-align: left; white-space: normal; }
    :host(:hover) .pop.has, :host(:focus-within) .pop.has, .pop.open { display: block; }
    dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.6rem; }
    dt { color: var(--gb-muted); }
    dd { margin: 0; }
    .acts { display: flex; gap: 0.4rem; margin-top: 0.4rem; }
    @media print { :host { display: none; } }
  `];

  private toggle(): void {
    this.open = !this.open;
    this.editing = this.open && !this.source;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      e.stopPropagation();
      this.open = false;
      this.editing = false;
      this.renderRoot.querySelector<HTMLButtonElement>('button.b')?.focus();
    }
  }

  private save(p: Provenance | undefined): void {
    emit(this, { type: 'edit', path: ['policy', 'sources', this.key], value: p });
    this.open = false;
    this.editing = false;
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const p = this.source;
    const flag = !!p && this.inherited;
    const label = p ? `${flag ? '⚠ ' : ''}${t(p.status)}` : `＋${t('source')}`;
    return html`<span @keydown=${this.onKey}>
      <button class="b ${p ? p.status : 'add'} ${flag ? 'inherited' : ''}" data-testid="source-badge" data-key=${this.key} data-status=${p?.status ?? ''}
        data-inherited=${flag ? 'true' : 'false'}
        aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.pid} aria-describedby=${p ? this.pid : nothing}
        aria-label=${p ? `${t('source')}${t('colon')}${t(p.status)}${flag ? ` — ${t('inheritedSource')}` : ''}` : t('addSource')}
        @click=${this.toggle}>${label}</button>
      <div id=${this.pid} class="pop ${p ? 'has' : ''} ${this.open ? 'open' : ''}" role=${this.open ? 'dialog' : 'tooltip'} aria-label=${t('source')}
        data-testid="source-pop">
        ${p && !this.editing ? html`<dl>
          <dt>${t('srcStatus')}</dt><dd>${t(p.status)}</dd>
          <dt>${t('srcDocument')}</dt><dd>${p.document}</dd>
          ${p.number ? html`<dt>${t('srcNumber')}</dt><dd>${p.number}</dd>` : nothing}
          ${p.article ? html`<dt>${t('srcArticle')}</dt><dd>${p.article}</dd>` : nothing}
          ${p.date ? html`<dt>${t('srcDate')}</dt><dd>${p.date}</dd>` : nothing}
          ${p.note ? html`<dt>${t('srcNote')}</dt><dd>${p.note}</dd>` : nothing}
        </dl>
        ${flag ? html`<p class="warn" data-testid="source-inherited">${t('inheritedSource')}</p>` : nothing}
        ${this.open ? html`<div class="acts"><button data-testid="source-edit" @click=${() => { this.editing = true; }}>${t('editSource')}</button>
          <button @click=${() => this.save(undefined)}>${t('removeSource')}</button></div>` : nothing}` : nothing}
        ${this.open && this.editing ? html`<gb-source-form .source=${p} .lang=${this.lang} @save=${(e: CustomEvent<Provenance>) => this.save(e.detail)}
          @cancel=${() => { this.editing = false; this.open = !!p && this.open; }}></gb-source-form>` : nothing}
      </div>
    </span>`;
  }
}

customElements.define('gb-source', GbSource);
declare global {
  interface HTMLElementTagNameMap {
    'gb-source': GbSource;
  }
}

/** The badge of `key` in a heading (sources: the scenario's policy.sources). */
export function sourceBadge(sources: Record<string, Provenance> | undefined, key: string, lang: Lang, inherited?: ReadonlySet<string> | null) {
  return html`<gb-source .key=${key} .source=${sources?.[key]} ?inherited=${inherited?.has(key) ?? false} .lang=${lang}></gb-source>`;
}
