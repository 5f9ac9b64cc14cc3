/** The small form to add or edit a parameter's source; dispatches `save` (the source) or `cancel`. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { Provenance } from '../../format/types.ts';
import type { Lang } from '../../display/lang.ts';

export class GbSourceForm extends LitElement {
  static override properties = { source: { attribute: false }, lang: {}, error: { state: true } };
  /** The source being edited (absent: a new one). */
  declare source: Provenance | undefined;
  declare lang: Lang;
  declare error: string;

  constructor() {
    super();
    this.source = undefined;
    this.lang = 'zh';
    this.error = '';
  }

  static override styles = [shared, css`
    form { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 0.5rem; align-items: center; }
    input, select, textarea { width: 100%; }
    textarea { min-height: 3.5rem; }
    .acts { grid-column: 1 / -1; display: flex; gap: 0.4rem; justify-content: flex-end; }
  `];

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="document"]')?.focus();
  }

  private submit(e: Event): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => String(f.get(k) ?? '').trim();
    const document = get('document');
    if (!document) { this.error = msg(this.lang, 'srcDocumentRequired'); return; }
    const p: Provenance = { document, status: get('status') === 'official' ? 'official' : 'assumption' };
    for (const k of ['number', 'article', 'date', 'note'] as const) { const v = get(k); if (v) p[k] = v; }
    this.dispatchEvent(new CustomEvent('save', { detail: p }));
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const p = this.source;
    const field = (name: 'number' | 'article' | 'date', key: MsgKey) =>
      html`<label for="s-${name}">${t(key)}</label><input id="s-${name}" name=${name} .value=${p?.[name] ?? ''} />`;
    return html`<form data-testid="source-form" @submit=${this.submit}>
      <label for="s-document">${t('srcDocument')}</label>
      <input id="s-document" name="document" required .value=${p?.document ?? ''} aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="s-err" />
      ${field('number', 'srcNumber')}${field('article', 'srcArticle')}${field('date', 'srcDate')}
      <label for="s-status">${t('srcStatus')}</label>
      <select id="s-status" name="status">
        <option value="official" ?selected=${p?.status === 'official'}>${t('official')}</option>
        <option value="assumption" ?selected=${p?.status !== 'official'}>${t('assumption')}</option>
      </select>
      <label for="s-note">${t('srcNote')}</label><textarea id="s-note" name="note" .value=${p?.note ?? ''}></textarea>
      <div id="s-err" class="err acts" role=${this.error ? 'alert' : ''}>${this.error}</div>
      <div class="acts"><button type="button" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${msg(this.lang, 'cancel')}</button>
        <button class="primary" type="submit" data-testid="source-save">${t('saveSource')}</button></div>
    </form>`;
  }
}

customElements.define('gb-source-form', GbSourceForm);
declare global {
  interface HTMLElementTagNameMap {
    'gb-source-form': GbSourceForm;
  }
}
