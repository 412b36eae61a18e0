export interface BenchConfig {
  tasks: number;
  customers: number;
  agents: number;
  iterations: number;
  warmup: number;
}

export interface QuerySamples {
  name: string;
  queryMs: number[];
  /** The same result rows read with bare IndexedDB, right after each query. */
  rawMs: number[];
  rows: number[];
}

export interface BenchReport {
  config: BenchConfig;
  customersMs: number;
  storeMs: number;
  indexMs: number;
  /** Right after the rows are stored, before the search index has caught up. */
  beforeIndex: { listMs: number; openMs: number; searchSaysIncomplete: boolean };
  results: QuerySamples[];
  userAgent: string;
}

export const QUERY_BUDGET_P95_MS = 50;

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function cell(value: string, width: number, alignRight = true): string {
  return alignRight ? value.padStart(width) : value.padEnd(width);
}

/** The figures as a plain-text table, and whether every query kept the p95 budget. */
export function formatReport(
  report: BenchReport,
  machine: string,
): { text: string; withinBudget: boolean } {
  const ms = (value: number) => value.toFixed(1);
  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  const { config } = report;
  const lines = [
    `Wrapup store benchmark — ${config.tasks.toLocaleString('en')} tasks, ${config.customers.toLocaleString('en')} customers, ${config.agents} agents`,
    report.userAgent,
    machine,
    '',
    `customers stored                     ${seconds(report.customersMs)}`,
    `tasks stored (listable, openable)    ${seconds(report.storeMs)}  (${Math.round(config.tasks / (report.storeMs / 1000)).toLocaleString('en')} tasks/s)`,
    `  then, before indexing: my open tasks (50) ${ms(report.beforeIndex.listMs)} ms, open a task ${ms(report.beforeIndex.openMs)} ms, search says index incomplete: ${report.beforeIndex.searchSaysIncomplete ? 'yes' : 'NO'}`,
    `search index caught up afterwards    ${seconds(report.indexMs)}  (${Math.round(config.tasks / (report.indexMs / 1000)).toLocaleString('en')} tasks/s)`,
    '',
    `${config.iterations} runs each (after ${config.warmup} warm-up runs); raw = the same result rows read with bare IndexedDB (one transaction, get per id)`,
    '',
  ];
  const header = [
    cell('query', 26, false),
    cell('rows', 6),
    cell('p50 ms', 8),
    cell('p95 ms', 8),
    cell('raw p50', 8),
    cell('raw p95', 8),
    cell('p50 ×raw', 9),
    cell('p95 ×raw', 9),
    cell(`≤${QUERY_BUDGET_P95_MS} ms`, 7),
  ].join(' ');
  lines.push(header, '-'.repeat(header.length));
  let withinBudget = true;
  for (const result of report.results) {
    const p50 = percentile(result.queryMs, 0.5);
    const p95 = percentile(result.queryMs, 0.95);
    const rawP50 = percentile(result.rawMs, 0.5);
    const rawP95 = percentile(result.rawMs, 0.95);
    const meanRows = result.rows.reduce((sum, rows) => sum + rows, 0) / result.rows.length;
    const ok = p95 <= QUERY_BUDGET_P95_MS;
    withinBudget &&= ok;
    lines.push(
      [
        cell(result.name, 26, false),
        cell(meanRows.toFixed(1), 6),
        cell(ms(p50), 8),
        cell(ms(p95), 8),
        cell(ms(rawP50), 8),
        cell(ms(rawP95), 8),
        cell(`${(p50 / rawP50).toFixed(1)}×`, 9),
        cell(`${(p95 / rawP95).toFixed(1)}×`, 9),
        cell(ok ? 'yes' : 'NO', 7),
      ].join(' '),
    );
  }
  return { text: lines.join('\n'), withinBudget };
}
