/**
 * A labelled input for one field of the scenario. Checks what is typed (amount, rate, share,
 * whole number, score) and marks it with the reason when wrong; a valid value is dispatched as
 * an edit of `path`. Problems the engine reports for this path are shown under it too.
 * With `check` (formulas), what is typed is checked while typing (300 ms after the last key)
 * and its problem shown with where it is; nothing is applied until Enter or leaving the box.
 */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg } from '../i18n/index.ts';
import { PERCENT_KINDS, type FieldKind } from '../views/validate-field.ts';
import { editedText, restingText, typedValue } from '../views/field-text.ts';
import type { Provenance } from '../../format/types.ts';
import './gb-source.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { FormulaProblem } from '../views/formula.ts';
import { formatPath, type Path } from '../../format/path.ts';
import { restingSwap } from './resting-value.ts';

let uid = 0;

export class GbField extends LitElement {
  static override properties = {
    label: {}, path: { attribute: false }, value: { attribute: false }, kind: {}, lang: {}, unit: {},
    optional: { type: Boolean }, issues: { attribute: false }, hint: {}, wide: { type: Boolean, reflect: true },
    bare: { type: Boolean, reflect: true }, short: { type: Boolean, reflect: true },
    error: { state: true }, draft: { state: true }, sources: { attribute: false }, inherited: { attribute: false },
    check: { attribute: false }, live: { state: true },
  };
  /** Visible label of the field. */
  declare label: string;
  /** Where the value lives in the scenario. */
  declare path: Path;
  /** Current value in the scenario (string for amounts and rates). */
  declare value: string | number | undefined;
  /** What may be typed. */
  declare kind: FieldKind;
  /** Language of messages. */
  declare lang: Lang;
  /** 元 or 万元: an amount is shown and typed in the unit the user chose. */
  declare unit: Unit;
  /** An empty input removes the field. */
  declare optional: boolean;
  /** Problems the engine reported for this path. */
  declare issues: string[];
  /** Help text under the field. */
  declare hint: string;
  /** Take the full width (formulas). */
  declare wide: boolean;
  /** In a table cell: the column header is the visible label; the label is for screen readers. */
  declare bare: boolean;
  /** A narrow input (months, scores). */
  declare short: boolean;
  /** The scenario's sources (policy.sources): a policy parameter shows its provenance badge. */
  declare sources: Record<string, Provenance> | null;
  /** Keys whose source is the baseline's although this variant changed the value (flagged). */
  declare inherited: ReadonlySet<string> | null;
  /** Checks the text while it is typed (formulas: the engine's compile); null when it is fine. */
  declare check: ((raw: string) => FormulaProblem | null) | null;
  /** The check of the text typed and not yet applied: its problem, 'ok', or null (nothing typed). */
  declare live: { text: string; problem: FormulaProblem | null } | null;
  declare error: string | null;
  declare draft: string | null;
  private readonly fid = `f${++uid}`;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.label = '';
    this.path = [];
    this.value = undefined;
    this.kind = 'rate';
    this.lang = 'zh';
    this.unit = 'yuan';
    this.optional = false;
    this.issues = [];
    this.hint = '';
    this.wide = false;
    this.bare = false;
    this.short = false;
    this.error = null;
    this.draft = null;
    this.sources = null;
    this.inherited = null;
    this.check = null;
    this.live = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** Debounced: the typed text is checked 300 ms after the last change, and never applied here. */
  private onInput(e: Event): void {
    if (!this.check) return;
    const raw = (e.target as HTMLInputElement).value;
    this.schedule(raw);
  }

