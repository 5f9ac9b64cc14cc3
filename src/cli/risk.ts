/**
 * `gbsim risk FILE`: Monte Carlo risk of a scenario (DESIGN §9) over worker threads — the
 * fund figures' percentiles, the probability the adjustment fund is exhausted, and the
 * institutions ranked by their probability of overspending beyond the threshold.
 */
import { parse, oneOf, langOption, LANG_OPTION, NUMBER, rateFlag } from './args.ts';
import { CliError, IssuesError, readScenario, wroteLine, type Io } from './io.ts';
import { shiftPoint } from '../display/number.ts';
import { prepareRisk, RiskError } from '../engine/risk/prepare.ts';
import { riskParamsOf, validateRiskParams, type RiskParams } from '../engine/risk/params.ts';
import { summarize } from '../engine/risk/summary.ts';
import { ScenarioError } from '../format/issues.ts';
import { defaultWorkers, runDrawsInWorkers } from './risk/runner.ts';
import { riskJson, riskText } from './risk/report.ts';

/** Which flag sets which parameter (so a bad value is reported under the flag the user typed). */
const FLAG_OF: Record<string, string> = {
  draws: '--draws', seed: '--seed', sigmaCommon: '--sigma-common', sigma: '--sigma', sigmaByCategory: '--sigma-category', deductions: '--deductions',
    overspendThreshold: '--threshold',
};

function number(flag: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  if (!NUMBER.test(s)) throw new CliError(`${flag} must be a number, not "${v}"`, 2);
  return Number(s);
}

/** A spread or threshold: as the file writes it (0.05) or as a percentage (5%), exactly (args.ts rateFlag). */
function rate(flag: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  return number(flag, rateFlag(flag, String(v)));
}

function categories(v: string | boolean | undefined): Record<string, number> | undefined {
  if (v === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of String(v).split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=]+)=(.+)$/.exec(part);
    if (!m) throw new CliError(`--sigma-category takes CATEGORY=X pairs separated by commas, not "${part}"`, 2);
    out[m[1]!.trim()] = rate(`--sigma-category ${m[1]!.trim()}`, m[2])!;
  }
  return out;
}

/** The risk parameters from the flags, defaults elsewhere; bad values are usage errors naming the flag. */
export function paramsFromFlags(values: Record<string, string | boolean | undefined>, kept?: Partial<RiskParams>): RiskParams {
  const p: Partial<RiskParams> = {};
  const set = <K extends keyof RiskParams>(k: K, v: RiskParams[K] | undefined) => { if (v !== undefined) p[k] = v; };
  set('draws', number('--draws', values.draws));
  set('seed', number('--seed', values.seed));
  set('sigmaCommon', rate('--sigma-common', values['sigma-common']));
  set('sigma', rate('--sigma', values.sigma));
  set('sigmaByCategory', categories(values['sigma-category']));
  set('overspendThreshold', rate('--threshold', values.threshold));
  if (values.deductions !== undefined) set('deductions', oneOf(values.deductions, ['scaled', 'fixed'] as const, '--deductions', 'scaled'));
  const params = riskParamsOf(kept, p);
  const bad = validateRiskParams(params);
  if (bad.length) {
    throw new CliError(bad.map((i) => {
      const [field, ...rest] = i.path.split('.');
      return `${FLAG_OF[field!] ?? field}${rest.length ? ` ${rest.join('.')}` : ''}: ${i.message}`;
    }).join('\n'), 2);
  }
  return params;
}

export async function riskCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    draws: { type: 'string' }, seed: { type: 'string' }, 'sigma-common': { type: 'string' }, sigma: { type: 'string' },
    'sigma-category': { type: 'string' }, deductions: { type: 'string' }, threshold: { type: 'string' },
    workers: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' }, unit: { type: 'string' }, top: { type: 'string' },
    ...LANG_OPTION,
  });
  if (positionals.length !== 1) throw new CliError('risk takes exactly one scenario file', 2);
  const file = positionals[0]!;
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const workers = number('--workers', values.workers) ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new CliError('--workers must be a whole number from 1 to 64', 2);
  const top = number('--top', values.top) ?? 20;
  if (!Number.isInteger(top) || top < 0) throw new CliError('--top must be a whole number ≥ 0', 2);

  const scenario = readScenario(file);
  // The file's analysis.risk, then the flags over it: the same figures as the app for the same file.
  const params = paramsFromFlags(values, scenario.analysis?.risk);
  let prepared;
  try {
    prepared = prepareRisk(scenario, params);
  } catch (e) {
    if (e instanceof RiskError || e instanceof ScenarioError) throw new IssuesError(file, e.issues, scenario);
    throw e;
  }
  const { input, meta } = prepared;

  // Ctrl-C stops the workers cleanly; progress goes to a terminal only.
  const ac = new AbortController();
  const onSigint = () => ac.abort();
  process.once('SIGINT', onSigint);
  const tty = process.stderr.isTTY === true;
  let shown = -1;
  let merged;
  try {
    merged = await runDrawsInWorkers(input, {
      workers,
      signal: ac.signal,
      onProgress: tty ? (done, total) => {
        const pc = Math.floor((100 * done) / total);
        if (pc !== shown) { shown = pc; process.stderr.write(`\r${done.toLocaleString('en')} / ${total.toLocaleString('en')} draws (${pc}%)`); }
      } : undefined,
    });
  } catch (e) {
    if (ac.signal.aborted) { io.err(`${tty ? '\n' : ''}cancelled`); return 130; }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    if (tty && shown >= 0) process.stderr.write('\n');
  }
  const summary = summarize(merged);
  const report = { name: scenario.meta.name, params, summary, meta };
  io.out(values.json ? JSON.stringify(riskJson(report), null, 2) : riskText(report,
    { unit, top, workers: Math.min(workers, params.draws), lang: langOption(values.lang) }));
  if (typeof values.xlsx === 'string') {
    const { writeRiskXlsx } = await import('./risk/xlsx.ts');
    await writeRiskXlsx(values.xlsx, report, merged, unit);
    io.err(wroteLine(values.xlsx, langOption(values.lang)));
  }
  return 0;
}
