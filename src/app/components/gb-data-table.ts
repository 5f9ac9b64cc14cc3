/** Institutions' data of the scenario shown, as editable cells (virtualized); lock a negotiated target. */
import { LitElement, html, css } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { shared } from './shared.ts';
import { tableStyles } from './table-styles.ts';
import './gb-add-institution.ts';
import { VirtualRows } from './virtual.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { type FieldKind } from '../views/validate-field.ts';
import { editedText, restingText, typedValue } from '../views/field-text.ts';
import { restingSwap } from './resting-value.ts';
import type { AttrOption, DataView } from '../views/data.ts';
import type { InstitutionAttr } from '../views/institutions.ts';
import type { Hospital, Scenario } from '../../format/types.ts';
import { historyYearsOf } from '../views/brief-sources.ts';
import { yearName } from '../../display/glossary.ts';
import { formatPath, type Path } from '../../format/path.ts';

interface DataCol { label: string; path: (i: number) => Path; get: (h: Hospital) => string | number | undefined; kind: FieldKind; optional: boolean;
  short?: boolean }

export class GbDataTable extends LitElement {
  static override properties = { view: { attribute: false }, text: { state: true }, bad: { state: true } };
  /** The scenario shown and the engine's problems in its data. */
  declare view: DataView;
  declare text: string;
  /** Cells typed wrong: path → reason. */
  declare bad: Map<string, string>;
  private readonly virtual = new VirtualRows(this);

  constructor() {
    super();
    this.text = '';
    this.bad = new Map();
  }

  static override styles = [shared, tableStyles, css`
    thead th { padding: 0.35rem 0.5rem; white-space: normal; vertical-align: bottom; }
    td input[aria-invalid='true'] { border-color: var(--gb-neg); background: #fff5f5; }
    .hint { margin: 0.3rem 0; }
    .grow { flex: 1; }
    /* A select is as wide as its longest name (「outpatient chronic」 whole, not 「outpatient ch…」). */
    td select { max-width: none; }
    thead th:first-child { white-space: nowrap; }
    button.remove { padding: 0.1rem 0.4rem; }
  `];

  private cols(s: Scenario): DataCol[] {
    const t = (k: MsgKey) => msg(this.view.lang, k);
    const years = historyYearsOf(s);
    // History columns by calendar year (2022年…2024年), as the brief and the policy tab name them.
    const hist: DataCol[] = years.map((year, y) => ({
      label: `${yearName(year, this.view.lang)}${this.view.lang === 'zh' ? '' : ' '}${t('history')}`, path: (i) => ['hospitals', i, 'history', y],
        get: (h) => h.history[y], kind: 'money', optional: false,
    }));
    return [
      ...hist,
      { label: t('lockedTarget'), path: (i) => ['hospitals', i, 'lockedTarget'], get: (h) => h.lockedTarget, kind: 'money', optional: true },
      { label: t('deductions'), path: (i) => ['hospitals', i, 'deductions'], get: (h) => h.deductions, kind: 'money', optional: true },
      { label: t('score'), path: (i) => ['hospitals', i, 'score'], get: (h) => h.score, kind: 'score', optional: true, short: true },
      { label: t('volume'), path: (i) => ['hospitals', i, 'volume'], get: (h) => h.volume, kind: 'int', optional: true, short: true },
      { label: t('volumeFloor'), path: (i) => ['hospitals', i, 'volumeFloor'], get: (h) => h.volumeFloor, kind: 'int', optional: true, short: true },
      { label: `${t('growth')} (%)`, path: (i) => ['hospitals', i, 'growth'], get: (h) => h.growth, kind: 'growthPct', optional: true, short: true },
    ];
  }

  private onChange(e: Event, c: DataCol, path: Path, h: Hospital): void {
    const input = e.target as HTMLInputElement;
    const r = typedValue(c.kind, input.value, c.optional, this.view.unit);
    const key = formatPath(path);
    const bad = new Map(this.bad);
    if (!r.ok) {
      // Named by institution and column, as the reader sees them, not by the file's path.
      bad.set(key, `${h.id} ${h.name} · ${c.label}${this.view.lang === 'zh' ? '：' : ': '}${msg(this.view.lang, r.key)}`);
      this.bad = bad;
      return;
    }
    bad.delete(key);
    this.bad = bad;
    if (r.value !== c.get(h)) emit(this, { type: 'edit', path, value: r.value });
  }

  /**
   * A select showing the state's value whatever was chosen in it before: each option's selectedness
   * set as a property, checked against the live one (a `selected` attribute no longer moves an
   * option the user has picked, so a row given another institution kept the old class).
   */
  private attrCell(h: { id: string; name: string } & Record<InstitutionAttr, string>, attr: InstitutionAttr, label: string, options: AttrOption[]) {
    return html`<td><select aria-label="${h.name} ${label}" data-attr=${attr}
      @change=${(e: Event) => emit(this, { type: 'institutionAttr', id: h.id, attr, value: (e.target as HTMLSelectElement).value })}>
      ${options.map((o) => html`<option value=${o.value} .selected=${live(o.value === h[attr])}>${o.label}</option>`)}
    </select></td>`;
  }

