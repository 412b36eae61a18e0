import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromiumOptional } from '../e2e/support/chromium';
import { serveStatic } from '../e2e/support/static-server';
import { type BenchConfig, type BenchReport, formatReport } from './report';

/**
 * `npm run bench`: the local store in real headless Chromium IndexedDB. BENCH_TASKS scales the
 * run down while iterating (default 100,000); the figures that count are the full-size ones.
 * IndexedDB lives on disk, in a profile of its own, as the extension's does: a plain Playwright
 * context is off the record, where Chromium keeps IndexedDB in memory and queries ran about
 * eight times faster than on disk. BENCH_STORAGE=memory measures that way for comparison.
 */
function configFromEnv(): BenchConfig {
  const tasks = Number(process.env.BENCH_TASKS ?? 100_000);
  return {
    tasks,
    customers: Math.max(100, Math.round(tasks / 5)),
    agents: Math.max(2, Math.round(tasks / 2500)),
    iterations: Number(process.env.BENCH_ITERATIONS ?? 200),
    warmup: 20,
  };
}

type Storage = 'disk' | 'memory';

const STORAGE_NAMES: Record<Storage, string> = {
  disk: 'IndexedDB on disk (a persistent profile, as the extension has)',
  memory: 'IndexedDB in memory (off-the-record context; faster than any agent gets)',
};

/** Timings mean little on a busy machine: the report says how busy it was. */
function machineLoad(startLoad: number, storage: Storage): string {
  const endLoad = loadavg()[0] ?? 0;
  return `${cpus().length} CPUs, load average ${startLoad.toFixed(1)} at start, ${endLoad.toFixed(1)} at end; ${STORAGE_NAMES[storage]}`;
}

async function bundlePage(outDir: string) {
  const here = dirname(fileURLToPath(import.meta.url));
  await build({
    entryPoints: [join(here, 'page', 'bench-page.ts')],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    outfile: join(outDir, 'bench.js'),
    logLevel: 'warning',
  });
  await writeFile(
    join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>Wrapup bench</title><script type="module" src="bench.js"></script>',
  );
}

async function main() {
  const executablePath = findChromiumOptional();
  if (!executablePath) throw new Error('No Chromium found: install it or set CHROMIUM_PATH.');
  const config = configFromEnv();
  const startLoad = loadavg()[0] ?? 0;
  const outDir = await mkdtemp(join(tmpdir(), 'wrapup-bench-'));
  const server = await (async () => {
    await bundlePage(outDir);
    return serveStatic(outDir);
  })();
  const storage: Storage = process.env.BENCH_STORAGE === 'memory' ? 'memory' : 'disk';
  const launchOptions = {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
  const profileDir = await mkdtemp(join(tmpdir(), 'wrapup-bench-profile-'));
  const context =
    storage === 'disk'
      ? await chromium.launchPersistentContext(profileDir, launchOptions)
      : await (await chromium.launch(launchOptions)).newContext();
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) console.log(message.text());
    });
    page.on('pageerror', (error) => console.error(error));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => 'runWrapupBench' in window);
    const report: BenchReport = await page.evaluate(
      (benchConfig) => window.runWrapupBench(benchConfig),
      config,
    );
    const { text, withinBudget } = formatReport(report, machineLoad(startLoad, storage));
    console.log(`\n${text}\n`);
    if (!withinBudget) console.log('Some query is over its p95 budget.');
  } finally {
    await context.close();
    await context.browser()?.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

await main();
