import type { DemoSeed } from './demo/seed-demo';

export interface DemoBannerInfo {
  /** The server's base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Absolute path of the unpacked Chrome extension. */
  extensionDir: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** The demo contact center's accounts, when there is one. */
  demo?: DemoSeed | null;
}

function signInLines(demo: DemoSeed | null | undefined): string[] {
  if (!demo) return [];
  const width = Math.max(...demo.accounts.map((account) => account.email.length));
  return [
    `  Sign in to "${demo.tenantName}"${demo.created ? ' (created just now)' : ''}:`,
    ...demo.accounts.map(
      (account) =>
        `    ${account.role.padEnd(14)} ${account.email.padEnd(width)}   password: ${account.password}`,
    ),
    '',
  ];
}

/** What `npm start` prints once everything is up: where to go and what to do, in order. */
export function formatDemoBanner(info: DemoBannerInfo): string {
  const rule = '─'.repeat(78);
  return [
    '',
    rule,
    '  Wrapup is running.',
    rule,
    '',
    `  Server        ${info.url}`,
    `  Health        ${info.url}/health`,
    `  Database      PGlite (embedded PostgreSQL), data in ${info.dataDir}`,
    '',
    ...signInLines(info.demo),
    '  Demo pages',
    `    Agent console (softphone)   ${info.url}/demo/softphone.html`,
    `    CRM customer page           ${info.url}/demo/customer.html?id=C-1001`,
    '',
    '  The extension, unpacked and ready to load:',
    `    ${info.extensionDir}`,
    '',
    '  To load it in Chrome or Chromium:',
    '    1. Open chrome://extensions',
    '    2. Switch on "Developer mode" (top right)',
    '    3. Click "Load unpacked" and pick the folder above',
    '    4. Click the Wrapup toolbar button to open the side panel',
    '',
    '  Press Ctrl+C to stop.',
    rule,
    '',
  ].join('\n');
}