  private schedule(raw: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const current = editedText(this.kind, this.value, this.unit);
      this.live = raw.trim() === current.trim() ? null : { text: raw, problem: this.check ? this.check(raw) : null };
    }, 300);
  }

  /** Inserts `text` at the cursor (or over the selection) and checks the result; Enter still applies it. */
  insertText(text: string): void {
    const input = this.renderRoot.querySelector('input');
    if (!input) return;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    input.setRangeText(text, start, end, 'end');
    input.focus();
    this.schedule(input.value);
  }

  static override styles = [shared, css`
    :host { display: inline-block; margin: 0 0.8rem 0.5rem 0; vertical-align: top; }
    :host([wide]) { display: block; }
    :host([bare]) { margin: 0; }
    :host([bare]) label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    :host([short]) input { width: 5.2rem; }
    label { display: inline-block; font-size: 0.85em; color: var(--gb-muted); margin-bottom: 2px; }
    .lab { display: block; }
    input { width: 9.5rem; text-align: right; font-variant-numeric: tabular-nums; }
    :host([wide]) input { width: 100%; text-align: left; font-family: ui-monospace, monospace; }
    input.text { text-align: left; }
    .unit { margin-left: 0.2rem; color: var(--gb-muted); font-size: 0.85em; }
    :host([short]) .unit { margin-left: 0.1rem; }
    .hint { font-size: 0.8em; color: var(--gb-muted); max-width: 40rem; }
    .live { font-size: 0.85em; margin-top: 2px; }
    .live.ok { color: var(--gb-pos); }
    .at { display: block; font-family: ui-monospace, monospace; white-space: pre; overflow: hidden; text-overflow: ellipsis; color: var(--gb-muted); }
    .at mark { background: #fde2e2; color: var(--gb-neg); outline: 1px solid var(--gb-neg); }
  `];

  /** The typed text around the problem's position, that character marked. */
  private excerpt(text: string, position: number) {
    const i = Math.min(Math.max(position - 1, 0), text.length);
    const from = Math.max(0, i - 30);
    const ch = text[i] ?? ' ';
    return html`<span class="at" data-testid="formula-at" aria-label=${msg(this.lang, 'formulaAt')}>${from > 0 ? '…' : ''}${text.slice(from,
      i)}<mark>${ch}</mark>${text.slice(i + 1, i + 31)}${i + 31 < text.length ? '…' : ''}</span>`;
  }

  private liveLine() {
    const l = this.live;
    if (!l) return '';
    if (!l.problem) return html`<div class="live ok" data-testid="formula-check" data-ok="true">${msg(this.lang, 'formulaOk')}</div>`;
    return html`<div class="live err" data-testid="formula-check" data-ok="false"
      role="alert">${msg(this.lang, 'formulaNotApplied')}${l.problem.message}${l.problem.position !== null ? this.excerpt(l.text, l.problem.position) :
      ''}</div>`;
  }

  /** A valid amount typed, as the box shows it at rest; null for anything else (left as typed). */
  private restOf(typed: string): string | null {
    if (this.kind !== 'money') return null;
    const r = typedValue(this.kind, typed, this.optional, this.unit);
    return r.ok && r.value !== undefined ? restingText(this.kind, r.value, this.unit) : null;
  }

  private onChange(e: Event): void {
    clearTimeout(this.timer);
    this.live = null;
    const raw = (e.target as HTMLInputElement).value;
    const r = typedValue(this.kind, raw, this.optional, this.unit);
    if (!r.ok) {
      this.error = msg(this.lang, r.key);
      this.draft = raw;
      return;
    }
    this.error = null;
    this.draft = null;
    if (r.value === this.value) return;
    emit(this, { type: 'edit', path: this.path, value: r.value });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      clearTimeout(this.timer);
      this.live = null;
      this.error = null;
      this.draft = null;
      (e.target as HTMLInputElement).value = editedText(this.kind, this.value, this.unit);
    }
  }

  override render() {
    // An amount at the unit's precision at rest (as the tables show it); the exact digits while focused.
    const exact = editedText(this.kind, this.value, this.unit);
    const rest = restingText(this.kind, this.value, this.unit);
    const shown = this.draft ?? rest;
    const swap = restingSwap(rest, exact, (typed) => this.restOf(typed));
    const suffix = PERCENT_KINDS.has(this.kind) ? '%' : this.kind === 'money' ? msg(this.lang, this.unit) : '';
    const problems = [...(this.error ? [this.error] : []), ...this.issues];
    const errId = `${this.fid}-err`;
    return html`
      <span class="lab"><label for=${this.fid}>${this.label}</label>${this.sources && !this.bare && (!this.short || this.sources[formatPath(this.path, true)]) ?
        html`<gb-source .key=${formatPath(this.path, true)} .source=${this.sources[formatPath(this.path, true)]}
        ?inherited=${this.inherited?.has(formatPath(this.path, true)) ?? false} .lang=${this.lang}></gb-source>` : ''}</span>
      <input id=${this.fid} class=${this.kind === 'text' || this.kind === 'formula' ? 'text' : ''}
        .value=${shown} inputmode=${this.kind === 'formula' || this.kind === 'text' ? 'text' : 'decimal'}
        aria-invalid=${problems.length || this.live?.problem ? 'true' : 'false'} aria-describedby=${errId}
        @focus=${swap.focus} @blur=${swap.blur}
        @change=${this.onChange} @keydown=${this.onKey} @input=${this.onInput} />${suffix ? html`<span class="unit" aria-hidden="true">${suffix}</span>` : ''}
      ${this.liveLine()}
      <div id=${errId} class="err" role=${problems.length ? 'alert' : ''}>${problems.map((p) => html`<div>${p}</div>`)}</div>
      ${this.hint ? html`<div class="hint">${this.hint}</div>` : ''}
    `;
  }
}

customElements.define('gb-field', GbField);
declare global {
  interface HTMLElementTagNameMap {
    'gb-field': GbField;
  }
}
