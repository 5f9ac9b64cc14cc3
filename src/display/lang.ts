/** The two languages of the UI, exports and command line, and the two units amounts are shown in. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** 元 or 万元. */
export type Unit = 'yuan' | 'wan';
