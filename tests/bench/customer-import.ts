import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../e2e/support/browser';
import { findChromiumOptional } from '../e2e/support/chromium';

/**
 * `npm run bench:import`: the production build in headless Chromium, its options page importing a
 * CSV file of 10,000 customers (a tenth of them bad) into the store on disk. Prints the time to
 * read and check the file (from choosing it to the report) and to store the good rows (from the
 * click to the summary), with the progress bar moving.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = resolve(ROOT, process.env.WRAPUP_OUT_DIR ?? '.output-bench');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

function csvFile(rows: number): string {
  const lines = ['Name,Phone,Email,Company,Customer ID,Notes'];
  for (let n = 0; n < rows; n += 1) {
    const bad = n % 10 === 9;
    const phone = bad
      ? 'no phone'
      : `+1 415 ${String(2_000_000 + n).slice(0, 3)} ${String(n).padStart(4, '0')}`;
    lines.push(
      `Customer ${n},${phone},customer${n}@example.com,"Company ${n % 50}, Inc.",C-${n},"Imported\nfrom the old CRM"`,
    );
  }
  return lines.join('\r\n');
}

async function main() {
  const chromiumPath = findChromiumOptional();
  if (!chromiumPath) throw new Error('No Chromium found: install it or set CHROMIUM_PATH.');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, WRAPUP_OUT_DIR: OUT_DIR },
  });
  const startLoad = loadavg()[0] ?? 0;
  const browser = await launchWithExtension({
    chromiumPath,
    extensionPath: join(OUT_DIR, 'chrome-mv3'),
  });
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="customer-import"]');
    const file = Buffer.from(csvFile(ROWS), 'utf8');

    const checkStart = performance.now();
    await page.setInputFiles('#import-file', { name: 'c.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Check rows' }).click();
    await page.waitForSelector('text=rows ready to import', { timeout: 120_000 });
    const checkMs = performance.now() - checkStart;
    const summary = await page.getByText(/rows ready to import/).textContent();

    const importStart = performance.now();
    await page.getByRole('button', { name: /^Import \d+ good rows$/ }).click();
    const progress = new Set<string>();
    const bar = page.getByRole('progressbar');
    while (!(await page.getByText(/^Imported \d+ customers\.$/).count())) {
      const now = await bar.getAttribute('aria-valuenow').catch(() => null);
      if (now) progress.add(now);
      await page.waitForTimeout(50);
    }
    const importMs = performance.now() - importStart;
    const done = await page.getByText(/^Imported \d+ customers\.$/).textContent();
    console.log(
      [
        `Customer import of ${ROWS.toLocaleString('en')} CSV rows (${(file.length / 1e6).toFixed(1)} MB) in the options page, store on disk`,
        `  read + check: ${checkMs.toFixed(0)} ms — ${summary}`,
        `  store:        ${importMs.toFixed(0)} ms — ${done} (progress seen at ${progress.size} points)`,
        `  machine: ${cpus().length} CPUs, load average ${startLoad.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end`,
      ].join('\n'),
    );
  } finally {
    await browser.dispose();
  }
}

await main();
