/** Header tools: fingerprint, undo/redo, open/save, import/export spreadsheets, 元/万元, language. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { emit, emitPickedFile } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { ToolbarView } from '../views/toolbar.ts';

/** The first 8 hex digits of "sha256:…" (the full one in the title and the exports): enough to compare by eye. */
const shortFingerprint = (fp: string): string => fp.replace(/^sha256:/, '').slice(0, 8);

/** What the save status shows (short: the toolbar keeps one line at 1280 in English) and its whole sentence (the title). */
const SAVE_WORDS = {
  saved: ['saveSaved', 'saveSaved'], saving: ['saveSaving', 'saveSaving'], off: ['saveOffShort', 'saveOff'], error: ['saveErrorShort', 'saveError'],
  follow: ['saveFollowShort', 'saveFollow'],
} as const satisfies Record<ToolbarView['saveState'], readonly [MsgKey, MsgKey]>;

export class GbToolbar extends LitElement {
  static override properties = { view: { attribute: false } };
  /** What the tools show. */
  declare view: ToolbarView;

  static override styles = [shared, css`
    :host { display: flex; justify-content: flex-end; }
    /* One line always: the controls keep their width; only the two texts (fingerprint, save status) may shrink, to an ellipsis with the whole in the title. */
    .bar { display: flex; gap: 0.3rem; align-items: center; flex-wrap: nowrap; justify-content: flex-end; }
    .bar > * { flex: none; }
    .bar > .fp, .bar > .save { flex: 0 1 auto; min-width: 3rem; overflow: hidden; text-overflow: ellipsis; }
    button, .file { background: rgba(255,255,255,0.12); color: #fff; border: 1px solid rgba(255,255,255,0.35); border-radius: 4px; padding: 0.3rem 0.5rem; }
    button:hover:not(:disabled), .file:hover { background: rgba(255,255,255,0.22); border-color: #fff; }
    .file { cursor: pointer; }
    .file:focus-within { outline: 2px solid var(--gb-focus); }
    .fp { font-family: ui-monospace, monospace; font-size: 0.75rem; white-space: nowrap; background: rgba(0,0,0,0.2); padding: 0.2rem 0.5rem;
      border-radius: 4px; }
    fieldset { border: 1px solid rgba(255,255,255,0.35); border-radius: 4px; padding: 0.1rem 0.4rem; margin: 0; display: flex; gap: 0.4rem; }
    legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    label { cursor: pointer; font-size: 0.9rem; white-space: nowrap; }
    button { white-space: nowrap; }
    .save { font-size: 0.8rem; opacity: 0.85; white-space: nowrap; max-width: 12rem; }
    .save[data-state='off'], .save[data-state='error'], .save[data-state='follow'] { opacity: 1; color: #ffd28a; font-weight: 600; }
    .sep { width: 1px; height: 1.4rem; background: rgba(255,255,255,0.3); margin: 0 0.1rem; }
    /* Below 1600 px the English labels are wider than the header: tighter buttons keep it beside the title on one line (1280 and 1440). */
    @media (max-width: 1599px) {
      .bar { gap: 0.2rem; }
      button, .file { padding: 0.25rem 0.35rem; font-size: 0.85rem; }
      .fp { font-size: 0.7rem; padding: 0.15rem 0.35rem; }
      label { font-size: 0.85rem; }
      .sep { margin: 0; }
    }
  `];

  private pick(e: Event): Promise<void> {
    return emitPickedFile(this, e);
  }

  override render() {
    const s = this.view;
    const t = (k: MsgKey) => msg(s.lang, k);
    const fp = s.fingerprint;
    const status = s.status === 'invalid' ? t('invalidScenario') : s.status === 'computing' ? t('computing') : '';
    return html`<div class="bar">
      <span class="fp" title=${fp ? `${t('fingerprintHint')}\n${fp}` : t('fingerprintHint')} data-testid="fingerprint" data-fp=${fp ?? ''}>
        ${t('fingerprint')} ${fp ? shortFingerprint(fp) : (status || '…')}</span>
      <span class="save" data-testid="save-state" data-state=${s.saveState} title=${`${t(SAVE_WORDS[s.saveState][1])}\n${t('saveStateHint')}`}
        >${t(SAVE_WORDS[s.saveState][0])}</span>
      <span class="sep"></span>
      <button data-testid="undo" ?disabled=${!s.canUndo} @click=${() => emit(this, { type: 'undo' })} title="Ctrl+Z">${t('undo')}</button>
      <button data-testid="redo" ?disabled=${!s.canRedo} @click=${() => emit(this, { type: 'redo' })} title="Ctrl+Y">${t('redo')}</button>
      <span class="sep"></span>
      <label class="file">${t('open')}<input type="file" accept=".json,.xlsx,.csv,application/json" class="sr-only" data-testid="open-file" @change=${this.pick}
        /></label>
      <button data-testid="save" @click=${() => emit(this, { type: 'save', what: 'workspace' })}>${t('save')}</button>
      <button data-testid="save-scenario" @click=${() => emit(this, { type: 'save', what: 'scenario' })}>${t('saveScenario')}</button>
      <button data-testid="open-points-example" title=${t('ptsExampleHint')} @click=${() =>
        emit(this, { type: 'openPointsExample' })}>${t('ptsExample')}</button>
      <span class="sep"></span>
      <button data-testid="open-import" title=${t('importData')} @click=${() => emit(this, { type: 'dialog', dialog: 'import' })}>${t('importShort')}</button>
      <button data-testid="open-export" @click=${() => emit(this, { type: 'dialog', dialog: 'export' })}>${t('exportData')}</button>
      <button data-testid="open-versions" title=${t('versionsHint')} @click=${() => emit(this, { type: 'versions' })}>${t('versions')}</button>
      <span class="sep"></span>
      <fieldset>
        <legend>${t('unit')}</legend>
        ${(['yuan', 'wan'] as const).map((u) => html`<label><input type="radio" name="unit" value=${u} data-testid="unit-${u}"
          .checked=${s.unit === u} @change=${() => emit(this, { type: 'unit', unit: u })} /> ${t(u)}</label>`)}
      </fieldset>
      <button data-testid="lang" lang=${s.lang === 'zh' ? 'en' : 'zh'} @click=${() =>
        emit(this, { type: 'lang', lang: s.lang === 'zh' ? 'en' : 'zh' })}>${t('langSwitch')}</button>
    </div>`;
  }
}

customElements.define('gb-toolbar', GbToolbar);
declare global {
  interface HTMLElementTagNameMap {
    'gb-toolbar': GbToolbar;
  }
}
