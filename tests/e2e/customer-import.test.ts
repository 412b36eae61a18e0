import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { WorkspacePage } from './support/pages';
import { fieldDefinitionRecord, taskRecord } from './support/workspace-records';

const chromiumPath = inject('chromiumPath');

/** Three good rows, and two bad ones: rows 3 (no name) and 5 (no phone number). */
const FILE = [
  'Full name;Mobile;E-mail;Company;CRM ID',
  'Grace Hopper;(415) 555-0101;grace@example.com;Navy;C-101',
  ';(415) 555-0102;nobody@example.com;;C-102',
  '"Lovelace; Ada";+44 20 7946 0958;ada@example.com;;C-103',
  'Alan Kay;call me maybe;alan@example.com;;C-104',
  'Edsger Dijkstra;415.555.0105;;"TU ""Eindhoven""";C-105',
].join('\r\n');

interface StoredCustomer {
  name: string;
  phones: string[];
  emails: string[];
  company: string | null;
}

function storedCustomers(page: Page): Promise<StoredCustomer[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<StoredCustomer[]>((resolve, reject) => {
      const request = db.transaction('customers').objectStore('customers').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  });
}

async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

describe.skipIf(!chromiumPath)(
  'options page: customer import and CSV export, in real Chromium',
  () => {
    let browser: ExtensionBrowser;
    let panel: WorkspacePage;
    let options: Page;

    beforeAll(async () => {
      browser = await launchWithExtension({
        chromiumPath: chromiumPath!,
        extensionPath: inject('extensionPath'),
      });
      panel = await WorkspacePage.open(browser.context, browser.extensionId);
      const agent = await panel.agentId();
      await panel.seed({
        fieldDefinitions: [fieldDefinitionRecord('budget', 'Budget', 'text')],
        tasks: [
          taskRecord(agent, { subject: 'Quote for the Navy', fields: { budget: '=1+1' } }),
          taskRecord(agent, { subject: 'Long ago', createdAt: '2020-01-01T00:00:00.000Z' }),
        ],
      });
      options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.waitForSelector('[data-testid="customer-import"]');
    });

    afterAll(async () => {
      await browser?.dispose();
    });

    it('importing a CSV with bad rows reports each bad row and imports only the good ones (R3)', async () => {
      await options.setInputFiles('#import-file', {
        name: 'customers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${FILE}`, 'utf8'),
      });
      await options.waitForSelector('text=First 5 of 5 rows');
      expect(
        await Promise.all([0, 1, 2, 3, 4].map((n) => options.inputValue(`#import-column-${n}`))),
      ).toEqual(['name', 'phone', 'email', 'company', 'externalId']);

      await options.fill('#import-country', 'U1');
      await options.getByRole('button', { name: 'Check rows' }).click();
      await expect
        .poll(() => options.textContent('#import-country-error'))
        .toContain('not a two-letter');
      await options.fill('#import-country', 'us');
      await options.getByRole('button', { name: 'Check rows' }).click();
      await options.waitForSelector('text=3 rows ready to import, 2 rows with problems.');
      const problems = await options
        .locator('[data-testid="import-problems"] tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
        );
      expect(problems).toEqual([
        ['3', 'Full name', 'Name is required.'],
        ['5', 'Mobile', 'Not a valid phone number; include the country code.'],
      ]);

      await options.getByRole('button', { name: 'Import 3 good rows' }).click();
      await options.waitForSelector('text=Imported 3 customers.');
      const bar = options.getByRole('progressbar', { name: 'Import progress' });
      expect(await bar.getAttribute('aria-valuenow')).toBe('3');
      expect(await bar.getAttribute('aria-valuemax')).toBe('3');

      const stored = await storedCustomers(options);
      expect(
        stored.map(({ name, phones, emails, company }) => ({ name, phones, emails, company })),
      ).toEqual(
        expect.arrayContaining([
          {
            name: 'Grace Hopper',
            phones: ['+14155550101'],
            emails: ['grace@example.com'],
            company: 'Navy',
          },
          {
            name: 'Lovelace; Ada',
            phones: ['+442079460958'],
            emails: ['ada@example.com'],
            company: null,
          },
          {
            name: 'Edsger Dijkstra',
            phones: ['+14155550105'],
            emails: [],
            company: 'TU "Eindhoven"',
          },
        ]),
      );
      expect(stored).toHaveLength(3);

      // The agent finds an imported customer in the side panel's customer picker.
      await panel.reload();
      await panel.newTask();
      await panel.page.fill('input[name="customer-search"]', 'dijkstra');
      await panel.page.waitForSelector('.customer-results button:has-text("Edsger Dijkstra")');
    });

    it('exports tasks created in the range with custom fields, formulas made harmless', async () => {
      const today = new Date().toISOString().slice(0, 10);
      await options.fill('#export-from', '2025-01-01');
      await options.fill('#export-to', today);
      const tasks = await downloaded(options, 'Export tasks');
      expect(tasks.startsWith('\uFEFFNumber,Kind,Origin,Subject,Status,')).toBe(true);
      const [header, ...rows] = tasks.slice(1).trimEnd().split('\r\n');
      expect(header?.endsWith(',Notes,Budget')).toBe(true);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('Quote for the Navy');
      expect(rows[0]?.endsWith(",'=1+1")).toBe(true);
      await options.waitForSelector('text=Exported 1 tasks.');

      const customers = await downloaded(options, 'Export customers');
      expect(customers).toContain('Grace Hopper,+14155550101,grace@example.com,Navy,C-101');
      expect(customers).toContain('Lovelace; Ada,+442079460958,ada@example.com,,C-103');

      await options.fill('#export-from', today);
      await options.fill('#export-to', '2025-01-01');
      await options.getByRole('button', { name: 'Export tasks' }).click();
      await options.waitForSelector('text=The first day is after the last day.');
    });
  },
);
