/** Styles of the long, virtualized tables. */
import { css } from 'lit';

export const tableStyles = css`
  .filters { margin-bottom: 0.5rem; }
  .scroller { max-height: 698px; overflow: auto; border: 1px solid var(--gb-line); border-radius: 4px; position: relative; }
  .scroller table { border-collapse: separate; border-spacing: 0; }
  thead th { position: sticky; top: 0; z-index: 1; background: #eef2f7; border-bottom: 1px solid var(--gb-line); white-space: nowrap; padding: 0; }
  th button.sort { border: none; background: none; width: 100%; text-align: inherit; padding: 0.35rem 0.5rem; font-weight: 600; border-radius: 0; }
  th.num button.sort { text-align: right; }
  tbody tr { height: 30px; }
  tbody tr:hover { background: #f3f7fd; }
  tbody td { white-space: nowrap; padding: 0 0.5rem; height: 30px; max-width: 16rem; overflow: hidden; text-overflow: ellipsis; }
  /* Amounts are never cut short: no ellipsis on numbers (it also spares the layout a measure). */
  tbody td.num { overflow: visible; text-overflow: clip; max-width: none; }
  tr.spacer td { padding: 0; border: 0; }
  td.name { max-width: 18rem; }
  td input { width: 8.5rem; text-align: right; font-variant-numeric: tabular-nums; padding: 0.1rem 0.3rem; }
  td input.short { width: 4.5rem; }
`;
