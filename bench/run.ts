/**
 * `npm run bench`: median timings, one figure per line as `bench: <name> <value> <unit>`.
 * Engine figures in Node on synthetic cities of 3,000 and 100,000 institutions (warm: the
 * first runs are discarded); browser figures (main-thread long tasks, recompute latency) in
 * Debian's Chromium when bench/browser.ts and /usr/bin/chromium are available, then the
 * durability count (bench/durable.ts: lost edits over 60 closed pages and killed browsers).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineBench } from './engine.ts';
import { benchYears } from './years.ts';
import { casesBench } from './cases.ts';


engineBench();
(await import('./cli.ts')).cliBench();
await benchYears();
await casesBench();

// The browser figures come from a fresh process: this one now holds the 100,000-institution
// runs, and its garbage collector would compete with Chromium for the machine's cores.
if (existsSync(new URL('./browser.ts', import.meta.url)) && existsSync('/usr/bin/chromium')) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./browser-only.ts', import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
} else {
  console.log('bench: browser figures skipped (bench/browser.ts or /usr/bin/chromium missing)');
}

await (await import('./risk.ts')).riskBench();
