/**
 * The notice for a stored workspace that cannot be loaded: what is wrong, and the user's three
 * choices (download it as it is, open a repaired file, discard it). Nothing happens until one is made.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit, emitPickedFile } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { RecoveryView } from '../views/page.ts';

export class GbRecovery extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: RecoveryView;

  static override styles = [shared, css`
    :host { display: block; margin: 0.6rem 0; }
    section { background: #fff4e5; border: 2px solid #e0a040; border-radius: 6px; padding: 0.8rem 1rem; }
    h2 { margin: 0 0 0.4rem; font-size: 1.05rem; color: #8a4b00; }
    p { margin: 0.2rem 0 0.4rem; }
    ul { margin: 0.3rem 0 0.6rem; padding-left: 1.2rem; max-height: 12rem; overflow: auto; font-family: ui-monospace, monospace; font-size: 0.85em; }
    .actions { display: flex; gap: 0.6rem; flex-wrap: wrap; align-items: center; }
    .file { display: inline-block; cursor: pointer; border: 1px solid var(--gb-blue); color: var(--gb-blue); border-radius: 4px; padding: 0.3rem 0.65rem;
      background: #fff; }
    .file:focus-within { outline: 2px solid var(--gb-focus); }
  `];

  private pick(e: Event): Promise<void> {
    return emitPickedFile(this, e);
  }

  override render() {
    const v = this.view;
    const t = (k: MsgKey) => msg(v.lang, k);
    return html`<section role="alert" data-testid="recovery">
      <h2>${t('recoveryTitle')}</h2>
      <p>${t('recoveryBody')}</p>
      ${v.issues.length ? html`<ul data-testid="recovery-issues">${v.issues.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
      <div class="actions">
        <button data-testid="recovery-download" ?disabled=${!v.canDownload} @click=${() =>
          emit(this, { type: 'recovery', op: 'download' })}>${t('recoveryDownload')}</button>
        <label class="file">${t('recoveryOpen')}<input type="file" accept=".json,application/json" class="sr-only" data-testid="recovery-open"
          @change=${this.pick} /></label>
        <button data-testid="recovery-discard" @click=${() => emit(this, { type: 'recovery', op: 'discard' })}>${t('recoveryDiscard')}</button>
      </div>
    </section>`;
  }
}

customElements.define('gb-recovery', GbRecovery);
declare global {
  interface HTMLElementTagNameMap {
    'gb-recovery': GbRecovery;
  }
}
