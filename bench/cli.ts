/**
 * Whole-process figures of the command line, as a user runs it: `node bin/gbsim.mjs …` in a
 * child, wall time and peak RSS (from /usr/bin/time, GNU format %e %M), output to /dev/null.
 * - cli-cold-start-city: `gbsim run scenarios/city.json`, median of 5 starts (goal ≤ 0.5 s);
 * - cli-run-json-100000: `gbsim run --json` on a synthetic city of 100,000 (goal ≤ 3 s, ≤ 1 GB);
 * - cli-200000-*: run, --json, --csv, --xlsx (streamed: peak RSS is the figure to watch) and validate on 200,000
 *   institutions (goal: exit 0).
 */
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { synthCity } from './synth.ts';
import { printFigure } from './print.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';

interface Proc {
  ok: boolean;
  seconds: number;
  mb: number;
}

function gbsim(args: string[]): Proc {
  const err = join(tmpdir(), `gbsim-bench-time-${process.pid}`);
  const r = spawnSync(TIME, ['-f', '%e %M', '-o', err, process.execPath, 'bin/gbsim.mjs', ...args], {
    cwd: ROOT, stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], encoding: 'utf8',
  });
  const [s, kb] = (spawnSync('cat', [err], { encoding: 'utf8' }).stdout.trim().split('\n').pop() ?? '').split(' ');
  rmSync(err, { force: true });
  if (r.status !== 0) console.log(`bench: gbsim ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.slice(-300)}`);
  return { ok: r.status === 0, seconds: Number(s), mb: Number(kb) / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export function cliBench(): void {
  if (!existsSync(TIME)) {
    console.log('bench: CLI figures skipped (/usr/bin/time missing)');
    return;
  }
  // Timed as users run it, from the built JavaScript: built afresh, so an edit since `npm ci` is in it
  // (bin/gbsim.mjs would otherwise fall back to the slower TypeScript source).
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0 || !existsSync(join(ROOT, 'dist-cli/gbsim.mjs'))) {
    console.log('bench: dist-cli/ could not be built: the CLI figures are of the tsx source');
  }
  const starts = Array.from({ length: 5 }, () => gbsim(['run', 'scenarios/city.json']));
  printFigure('cli-cold-start-city', median(starts.map((p) => p.seconds)), 's');
  printFigure('cli-cold-start-city-rss', median(starts.map((p) => p.mb)), 'MB');

  const dir = mkdtempSync(join(tmpdir(), 'gbsim-bench-'));
  try {
    const f100 = join(dir, 'city-100000.json');
    writeFileSync(f100, JSON.stringify(synthCity(100_000, 42), null, 2));
    const runs = Array.from({ length: 3 }, () => gbsim(['run', f100, '--json']));
    printFigure('cli-run-json-100000', median(runs.map((p) => p.seconds)), 's');
    printFigure('cli-run-json-100000-rss', Math.max(...runs.map((p) => p.mb)), 'MB');
    rmSync(f100);

    const f200 = join(dir, 'city-200000.json');
    writeFileSync(f200, JSON.stringify(synthCity(200_000, 42), null, 2));
    for (const [name, args] of [
      ['run', ['run', f200]],
      ['run-json', ['run', f200, '--json']],
      ['run-csv', ['run', f200, '--json', '--csv', join(dir, 'r.csv')]],
      ['run-xlsx', ['run', f200, '--json', '--xlsx', join(dir, 'r.xlsx')]],
      ['validate', ['validate', f200]],
    ] as const) {
      const p = gbsim([...args]);
      printFigure(`cli-200000-${name}`, p.seconds, 's');
      printFigure(`cli-200000-${name}-rss`, p.mb, 'MB');
      printFigure(`cli-200000-${name}-ok`, p.ok ? 1 : 0, 'ok');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) cliBench();
