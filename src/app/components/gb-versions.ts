/** 版本记录: the versions of the workspace kept in this browser, newest first; restore one (through the gate, undoable). */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { dialogStyles } from './dialog-styles.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { VersionsView } from '../views/dialogs.ts';

export class GbVersions extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: VersionsView;

  static override styles = [shared, dialogStyles, css`
    dialog { width: min(900px, 94vw); }
    table { width: 100%; border-collapse: collapse; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--gb-line); vertical-align: top; }
    td.time, td.size { white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.size { text-align: right; color: var(--gb-muted); }
    td.act { text-align: right; }
    .err { color: var(--gb-red, #b00020); }
  `];

  override updated(): void {
    const d = this.renderRoot.querySelector('dialog');
    if (d && !d.open) d.showModal();
  }

  override render() {
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    const close = () => emit(this, { type: 'dialog', dialog: null });
    return html`<dialog aria-labelledby="ver-h" data-testid="versions-dialog" @cancel=${(e: Event) => { e.preventDefault(); close(); }}>
      <div class="dh"><h2 id="ver-h">${t('versionsTitle')}</h2><button @click=${close} aria-label=${t('close')}>✕</button></div>
      <div class="db">
        <p class="muted">${t('versionsIntro')}</p>
        ${s.error ? html`<p class="err" role="alert" data-testid="versions-error">${s.error}</p>` : nothing}
        ${s.loading ? html`<p aria-busy="true">${t('versionsLoading')}</p>`
          : !s.rows.length && !s.error ? html`<p data-testid="versions-empty">${t('versionsEmpty')}</p>`
          : s.rows.length ? html`<table data-testid="versions-list">
            <thead><tr><th>${t('versionTime')}</th><th>${t('versionSummary')}</th><th>${t('versionSize')}</th><th></th></tr></thead>
            <tbody>${s.rows.map((r) => html`<tr data-testid="version" data-id=${r.id}>
              <td class="time">${r.time}</td><td>${r.summary}</td><td class="size">${r.size}</td>
              <td class="act"><button data-testid="version-restore" ?disabled=${s.busy} aria-busy=${r.busy ? 'true' : 'false'}
                @click=${() => emit(this, { type: 'restoreVersion', id: r.id })}>${r.busy ? t('versionRestoring') : t('versionRestore')}</button></td>
            </tr>`)}</tbody></table>` : nothing}
        ${s.unreadable ? html`<p class="muted" data-testid="versions-unreadable">${s.unreadable}</p>` : nothing}
      </div>
      <div class="df"><button data-testid="versions-close" @click=${close}>${t('close')}</button></div>
    </dialog>`;
  }
}

customElements.define('gb-versions', GbVersions);
declare global {
  interface HTMLElementTagNameMap {
    'gb-versions': GbVersions;
  }
}
