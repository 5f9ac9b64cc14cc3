/**
 * "Print all briefs": the briefs of a list of institutions, one A4 page each, laid out in
 * place of the app; once every chart is drawn (and captured for print) the browser's print
 * dialog opens, and closing it returns to the app.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { BookView } from '../views/page.ts';
import { briefView, type BriefView } from '../views/brief.ts';
import { briefApi } from '../runs/jobs.ts';
import type { GbBrief } from './gb-brief.ts';
import './gb-brief.ts';

/** Beyond this many briefs the what-if (two engine runs each) is left out. */
const WHATIF_LIMIT = 300;

export class GbBriefBook extends LitElement {
  static override properties = { view: { attribute: false }, items: { state: true }, error: { state: true } };
  /** The institutions to print (in the order of the results table) and what their briefs share. */
  declare view: BookView;
  /** The briefs, once their explanations came back from the brief worker. */
  declare items: BriefView[] | null;
  declare error: string;
  private asked: string[] | null = null;

  constructor() {
    super();
    this.items = null;
    this.error = '';
  }

  static override styles = [shared, css`
    :host { display: block; padding: 0 1rem 2rem; }
    .bar { position: sticky; top: 0; z-index: 2; display: flex; gap: 1rem; align-items: center; background: var(--gb-blue); color: #fff; padding: 0.5rem 1rem;
      margin: 0 -1rem 0.8rem; }
    .bar button { background: #fff; }
    .grow { flex: 1; }
    gb-brief { max-width: 210mm; margin: 0 auto 1rem; }
    @media print { :host { padding: 0; } .bar { display: none; } gb-brief { margin: 0; max-width: none; } }
  `];

  override updated(): void {
    if (this.asked === this.view.ids) return;
    this.asked = this.view.ids;
    void this.prepare(this.view.ids);
  }

  private async prepare(ids: string[]): Promise<void> {
    this.items = null;
    try {
      const ctx = this.view.context;
      if (!ctx) throw new Error(this.view.error ?? '');
      const items = await briefApi().briefs(ctx.scenario, ids, ids.length <= WHATIF_LIMIT ? '5' : null);
      if (this.asked !== ids) return;
      this.items = items.flatMap((it) => briefView(ctx, it.explanation, { result: it.whatIf, interactive: false }) ?? []);
      await this.updateComplete;
      await Promise.all([...this.renderRoot.querySelectorAll<GbBrief>('gb-brief')].map((b) => b.whenReady()));
      if (this.asked !== ids) return;
      window.print();
      emit(this, { type: 'printDone' });
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  override render() {
    const t = (k: MsgKey) => msg(this.view.lang, k);
    return html`<div class="bar" role="status">
        <span>${this.items ? `${t('brief')} × ${this.items.length}` : msg(this.view.lang, 'preparing', { n: this.view.ids.length })}</span>
        ${this.error ? html`<span class="err">${this.error}</span>` : nothing}
        <span class="grow"></span>
        <button data-testid="book-close" @click=${() => emit(this, { type: 'printDone' })}>${t('close')}</button>
      </div>
      <div data-testid="brief-book" data-count=${this.items?.length ?? 0}>
        ${(this.items ?? []).map((b) => html`<gb-brief .view=${b} .lang=${b.lang}></gb-brief>`)}
      </div>`;
  }
}

customElements.define('gb-brief-book', GbBriefBook);
declare global {
  interface HTMLElementTagNameMap {
    'gb-brief-book': GbBriefBook;
  }
}
