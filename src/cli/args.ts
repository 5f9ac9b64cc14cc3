/** A small, strict argument parser: known flags only, so typos are usage errors (exit 2). */
import { parseArgs } from 'node:util';
import { CliError } from './io.ts';
import type { Lang } from '../display/lang.ts';
import { shiftPoint } from '../display/number.ts';

export type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Every command takes `--lang zh|en` (its messages; main reads it before the command runs). */
export function parse(args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: { lang: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag} must be one of ${allowed.join(', ')}`, 2);
}

/** The system's language: Chinese when LC_ALL / LC_MESSAGES / LANG (first one set) starts with zh, else English. */
export function systemLang(env: Record<string, string | undefined> = process.env): 'zh' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** `--lang zh|en`; without it, the system's language. Every command reads its language here. */
export function langOption(value: unknown, env?: Record<string, string | undefined>): 'zh' | 'en' {
  return oneOf(value, ['zh', 'en'] as const, '--lang', systemLang(env));
}

/** The `--lang` option's declaration, for a command's option table. */
export const LANG_OPTION = { lang: { type: 'string' } } as const satisfies Options;

/**
 * The language of messages: `--lang zh|en` anywhere in the arguments, else Chinese where the
 * system locale is Chinese (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them), else English.
 */
export function cliLang(argv: readonly string[], env: Record<string, string | undefined> = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (a === '--lang' || a.startsWith('--lang=')) {
      if (v === 'zh' || v === 'en') return v;
      throw new CliError('--lang must be one of zh, en', 2);
    }
  }
  return systemLang(env);
}

/** A number as a flag takes it: "0.05", "-3", ".5" (no exponent, no float rounding). */
export const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

/** Whether a flag's value is typed as a percentage ("5%", "-2.5 %"). */
export const isPercent = (v: string): boolean => v.trim().endsWith('%');

/**
 * A rate as the file keeps it: as typed when written as a decimal ("0.05"), converted exactly
 * when written as a percentage ("5%" → "0.05": the digits shifted, never through a float).
 * A percentage that is no number is a usage error naming the flag.
 */
export function rateFlag(flag: string, v: string): string {
  const s = v.trim();
  if (!isPercent(s)) return s;
  const pct = s.slice(0, -1).trim();
  if (!NUMBER.test(pct)) throw new CliError(`${flag} must be a number or a percentage, not "${v}"`, 2);
  return shiftPoint(pct, -2);
}
