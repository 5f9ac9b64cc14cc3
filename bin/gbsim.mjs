#!/usr/bin/env node
// The command line. Runs the built JavaScript in dist-cli/ (scripts/build-cli.mjs, run by
// `npm ci` as the prepare step): no TypeScript to compile at start. Without a build, with a
// build older than a source file it bundles (src/ but the page's src/app: an edit or a checkout
// since the build), or with GBSIM_FROM_SOURCE=1, it runs the TypeScript source through tsx's
// loader instead, slower to start, and says why (but when asked).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist-cli/gbsim.mjs', import.meta.url);
// The sources the build bundles (not an import: read only for their modification times).
const src = `${fileURLToPath(new URL('..', import.meta.url))}src`;

/** Is any file under src/ (src/app aside) newer than the build? About 170 entries, a few ms. */
function stale(builtMs) {
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory() ? path !== `${src}/app` && walk(path) : statSync(path).mtimeMs > builtMs) return true;
    }
    return false;
  };
  return existsSync(src) && walk(src);
}

const why = process.env.GBSIM_FROM_SOURCE === '1' ? 'asked'
  : !existsSync(built) ? 'dist-cli/ is missing'
  : stale(statSync(built).mtimeMs) ? 'dist-cli/ is older than src/'
  : null;
const fromSource = why !== null;
let cli;
if (fromSource) {
  if (why !== 'asked') process.stderr.write(`gbsim: ${why} (run "npm run build:cli"); running the TypeScript source, slower to start\n`);
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
