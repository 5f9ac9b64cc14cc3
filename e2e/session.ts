/**
 * One Chromium per test file, and a fresh context (empty IndexedDB) for each start(). After each
 * test every session is closed and checked: nothing may have left the origin and nothing may have
 * been logged as an error or warning.
 */
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, settled, type Session } from './harness.ts';

export function useBrowser(): { start: () => Promise<Session> } {
  let browser: Browser;
  const sessions: Session[] = [];
  const baseUrl = inject('baseUrl');
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => {
    for (const s of sessions.splice(0)) {
      await s.context.close();
      expect(s.foreign(), 'requests outside the origin').toEqual([]);
      expect(s.errors, 'console errors and warnings').toEqual([]);
    }
  });
  return {
    async start() {
      const s = await open(browser, baseUrl);
      sessions.push(s);
      await settled(s.page);
      return s;
    },
  };
}
