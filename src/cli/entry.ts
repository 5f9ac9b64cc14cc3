/**
 * What bin/gbsim.mjs needs from the command line, in one module: the built CLI
 * (dist-cli/gbsim.mjs, scripts/build-cli.mjs) is this file bundled.
 */
export { main } from './main.ts';
export { setWorkerEntry } from './sweep-pool.ts';
export { setRiskWorkerEntry } from './risk/runner.ts';
