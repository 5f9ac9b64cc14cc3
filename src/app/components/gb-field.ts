/**
 * A labelled input for one field of the scenario. Checks what is typed (amount, rate, share,
 * whole number, score) and marks it with the reason when wrong; a valid value is dispatched as
 * an edit of `path`. Problems the engine reports for this path are shown under it too.
 */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg } from '../i18n/index.ts';
import { PERCENT_KINDS, type FieldKind } from '../views/validate-field.ts';
import { editedText, typedValue } from '../views/field-text.ts';
import type { Provenance } from '../../format/types.ts';
import './gb-source.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { formatPath, type Path } from '../../format/path.ts';

let uid = 0;

export class GbField extends LitElement {
  static override properties = {
    label: {}, path: { attribute: false }, value: { attribute: false }, kind: {}, lang: {}, unit: {},
    optional: { type: Boolean }, issues: { attribute: false }, hint: {}, wide: { type: Boolean, reflect: true },
    bare: { type: Boolean, reflect: true }, short: { type: Boolean, reflect: true },
    error: { state: true }, draft: { state: true }, sources: { attribute: false }, inherited: { attribute: false },
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
  declare error: string | null;
  declare draft: string | null;
  private readonly fid = `f${++uid}`;

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
  `];

  private onChange(e: Event): void {
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
      this.error = null;
      this.draft = null;
      (e.target as HTMLInputElement).value = editedText(this.kind, this.value, this.unit);
    }
  }

  override render() {
    const shown = this.draft ?? editedText(this.kind, this.value, this.unit);
    const suffix = PERCENT_KINDS.has(this.kind) ? '%' : this.kind === 'money' ? msg(this.lang, this.unit) : '';
    const problems = [...(this.error ? [this.error] : []), ...this.issues];
    const errId = `${this.fid}-err`;
    return html`
      <span class="lab"><label for=${this.fid}>${this.label}</label>${this.sources && !this.bare && (!this.short || this.sources[formatPath(this.path, true)]) ? html`<gb-source .key=${formatPath(this.path, true)} .source=${this.sources[formatPath(this.path, true)]} ?inherited=${this.inherited?.has(formatPath(this.path, true)) ?? false} .lang=${this.lang}></gb-source>` : ''}</span>
      <input id=${this.fid} class=${this.kind === 'text' || this.kind === 'formula' ? 'text' : ''}
        .value=${shown} inputmode=${this.kind === 'formula' || this.kind === 'text' ? 'text' : 'decimal'}
        aria-invalid=${problems.length ? 'true' : 'false'} aria-describedby=${errId}
        @change=${this.onChange} @keydown=${this.onKey} />${suffix ? html`<span class="unit" aria-hidden="true">${suffix}</span>` : ''}
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
