import { resolve } from 'node:path';

/** The repository root, found from this file so the server works from any working directory. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** Where the embedded PGlite database keeps its files unless WRAPUP_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = resolve(PROJECT_ROOT, 'data/pglite');

/** The demo agent console and CRM customer pages, served under /demo/. */
export const DEMO_PAGES_DIR = resolve(PROJECT_ROOT, 'tests/fixtures');

/** The unpacked Chrome build that `npx wxt build` writes. */
export const CHROME_EXTENSION_DIR = resolve(PROJECT_ROOT, '.output/chrome-mv3');
