import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/** The demo softphone (tests/fixtures/softphone.html), driven the way an agent would. */
export class DemoSoftphonePage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, serverUrl: string): Promise<DemoSoftphonePage> {
    const page = await context.newPage();
    await page.goto(`${serverUrl}/demo/softphone.html`);
    return new DemoSoftphonePage(page);
  }

  async receiveCall(call: {
    number: string;
    name: string;
    queue?: string;
    transactionId?: string;
  }) {
    await this.page.fill('#sim-number', call.number);
    await this.page.fill('#sim-name', call.name);
    if (call.queue) await this.page.fill('#sim-queue', call.queue);
    if (call.transactionId) await this.page.fill('#sim-txid', call.transactionId);
    await this.page.click('#sim-incoming');
    await this.waitForState('ringing');
  }

  async answer() {
    await this.page.click('#answer');
    await this.waitForState('connected');
  }

  async hangUp() {
    await this.page.click('#hangup');
    await this.waitForState('ended');
  }

  async selectCode(code: string) {
    await this.page.check(`input[name="tcode"][value="${code}"]`);
  }

  waitForState(state: string) {
    return this.page.waitForSelector(`#call-panel[data-call-state="${state}"]`);
  }
}

/** The side panel, opened as a tab at chrome-extension://ID/sidepanel.html. */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<SidePanelPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    return new SidePanelPage(page);
  }

  taskRows() {
    return this.page.locator('[data-testid="task-list"] button.task-row');
  }

  /** Opens the task whose row shows this text, looking under "All" when the filter hides it. */
  async openTaskWithNumber(phone: string) {
    const row = this.taskRows().filter({ hasText: phone }).first();
    const listed = await row.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (!listed) await this.showFilter('All');
    await row.click();
    await this.page.waitForSelector('[data-testid="task-form"]');
  }

  async showFilter(name: string) {
    await this.page.getByRole('toolbar').getByRole('button', { name, exact: true }).click();
  }

  fact(field: string) {
    return this.page.locator(`.call-facts [data-field="${field}"]`);
  }

  async typeNotes(text: string) {
    await this.page.fill('textarea[name="notes"]', text);
  }

  /**
   * Saves the open form. A call log without a customer first asks for one (R4): unless the test
   * says otherwise, the agent answers "Save without customer".
   */
  async save(options: { onCustomerPrompt?: 'skip' | 'fail' } = {}) {
    await this.page.click('button[type="submit"]');
    const outcome = await Promise.race([
      this.page.waitForSelector('output:has-text("Saved")').then(() => 'saved' as const),
      this.page.waitForSelector('#customer-prompt-heading').then(() => 'prompt' as const),
    ]);
    if (outcome === 'prompt') {
      if (options.onCustomerPrompt === 'fail') throw new Error('the form asked for a customer');
      await this.page.click('button:has-text("Save without customer")');
      await this.page.waitForSelector('output:has-text("Saved")');
    }
  }

  async reload() {
    await this.page.reload();
    await this.page.waitForSelector('h2#my-tasks-heading');
  }
}

/** Rows to put straight into the extension's IndexedDB, as a sync pull would deliver them. */
export interface StoreSeed {
  tasks?: Record<string, unknown>[];
  customers?: Record<string, unknown>[];
  fieldDefinitions?: Record<string, unknown>[];
  transactionCodes?: Record<string, unknown>[];
  users?: Record<string, unknown>[];
  settings?: Record<string, unknown>;
}

const STORE_TABLES = [
  'tasks',
  'history',
  'customers',
  'users',
  'fieldDefinitions',
  'transactionCodes',
  'meta',
  'taskWords',
  'searchQueue',
  'customerWords',
] as const;

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Where the e2e suite leaves PNGs of the main screens for review by eye (not committed). */
export const SCREENSHOT_DIR = 'test-results/screenshots';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The workspace as the agent uses it: screens, the store behind them, and their checks. */
export class WorkspacePage extends SidePanelPage {
  static override async open(context: BrowserContext, extensionId: string) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await page.waitForSelector('h2#my-tasks-heading');
    return new WorkspacePage(page);
  }

  agentId(): Promise<string> {
    return this.page.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await chrome.storage.local.get('agentId')).agentId as string;
    });
  }

  /** Empties the store and the panel's drafts, so each test starts from nothing. */
  async clearStore() {
    await this.page.evaluate(async (tables) => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            storage: { local: { get(): Promise<object>; remove(keys: string[]): Promise<void> } };
          };
        }
      ).chrome;
      const all = await chrome.storage.local.get();
      await chrome.storage.local.remove(Object.keys(all).filter((key) => key.startsWith('draft:')));
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wrapup');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction([...tables], 'readwrite');
        for (const table of tables) tx.objectStore(table).clear();
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, STORE_TABLES);
  }

  /** Writes rows into the store, then reloads so every screen reads them. */
  async seed(seed: StoreSeed) {
    await this.page.evaluate(async (seed) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wrapup');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows: [string, unknown[]][] = [
        ['tasks', seed.tasks ?? []],
        ['customers', seed.customers ?? []],
        ['fieldDefinitions', seed.fieldDefinitions ?? []],
        ['transactionCodes', seed.transactionCodes ?? []],
        ['users', seed.users ?? []],
        ['meta', seed.settings ? [{ key: 'settings', value: seed.settings }] : []],
      ];
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(
          rows.map(([table]) => table),
          'readwrite',
        );
        for (const [table, values] of rows) {
          for (const value of values) tx.objectStore(table).put(value);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, seed);
    await this.reload();
  }

  /** axe-core over the screen as it is now; returns the serious and critical violations. */
  async seriousViolations(): Promise<AxeViolation[]> {
    // Evaluated through the DevTools protocol, so the extension page's CSP does not apply.
    await this.page.evaluate(AXE_SOURCE);
    const violations = await this.page.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map((node) => ({ target: node.target })),
      }));
    });
    return violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
  }

  /** Saves a PNG of the current screen for review; the README's is refreshed on request. */
  async screenshot(name: string) {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  }

  async newTask() {
    await this.page.getByRole('button', { name: 'New task', exact: true }).click();
    await this.page.waitForSelector('[data-testid="task-form"]');
  }

  form() {
    return this.page.locator('[data-testid="task-form"]');
  }

  fieldError(path: string) {
    return this.page.locator(`#${path.replace(/[^A-Za-z0-9_-]/g, '-')}-error`);
  }

  toLogRows() {
    return this.page.locator('[data-testid="to-log"] button');
  }
}
