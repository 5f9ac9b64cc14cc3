/** A small, strict argument parser: known flags only, so typos are usage errors (exit 2). */
import { parseArgs } from 'node:util';
import { CliError } from './io.ts';

export type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parse(args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
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
