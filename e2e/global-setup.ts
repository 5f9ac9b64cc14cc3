/** Vitest global setup of the e2e project: build once, serve dist/, hand the URL to the tests. */
import type { TestProject } from 'vitest/node';
import { buildApp, serve, type Served } from './serve.ts';

let served: Served | null = null;

export async function setup(project: TestProject): Promise<void> {
  await buildApp();
  served = await serve();
  project.provide('baseUrl', served.url);
}

export async function teardown(): Promise<void> {
  await served?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
