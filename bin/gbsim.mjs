#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx gbsim` works right after `npm ci`.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
// Worker threads of `gbsim sweep` and `gbsim risk` start from bin/ too (they need tsx in their own thread).
(await import('../src/cli/sweep-pool.ts')).setWorkerEntry(new URL('./sweep-worker.mjs', import.meta.url));
(await import('../src/cli/risk/runner.ts')).setRiskWorkerEntry(new URL('./risk-worker.mjs', import.meta.url));
process.exitCode = await main(process.argv.slice(2));
