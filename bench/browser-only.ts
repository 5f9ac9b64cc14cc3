/** `npx tsx bench/browser-only.ts`: the browser figures alone (what `npm run bench` prints last). */
import { browserBench } from './browser.ts';
import { durableBench } from './durable.ts';
import { printFigure } from './print.ts';

for (const b of await browserBench()) printFigure(b.name, b.value, b.unit);
// After browserBench, which has built dist/.
for (const b of await durableBench()) printFigure(b.name, b.value, b.unit);
