/** Styles shared by the components: cards, buttons, fields, tables, numbers. */
import { css } from 'lit';

export const shared = css`
  :host { display: block; box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  h2 { font-size: 1.05rem; margin: 0 0 0.6rem; color: var(--gb-blue); }
  h3 { font-size: 0.95rem; margin: 0.8rem 0 0.4rem; }
  .card { background: var(--gb-card); border: 1px solid var(--gb-line); border-radius: 6px; padding: 0.8rem 1rem; margin-bottom: 0.8rem; }
  button, select, input, textarea { font: inherit; color: inherit; }
  button {
    border: 1px solid var(--gb-line); background: #fff; border-radius: 4px; padding: 0.3rem 0.7rem; cursor: pointer;
  }
  button:hover:not(:disabled) { border-color: var(--gb-blue-2); }
  button:disabled { opacity: 0.45; cursor: default; }
  button.primary { background: var(--gb-blue); color: #fff; border-color: var(--gb-blue); }
  button.link { border: none; background: none; color: var(--gb-blue-2); padding: 0; text-align: left; text-decoration: underline; }
  :focus-visible { outline: 2px solid var(--gb-focus); outline-offset: 1px; }
  input, select, textarea { border: 1px solid var(--gb-line); border-radius: 4px; padding: 0.25rem 0.4rem; background: #fff; }
  input[aria-invalid='true'], textarea[aria-invalid='true'] { border-color: var(--gb-neg); background: #fff5f5; }
  .err { color: var(--gb-neg); font-size: 0.85em; }
  .muted { color: var(--gb-muted); }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .pos { color: var(--gb-pos); }
  .neg { color: var(--gb-neg); }
  table { border-collapse: collapse; width: 100%; }
  th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--gb-line); }
  th { text-align: left; font-weight: 600; background: #eef2f7; }
  th.num { text-align: right; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .row { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
  .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 0.8rem; }
  .badge { display: inline-block; font-size: 0.75em; padding: 0 0.35em; border-radius: 3px; background: #e8eef8; color: var(--gb-blue); margin-left: 0.3em; }
  @media print { .no-print { display: none !important; } .card { border: none; padding: 0; } }
`;
