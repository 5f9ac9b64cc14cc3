#!/usr/bin/env node
/**
 * `npm test`: the type check and both vitest projects (vitest.config.ts), in two lanes at once:
 *   lane 1: tsc -p .  then  vitest run --project unit
 *   lane 2: vitest run --project e2e  (builds the app, then its files one after another)
 * One `vitest run` runs the projects one after the other, and on 2 cores gives the unit project
 * one worker: the e2e files, which mostly wait on Chromium, left a core idle for most of the run.
 * The e2e lane prints as it goes; the unit lane's output is printed whole when it ends (so the
 * two do not interleave), then one line per lane and the exit code: non-zero if any step failed.
 * Extra arguments go to both vitest runs (e.g. `npm test -- --reporter=dot`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (pkg, file) => join(ROOT, 'node_modules', pkg, file);
const extra = process.argv.slice(2);
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(0);

/** Run a command; `buffer` collects its output instead of passing it through. */
function run(cmd, args, buffer) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    if (buffer) {
      child.stdout.on('data', (d) => buffer.push(d));
      child.stderr.on('data', (d) => buffer.push(d));
    }
    child.on('error', (e) => { buffer?.push(Buffer.from(`${e.message}\n`)); ok(1); });
    child.on('exit', (code, signal) => ok(code ?? (signal ? 1 : 0)));
  });
}

const vitest = bin('vitest', 'vitest.mjs');
const unitOut = [];
const lines = [];

const lane1 = (async () => {
  const tsc = await run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', '.'], unitOut);
  lines.push(`test: tsc -p . rc=${tsc} (${secs()} s)`);
  const unit = await run(process.execPath, [vitest, 'run', '--project', 'unit', ...extra], unitOut);
  lines.push(`test: unit rc=${unit} (${secs()} s)`);
  process.stdout.write(Buffer.concat(unitOut));
  return tsc || unit;
})();

const lane2 = (async () => {
  const e2e = await run(process.execPath, [vitest, 'run', '--project', 'e2e', ...extra]);
  lines.push(`test: e2e rc=${e2e} (${secs()} s)`);
  return e2e;
})();

const rcs = await Promise.all([lane1, lane2]);
for (const l of lines) console.log(l);
const rc = rcs.some((c) => c !== 0) ? 1 : 0;
console.log(`test: ${rc ? 'FAILED' : 'passed'} in ${secs()} s`);
process.exit(rc);
