/**
 * Virtual rows for long tables: only the rows in view (plus a few) are in the DOM; spacer rows
 * keep the scrollbar true. Rows have a fixed height. Heights are set through the CSSOM, never a
 * style attribute, which the Content-Security-Policy forbids.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';

export class VirtualRows implements ReactiveController {
  start = 0;
  private frame = 0;
  constructor(private readonly host: ReactiveControllerHost, readonly rowHeight = 30, readonly viewRows = 22, readonly overscan = 4) {
    host.addController(this);
  }
  hostConnected(): void {}
  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  /** Scroll listener for the scrolling container. */
  readonly onScroll = (e: Event): void => {
    const el = e.currentTarget as HTMLElement;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const s = Math.max(0, Math.floor(el.scrollTop / this.rowHeight) - this.overscan);
      if (s !== this.start) {
        this.start = s;
        this.host.requestUpdate();
      }
    });
  };

  /** Back to the first row (after a new filter or sort). */
  reset(scroller: HTMLElement | null): void {
    this.start = 0;
    if (scroller) scroller.scrollTop = 0;
  }

  /** The slice of `total` rows to render. */
  range(total: number): { from: number; to: number } {
    const from = Math.min(this.start, Math.max(0, total - 1));
    return { from, to: Math.min(total, from + this.viewRows + 2 * this.overscan) };
  }

  /** Spacer row standing for `rows` rows not rendered. */
  spacer(rows: number, cols: number) {
    const h = `${rows * this.rowHeight}px`;
    // Written only when it changes: an unchanged inline style is not invalidated on every render.
    const set = (el: Element | undefined) => {
      const st = (el as HTMLElement | undefined)?.style;
      if (st && st.height !== h) st.height = h;
    };
    return rows > 0 ? html`<tr aria-hidden="true" class="spacer" ${ref(set)}><td colspan=${cols}></td></tr>` : '';
  }

  /** Max height of the scrolling container. */
  get viewport(): number {
    return this.rowHeight * (this.viewRows + 1) + 8;
  }
}
