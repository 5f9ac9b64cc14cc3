/**
 * The sweeps view (DESIGN §9): a sweep of one parameter (a grid of two) and a tornado, each
 * specified by fields that edit the scenario's `analysis.sweeps`, run over workers with a
 * progress bar and cancel; results as a table with the current value marked, a line chart (a
 * heat map for two parameters) and the tornado's ranked bars. Renders views/sweeps.ts; computes
 * nothing.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit, type Action } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { drawChartSoon, PALETTE } from '../views/charts.ts';
import { specWith, type SweepsView, type RunView, type FormView } from '../views/sweeps.ts';
import { drawHeatMap } from '../views/heatmap.ts';
import type { SweepAnalysis, TornadoAnalysis } from '../../format/types.ts';
import type { SweepKind } from '../state/app-state.ts';
import { downloadCanvas } from './png.ts';
import './gb-field.ts';

export class GbSweeps extends LitElement {
  static override properties = { view: { attribute: false }, chartOutput: { state: true } };
  declare view: SweepsView | null;
  /** Which output the chart (or heat map) shows. */
  declare chartOutput: number;

  constructor() {
    super();
    this.view = null;
    this.chartOutput = 0;
  }

  static override styles = [shared, css`
    .wrap { position: relative; height: 280px; }
    .params { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 0.4rem; }
    label.sel { display: inline-flex; flex-direction: column; font-size: 0.85em; color: var(--gb-muted); margin: 0 0.8rem 0.5rem 0; }
    label.sel select { margin-top: 2px; max-width: 26rem; }
    .checks { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; font-size: 0.9em; margin: 0.3rem 0 0.6rem; }
    .checks.many { max-height: 9rem; overflow: auto; border: 1px solid var(--gb-line); padding: 0.4rem; border-radius: 4px; }
    .warn { color: #c23b4b; }
    .run { display: flex; align-items: center; gap: 0.8rem; margin: 0.4rem 0; flex-wrap: wrap; }
    progress { width: 18rem; height: 1rem; }
    table { font-size: 0.86em; }
    tr.current { background: #fff4d6; font-weight: 600; }
    .scroll { max-height: 30rem; overflow: auto; }
    canvas.heat { width: 100%; height: 420px; display: block; }
    h3 { margin: 0.4rem 0; font-size: 1rem; }
  `];

  /** Edits of a spec the file does not keep yet are sent as the whole spec. */
  private wrapEdits(e: CustomEvent<Action>, f: FormView<SweepAnalysis | TornadoAnalysis>): void {
    const a = e.detail;
    if (a.type !== 'edit' || f.inFile) return;
    const base = f.editPath.length;
    if (a.path.length <= base || a.path.slice(0, base).some((k, i) => k !== f.editPath[i])) return;
    e.stopPropagation();
    emit(this, { type: 'edit', path: f.editPath, value: specWith(f.spec, a.path.slice(base), a.value) });
  }

  private setSpec<S>(f: FormView<S>, spec: S): void {
    emit(this, { type: 'edit', path: f.editPath, value: spec });
  }

  override updated(): void {
    const v = this.view;
    if (!v) return;
    const r = v.sweepResult;
    const line = this.renderRoot.querySelector<HTMLCanvasElement>('canvas#sweep-chart');
    const heat = this.renderRoot.querySelector<HTMLCanvasElement>('canvas#sweep-heat');
    const k = r ? Math.min(this.chartOutput, r.outputs.length - 1) : 0;
    if (r && line && r.axes.length === 1) {
      const cur = r.axes[0]!.current;
      const data = r.plot[k]!;
      drawChartSoon(line, {
        type: 'line',
        data: {
          labels: r.axes[0]!.values,
          datasets: [{
            label: r.outputs[k]!.label, data, borderColor: PALETTE[0], backgroundColor: PALETTE[0],
            pointRadius: data.map((_, i) => (i === cur ? 7 : 3)), pointBackgroundColor: data.map((_, i) => (i === cur ? PALETTE[4]! : PALETTE[0]!)),
          }],
        },
        options: {
          responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
          scales: { x: { title: { display: true, text: r.axes[0]!.label } }, y: { title: { display: true, text: r.outputs[k]!.label } } },
        },
      });
    }
    if (r && heat && r.axes.length === 2) drawHeatMap(heat, r, k, `${msg(v.lang, 'currentValue')}`);
    const torn = this.renderRoot.querySelector<HTMLCanvasElement>('canvas#tornado-chart');
    const t = v.tornadoResult;
    if (t && torn) {
      // Height by the number of bars, set through the CSSOM (the CSP allows no inline style attributes).
      torn.parentElement!.style.height = `${Math.max(160, 34 * t.entries.length + 60)}px`;
      const ok = t.entries.filter((e) => e.dLow !== null || e.dHigh !== null);
      drawChartSoon(torn, {
        type: 'bar',
        data: {
          labels: ok.map((e) => e.label),
          datasets: [
            { type: 'bar', label: msg(v.lang, 'lowSide', { x: t.change }), data: ok.map((e) => [0, e.dLow ?? 0] as [number, number]),
              backgroundColor: PALETTE[1] },
            { type: 'bar', label: msg(v.lang, 'highSide', { x: t.change }), data: ok.map((e) => [0, e.dHigh ?? 0] as [number, number]),
              backgroundColor: PALETTE[0] },
          ],
        },
        options: {
          indexAxis: 'y', responsive: true, maintainAspectRatio: false, plugins: { legend: { display: true, position: 'bottom' } },
          scales: { x: { title: { display: true, text: `Δ ${t.output}` } }, y: { stacked: true } },
        },
      });
    }
  }

  private runBar(v: SweepsView, kind: SweepKind, r: RunView | undefined, planned: number | null) {
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const running = r?.status === 'running';
    return html`<div class="run" data-testid="run-${kind}">
      <button class="primary" data-testid="run-${kind}-go" ?disabled=${running || planned === null}
        @click=${() => emit(this, { type: 'runSweep', kind })}>${t('runSweep')}</button>
      ${planned !== null ? html`<span class="muted">${t('runsPlanned', { n: planned })}</span>` : nothing}
      ${running ? html`<progress data-testid="progress-${kind}" max=${Math.max(1, r.total)} value=${r.done}></progress>
        <span>${t('progressText', { done: r.done, total: r.total })}</span>
        <button data-testid="cancel-${kind}" @click=${() => emit(this, { type: 'cancelSweep', kind })}>${t('cancelRun')}</button>` : nothing}
      ${r?.status === 'done' ? html`<span data-testid="done-${kind}">${t('runDone', { n: r.total, w: r.workers, s: r.seconds })} · ${t('runOn',
        { name: r.name })}</span>
        <button data-testid="${kind}-xlsx" @click=${() => emit(this, { type: 'exportPlan', what: 'sweeps' })}>${t('exportXlsx')}</button>
        <button data-testid="${kind}-png" @click=${() => downloadCanvas(this.renderRoot.querySelector<HTMLCanvasElement>(kind === 'tornado' ?
          'canvas#tornado-chart' : 'canvas#sweep-chart, canvas#sweep-heat'), `${kind}.png`)}>${t('exportPng')}</button>` : nothing}
      ${r?.status === 'cancelled' ? html`<span class="warn" data-testid="cancelled-${kind}">${t('runCancelled')}</span>` : nothing}
      ${r?.status === 'refused' || r?.status === 'failed' ? html`<span class="warn">${t(r.status === 'refused' ? 'runRefused' :
        'runFailed')}</span><ul class="warn">${r.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${r && r.status !== 'running' && r.outdated && (r.status === 'done') ? html`<div class="warn" data-testid="outdated-${kind}">${t('outdatedRun')}</div>` :
        nothing}
    </div>`;
  }

  private axisFields(v: SweepsView, f: FormView<SweepAnalysis>, which: 'param' | 'param2') {
    const t = (k: MsgKey) => msg(v.lang, k);
    const ax = f.spec[which]!;
    const other = which === 'param' ? f.spec.param2?.path : f.spec.param.path;
    const pick = (path: string) => {
      const o = v.params.find((p) => p.path === path);
      if (o) this.setSpec(f, { ...f.spec, [which]: o.axis });
    };
    const cur = v.params.find((p) => p.path === ax.path);
    const at = [...f.editPath, which];
    // A ratio's range typed as percentages (the file keeps the fraction); a path not offered, as a number.
    const kinds = cur?.kinds ?? { from: 'rate', to: 'rate', step: 'rate' };
    return html`<div class="params">
      <label class="sel">${t(which === 'param' ? 'sweepParam' : 'sweepParam2')}
        <select data-testid="${which}-path" @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
          ${cur ? nothing : html`<option selected value=${ax.path}>${ax.path}</option>`}
          ${v.params.filter((p) => p.path !== other).map((p) => html`<option value=${p.path} ?selected=${p.path === ax.path}>${p.label}</option>`)}
        </select></label>
      <gb-field short label=${t('fromValue')} kind=${kinds.from} .lang=${v.lang}
        .path=${[...at, 'from']} .value=${ax.from} data-path="${which}.from"></gb-field>
      <gb-field short label=${t('toValue')} kind=${kinds.to} .lang=${v.lang} .path=${[...at, 'to']} .value=${ax.to} data-path="${which}.to"></gb-field>
      <gb-field short label=${t('stepValue')} kind=${kinds.step} .lang=${v.lang}
        .path=${[...at, 'step']} .value=${ax.step} data-path="${which}.step"></gb-field>
      ${cur ? html`<span class="muted">${msg(v.lang, 'currentValueIs', { v: cur.currentText })}</span>` : nothing}
    </div>`;
  }

  private sweepCard(v: SweepsView) {
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const f = v.sweep;
    const outs = f.spec.outputs ?? [];
    const toggle = (name: string, on: boolean) => {
      const next = on ? [...outs, name] : outs.filter((o) => o !== name);
      if (next.length) this.setSpec(f, { ...f.spec, outputs: next });
    };
    return html`<div class="card" data-testid="sweep-card" @gb-action=${(e: CustomEvent<Action>) => this.wrapEdits(e, f)}>
      <h2>${t('sweepTitle')}</h2>
      ${f.inFile ? nothing : html`<div class="muted">${t('notInFileNote')}</div>`}
      ${this.axisFields(v, f, 'param')}
      <label><input type="checkbox" data-testid="use-param2" .checked=${!!f.spec.param2} @change=${(e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        const o = v.params.find((p) => p.path !== f.spec.param.path);
        const next: SweepAnalysis = { ...f.spec };
        if (on && o) next.param2 = o.axis; else delete next.param2;
        this.setSpec(f, next);
      }}> ${t('useParam2')}</label>
      ${f.spec.param2 ? this.axisFields(v, f, 'param2') : nothing}
      <div class="muted">${t('outputsPick')}</div>
      <div class="checks" data-testid="sweep-outputs">
        ${v.outputs.map((o) => html`<label><input type="checkbox" data-output=${o.name} .checked=${outs.includes(o.name)}
          @change=${(e: Event) => toggle(o.name, (e.target as HTMLInputElement).checked)}> ${o.label}</label>`)}
        ${v.extraOutputs.sweep.map((o) => html`<label><input type="checkbox" data-output=${o.name} checked @change=${() => toggle(o.name, false)}> ${
          o.label}</label>`)}
        <label>${t('addInstitutionOutput')} <select data-testid="add-institution-output" @change=${(e: Event) => {
          const id = (e.target as HTMLSelectElement).value;
          if (id && !outs.includes(`${id}.owed`)) toggle(`${id}.owed`, true);
          (e.target as HTMLSelectElement).value = '';
        }}><option value="">—</option>${v.institutions.map((h) => html`<option value=${h.id}>${h.label}</option>`)}</select></label>
      </div>
      ${f.problems.length ? html`<ul class="warn" data-testid="sweep-problems">${f.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${this.runBar(v, 'sweep', v.runs.sweep, f.runs)}
      ${this.sweepResult(v)}
    </div>`;
  }

  private sweepResult(v: SweepsView) {
    const r = v.sweepResult;
    if (!r) return nothing;
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const k = Math.min(this.chartOutput, r.outputs.length - 1);
    const two = r.axes.length === 2;
    return html`
      <label class="sel">${t('chartOutput')}
        <select data-testid="chart-output" @change=${(e: Event) => { this.chartOutput = Number((e.target as HTMLSelectElement).value); }}>
          ${r.outputs.map((o, i) => html`<option value=${i} ?selected=${i === k}>${o.label}</option>`)}
        </select></label>
      ${two
        ? html`<h3 id="sw-h">${t('heatTitle', { out: r.outputs[k]!.label })}</h3><canvas id="sweep-heat" class="heat" role="img" aria-labelledby="sw-h"
          aria-describedby="sw-t"></canvas>`
        : html`<div class="wrap"><canvas id="sweep-chart" role="img" aria-label=${r.outputs[k]!.label} aria-describedby="sw-t"></canvas></div>`}
      <div class="scroll"><table id="sw-t" data-testid="sweep-table">
        <thead><tr>${r.axes.map((a) => html`<th>${a.label}</th>`)}${r.outputs.map((o) => html`<th class="num">${o.label}</th>`)}<th>${t('problemCol')}</th></tr>
        </thead>
        <tbody>
          <tr class="muted"><th colspan=${r.axes.length}>${t('baseValue')}</th>${r.base.map((c) => html`<td class="num">${c}</td>`)}<td></td></tr>
          ${r.rows.map((row) => html`<tr class=${row.current ? 'current' : ''} data-current=${row.current ? 'true' : 'false'}>
            ${row.values.map((x) => html`<th scope="row">${x}${row.current ? html` ◀ <span class="sr-only">${t('currentValue')}</span>` : nothing}</th>`)}
            ${row.cells.map((c) => html`<td class="num">${c}</td>`)}<td class="warn">${row.problem ?? ''}</td></tr>`)}
        </tbody>
      </table></div>`;
  }

  private tornadoCard(v: SweepsView) {
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const f = v.tornado;
    const chosen = f.spec.params;
    const toggle = (path: string, on: boolean) => {
      const next = on ? [...chosen, path] : chosen.filter((p) => p !== path);
      if (next.length) this.setSpec(f, { ...f.spec, params: next });
    };
    const r = v.tornadoResult;
    return html`<div class="card" data-testid="tornado-card" @gb-action=${(e: CustomEvent<Action>) => this.wrapEdits(e, f)}>
      <h2>${t('tornadoTitle')}</h2>
      ${f.inFile ? nothing : html`<div class="muted">${t('notInFileNote')}</div>`}
      <div class="muted">${t('tornadoParams')}</div>
      <div class="checks many" data-testid="tornado-params">
        ${v.params.map((p) => html`<label><input type="checkbox" data-param=${p.path} .checked=${chosen.includes(p.path)}
          @change=${(e: Event) => toggle(p.path, (e.target as HTMLInputElement).checked)}> ${p.label}</label>`)}
      </div>
      <div class="params">
        <gb-field label=${t('tornadoChange')} kind="pct" .lang=${v.lang}
          .path=${[...f.editPath, 'change']} .value=${f.spec.change} data-path="tornado.change"></gb-field>
        <label class="sel">${t('tornadoOutput')}
          <select data-testid="tornado-output" @change=${(e: Event) => this.setSpec(f, { ...f.spec, output: (e.target as HTMLSelectElement).value })}>
            ${[...v.outputs, ...(v.extraOutputs.tornado ? [v.extraOutputs.tornado] : [])].map((o) => html`<option value=${o.name}
              ?selected=${(f.spec.output ?? 'closingBalance') === o.name}>${o.label}</option>`)}
          </select></label>
        <label class="sel">${t('tornadoInstitutionOutput')} <select data-testid="tornado-institution-output" @change=${(e: Event) => {
          const id = (e.target as HTMLSelectElement).value;
          if (id) this.setSpec(f, { ...f.spec, output: `${id}.owed` });
          (e.target as HTMLSelectElement).value = '';
        }}><option value="">—</option>${v.institutions.map((h) => html`<option value=${h.id}>${h.label}</option>`)}</select></label>
      </div>
      ${f.problems.length ? html`<ul class="warn">${f.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${this.runBar(v, 'tornado', v.runs.tornado, f.runs)}
      ${r ? html`
        <div class="wrap" data-rows=${r.entries.length}><canvas id="tornado-chart" role="img" aria-label=${t('tornadoTitle')}
          aria-describedby="to-t"></canvas></div>
        <table id="to-t" data-testid="tornado-table">
          <thead><tr><th>${t('rankCol')}</th><th>${t('sweepParam')}</th><th class="num">${t('lowSide', { x: r.change })}</th>
          <th class="num">${t('highSide', { x: r.change })}</th>
            <th class="num">${t('outputAt', { out: r.output, x: t('lowSide', { x: r.change }) })}</th>
            <th class="num">${t('outputAt', { out: r.output, x: t('highSide', { x: r.change }) })}</th><th class="num">${t('spreadCol')}</th>
            <th>${t('problemCol')}</th></tr></thead>
          <tbody>
            <tr class="muted"><td></td><th>${t('baseValue')}</th><td></td><td></td><td class="num" colspan="2">${r.base}</td><td></td><td></td></tr>
            ${r.entries.map((e, i) => html`<tr data-path=${e.path}><td>${i + 1}</td><th scope="row">${e.label}</th><td class="num">${e.low}</td>
            <td class="num">${e.high}</td>
              <td class="num">${e.outLow}</td><td class="num">${e.outHigh}</td><td class="num" data-col="spread">${e.spread}</td>
              <td class="warn">${e.problem ?? ''}</td></tr>`)}
          </tbody>
        </table>` : nothing}
    </div>`;
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    return html`
      ${v.error ? html`<div class="card warn" role="alert">${v.error}</div>` : nothing}
      ${this.sweepCard(v)}
      ${this.tornadoCard(v)}
    `;
  }
}

customElements.define('gb-sweeps', GbSweeps);
declare global {
  interface HTMLElementTagNameMap {
    'gb-sweeps': GbSweeps;
  }
}
