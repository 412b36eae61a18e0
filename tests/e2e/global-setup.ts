import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromiumOptional } from './support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string | null;
    extensionPath: string;
    productionExtensionPath: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = resolve(ROOT, process.env.WRAPUP_OUT_DIR ?? '.output');

/** Builds the extension once for every browser test: the e2e flavour and the production one. */
export default function setup(project: TestProject) {
  const chromiumPath = findChromiumOptional() ?? null;
  if (!chromiumPath) {
    const message =
      'No Chromium found (set CHROMIUM_PATH or `apt-get install chromium`): browser tests are SKIPPED.';
    if (process.env.WRAPUP_E2E === 'required') throw new Error(`${message} WRAPUP_E2E=required.`);
    console.warn(`\n${'!'.repeat(100)}\n${message}\n${'!'.repeat(100)}\n`);
  } else {
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'inherit' });
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  project.provide('chromiumPath', chromiumPath);
  project.provide('extensionPath', resolve(OUT_DIR, 'chrome-mv3-e2e'));
  project.provide('productionExtensionPath', resolve(OUT_DIR, 'chrome-mv3'));
}
