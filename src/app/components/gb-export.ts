/** Export: results workbook of the scenario shown or of the compared scenarios, the institutions table (CSV), the institutions' data. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { dialogStyles } from './dialog-styles.ts';
import { emit, type ExportWhat } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { ExportView } from '../views/dialogs.ts';

export class GbExport extends LitElement {
  static override properties = { view: { attribute: false }, busy: { state: true } };
  /** The exports on offer. */
  declare view: ExportView;
  declare busy: ExportWhat | null;

  constructor() {
    super();
    this.busy = null;
  }

  static override styles = [shared, dialogStyles, css`
    ul { list-style: none; padding: 0; margin: 0; }
    li { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: 0.5rem 0; border-bottom: 1px solid var(--gb-line); }
    dialog { width: min(720px, 94vw); }
  `];

  override updated(): void {
    const d = this.renderRoot.querySelector('dialog');
    if (d && !d.open) d.showModal();
  }

  private async run(what: ExportWhat): Promise<void> {
    this.busy = what;
    await new Promise<void>((done) => emit(this, { type: 'export', what, done }));
    this.busy = null;
  }

  override render() {
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    const items = s.items.map((i) => [i.what, i.label] as const);
    return html`<dialog aria-labelledby="exp-h" data-testid="export-dialog" @cancel=${(e: Event) =>
      { e.preventDefault(); emit(this, { type: 'dialog', dialog: null }); }}>
      <div class="dh"><h2 id="exp-h">${t('exportTitle')}</h2><button @click=${() => emit(this, { type: 'dialog', dialog: null })}
        aria-label=${t('close')}>✕</button></div>
      <div class="db">
        <p class="muted">${t('exportHint')}</p>
        <ul>${items.map(([what, label]) => html`<li><span>${label}</span>
          <button class="primary" data-testid="export-${what}" ?disabled=${this.busy !== null} aria-busy=${this.busy === what ? 'true' : 'false'}
            @click=${() => this.run(what)}>${this.busy === what ? t('exporting') : t('download')}</button></li>`)}</ul>
      </div>
      <div class="df"><button data-testid="export-close" @click=${() => emit(this, { type: 'dialog', dialog: null })}>${t('close')}</button></div>
    </dialog>`;
  }
}

customElements.define('gb-export', GbExport);
declare global {
  interface HTMLElementTagNameMap {
    'gb-export': GbExport;
  }
}
