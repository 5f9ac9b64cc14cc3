/**
 * The command line as installed: bin/gbsim.mjs running the built JavaScript in dist-cli/
 * (scripts/build-cli.mjs, the prepare step of `npm ci`), in a child process, worker threads
 * included. The build is made afresh first, so these test today's source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';

const gbsim = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gbsim.mjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GBSIM_FROM_SOURCE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

async function inProcess(...args: string[]): Promise<string> {
  const out: string[] = [];
  await main(args, { out: (s) => out.push(`${s}\n`), err: () => {} });
  return out.join('');
}

beforeAll(() => {
  const b = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  expect(b.status, b.stderr).toBe(0);
  expect(existsSync('dist-cli/gbsim.mjs')).toBe(true);
}, 120_000);

describe('the built CLI (dist-cli/)', () => {
  it('gbsim run --json prints what the source prints, byte for byte, without a fallback note', async () => {
    const r = gbsim('run', 'scenarios/city.json', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(await inProcess('run', 'scenarios/city.json', '--json'));
  }, 120_000);

  it('gbsim run and validate: the text report and exit codes', async () => {
    const run = gbsim('run', 'scenarios/city.json', '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.out).toBe(await inProcess('run', 'scenarios/city.json', '--lang', 'en'));
    expect(gbsim('validate', 'scenarios/city.json').code).toBe(0);
    expect(gbsim('validate', 'no-such-file.json').code).toBe(1);
    expect(gbsim('frobnicate').code).toBe(2);
  }, 180_000);

  it('gbsim sweep with two worker threads (dist-cli/sweep-worker.mjs) gives the in-thread rows', async () => {
    const args = ['sweep', 'scenarios/city.json', '--param', 'policy.deposit.rates.hospital', '--from', '0.05', '--to', '0.15', '--step', '0.05', '--output', 'closingBalance', '--json'];
    const two = gbsim(...args, '--workers', '2');
    expect(two.code, two.err).toBe(0);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(await inProcess(...args, '--workers', '0')));
  }, 180_000);

  it('gbsim risk with two worker threads (dist-cli/risk-worker.mjs) gives the one-thread figures', () => {
    const args = ['risk', 'scenarios/city.json', '--draws', '200', '--seed', '9', '--sigma-common', '0.05', '--json'];
    const one = gbsim(...args, '--workers', '1');
    const two = gbsim(...args, '--workers', '2');
    expect(two.code, two.err).toBe(0);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
  }, 180_000);

  it('a build older than a source file is not used: the source runs, and the note says why', () => {
    const file = 'src/format/path.ts';
    const before = statSync(file);
    const after = new Date(statSync('dist-cli/gbsim.mjs').mtimeMs + 60_000);
    try {
      utimesSync(file, after, after);
      const r = gbsim('validate', 'scenarios/city.json');
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/dist-cli\/ is older than src\/ \(run "npm run build:cli"\); running the TypeScript source/);
    } finally {
      utimesSync(file, before.atime, before.mtime);
    }
    expect(gbsim('validate', 'scenarios/city.json').err).toBe('');
  }, 120_000);
});
