/** `npx tsx bench/browser-only.ts`: the browser figures alone (what `npm run bench` prints last). */
import { browserBench } from './browser.ts';

for (const b of await browserBench()) console.log(`bench: ${b.name} ${b.value.toFixed(b.unit === 'ms' ? 1 : 2)} ${b.unit}`);
