#!/usr/bin/env node
// The command line. Runs the built JavaScript in dist-cli/ (scripts/build-cli.mjs, run by
// `npm ci` as the prepare step): no TypeScript to compile at start. Without a build, or with
// GBSIM_FROM_SOURCE=1 (working on src/cli without rebuilding), it runs the TypeScript source
// through tsx's loader instead, slower to start.
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/gbsim.mjs', import.meta.url);
const fromSource = process.env.GBSIM_FROM_SOURCE === '1' || !existsSync(built);
let cli;
if (fromSource) {
  if (process.env.GBSIM_FROM_SOURCE !== '1') process.stderr.write('gbsim: dist-cli/ is missing (run "npm run build:cli"); running the TypeScript source, slower to start\n');
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/entry.ts');
} else {
  cli = await import(built.href);
}
// Worker threads of `gbsim sweep` and `gbsim risk` start from the same kind of file as this
// thread (built, or tsx-registering ones in bin/: Node 20 workers do not inherit loader hooks).
const here = fromSource ? new URL('./', import.meta.url) : new URL('../dist-cli/', import.meta.url);
cli.setWorkerEntry(new URL('sweep-worker.mjs', here));
cli.setRiskWorkerEntry(new URL('risk-worker.mjs', here));
process.exitCode = await cli.main(process.argv.slice(2));