  private askRemove(h: { id: string; name: string }): void {
    // Confirmed by name; undo brings it back.
    if (window.confirm(msg(this.view.lang, 'confirmRemoveInstitution', { name: `${h.id} ${h.name}` }))) emit(this, { type: 'removeInstitution', id: h.id });
  }

  override render() {
    const st = this.view;
    const t = (k: MsgKey) => msg(st.lang, k);
    const s = st.scenario;
    if (!s) return html`<div class="card err">${st.error}</div>`;
    const byPath = st.problems;
    const cols = this.cols(s);
    const q = this.text.trim().toLowerCase();
    const rows = s.hospitals.map((_, i) => i).filter((i) => !q || s.hospitals[i]!.name.toLowerCase().includes(q) ||
      s.hospitals[i]!.id.toLowerCase().includes(q));
    const { from, to } = this.virtual.range(rows.length);
    const ncols = cols.length + 6;
    return html`<div class="card" data-testid="data-table">
      <div class="row"><h2>${t('hospitalData')} <span class="muted">(${t(st.unit)})</span></h2><span class="grow"></span>
        <button data-testid="data-add" ?disabled=${!!st.adding} @click=${() => emit(this,
          { type: 'addInstitutionForm', open: true })}>${t('addInstitution')}…</button>
        <button class="primary" data-testid="data-import" @click=${() => emit(this, { type: 'dialog', dialog: 'import' })}>${t('importData')}…</button></div>
      <gb-add-institution .view=${st}></gb-add-institution>
      <p class="muted hint">${t('editCellHint')} · ${t('lockHint')}</p>
      <div class="row filters"><label for="dq">${t('search')}</label>
        <input id="dq" type="search" .value=${this.text} @input=${(e: Event) => { this.text = (e.target as HTMLInputElement).value; }} />
        <span class="muted">${msg(st.lang, 'rowsShown', { n: rows.length, total: s.hospitals.length })}</span></div>
      <div class="scroller" tabindex="0" role="region" aria-label=${t('hospitalData')} @scroll=${this.virtual.onScroll}>
        <table>
          <thead><tr><th>${t('id')}</th><th>${t('name')}</th><th>${t('level')}</th><th>${t('category')}</th><th>${t('klass')}</th>
          <th>${t('actions')}</th>${cols.map((c) => html`<th class="num">${c.label}</th>`)}</tr></thead>
          <tbody>
            ${this.virtual.spacer(from, ncols)}
            ${repeat(rows.slice(from, to), (i) => s.hospitals[i]!.id, (i) => {
              const h = s.hospitals[i]!;
              return html`<tr data-row=${h.id}>
                <td>${h.id}</td><td class="name" title=${h.name}>${h.name}</td>
                ${this.attrCell(h, 'level', t('level'), st.options.level)}${this.attrCell(h, 'category', t('category'), st.options.category)}${this.attrCell(h,
                  'class', t('klass'), st.options.class)}
                <td><button class="remove" data-testid="remove-${h.id}" title=${t('removeInstitution')} aria-label="${t('removeInstitution')} ${h.id} ${h.name}"
                  @click=${() => this.askRemove(h)}>${t('removeShort')}</button></td>
                ${cols.map((c) => {
                  const path = c.path(i);
                  const key = formatPath(path);
                  const problem = this.bad.get(key) ?? byPath.get(key);
                  const v = c.get(h);
                  // At the unit's precision at rest; the exact digits while the box is being edited.
                  const rest = restingText(c.kind, v, st.unit);
                  const swap = restingSwap(rest, editedText(c.kind, v, st.unit), (typed) => {
                    if (c.kind !== 'money') return null;
                    const r = typedValue(c.kind, typed, c.optional, st.unit);
                    return r.ok && r.value !== undefined ? restingText(c.kind, r.value, st.unit) : null;
                  });
                  return html`<td class="num"><input class=${c.short ? 'short' : ''} aria-label="${h.name} ${c.label}" data-path=${key}
                    .value=${rest} aria-invalid=${problem ? 'true' : 'false'} title=${problem ?? ''}
                    @focus=${swap.focus} @blur=${swap.blur}
                    @change=${(e: Event) => this.onChange(e, c, path, h)} /></td>`;
                })}
              </tr>`;
            })}
            ${this.virtual.spacer(rows.length - to, ncols)}
          </tbody>
        </table>
      </div>
      ${this.bad.size ? html`<div class="err" role="alert">${[...this.bad].map(([, m]) => html`<div>${m}</div>`)}</div>` : ''}
    </div>`;
  }
}

customElements.define('gb-data-table', GbDataTable);
declare global {
  interface HTMLElementTagNameMap {
    'gb-data-table': GbDataTable;
  }
}
