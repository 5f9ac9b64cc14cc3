/**
 * The engine against a straightforward Python-decimal peer of the same year (bench/peer/settle.py;
 * tests/peer checks they agree to the fen): compile + settle in the engine vs the peer's settle, both
 * from the file's strings to exact amounts (neither parses JSON nor formats a result inside the timing),
 * medians of warm runs, on the bench's synthetic cities. Skipped with a line when python3 is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthCity } from './synth.ts';
import { printFigure } from './print.ts';

const PEER = fileURLToPath(new URL('./peer/settle.py', import.meta.url));

/** The peer's median settle time (ms) on synthCity(n, 42), or null without python3. */
export function peerMs(n: number, runs: number): number | null {
  if (spawnSync('python3', ['-c', 'import decimal']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'gbsim-peer-'));
  try {
    const file = join(dir, `city-${n}.json`);
    writeFileSync(file, JSON.stringify(synthCity(n, 42)));
    const r = spawnSync('python3', [PEER, file, '--time', String(runs)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench/peer/settle.py: ${r.stderr}`);
    return Number(r.stderr.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Print the peer's time and the engine's speed against it (engineMs: its compile + settle). */
export function printPeer(n: number, engineMs: number, runs: number): void {
  const ms = peerMs(n, runs);
  if (ms === null) {
    console.log(`bench: peer-${n} skipped (python3 missing)`);
    return;
  }
  printFigure(`peer-python-decimal-settle-${n}`, ms, 'ms');
  printFigure(`engine-vs-peer-${n}`, ms / engineMs, 'x');
}
