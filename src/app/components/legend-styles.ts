/** An HTML legend for charts (cheaper than chart.js measuring text on every update, and selectable). */
import { unsafeCSS } from 'lit';
import { PALETTE } from '../views/charts.ts';

export const legendStyles = unsafeCSS(`
  ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; padding: 0; margin: 0.4rem 0 0; font-size: 0.85em; }
  ul.legend .sw { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.1em; }
  ${PALETTE.map((c, i) => `ul.legend .c${i} { background: ${c}; }`).join('\n')}
`);
