import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NewTaskRequest } from '../../lib/page-context/new-task-request';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { SidePanelPage, WorkspacePage } from './support/pages';
import { type StaticServer, serveStatic } from './support/static-server';

const chromiumPath = inject('chromiumPath');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

const GRACE = '0190a000-0000-7000-8000-000000000001';
const ADA = '0190a000-0000-7000-8000-000000000002';

function customer(id: string, name: string, extra: Record<string, unknown>) {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id,
    name,
    phones: [],
    emails: [],
    company: null,
    externalIds: [],
    notes: '',
    createdAt: at,
    updatedAt: at,
    version: 0,
    deletedAt: null,
    ...extra,
  };
}

type Gesture =
  | { kind: 'command' }
  | { kind: 'menu'; menuItemId: string; selectionText?: string; linkUrl?: string };

/**
 * Runs the background's own context-menu or shortcut listener for the tab showing `url`:
 * headless Chromium cannot click native menus, so the test calls the very function the menu runs.
 */
async function quickTask(worker: Worker, url: string, gesture: Gesture): Promise<NewTaskRequest> {
  return worker.evaluate(
    async ({ url, gesture }) => {
      type Tab = { id: number; url: string; windowId: number };
      const scope = globalThis as unknown as {
        chrome: { tabs: { query(filter: object): Promise<Tab[]> } };
        wrapupQuickTask: {
          menuClicked(info: object, tab: Tab): Promise<unknown>;
          command(command: string, tab: Tab): Promise<unknown>;
        };
      };
      const tabs = await scope.chrome.tabs.query({});
      const tab = tabs.find((candidate) => candidate.url === url);
      if (!tab) throw new Error(`no tab shows ${url}`);
      if (gesture.kind === 'command') return scope.wrapupQuickTask.command('quick-task', tab);
      const { kind: _kind, ...info } = gesture;
      return scope.wrapupQuickTask.menuClicked({ ...info, editable: false, pageUrl: url }, tab);
    },
    { url, gesture },
  ) as Promise<NewTaskRequest>;
}

async function storedRequest(worker: Worker): Promise<unknown> {
  return worker.evaluate(async () => {
    const chrome = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await chrome.storage.local.get('newTaskRequest')).newTaskRequest ?? null;
  });
}

describe.skipIf(!chromiumPath)('quick task from any customer page, in real Chromium', () => {
  let pages: StaticServer;
  let browser: ExtensionBrowser;
  let worker: Worker;

  async function openPage(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/${path}`);
    return page;
  }

  beforeAll(async () => {
    pages = await serveStatic(FIXTURES);
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    worker = await browser.serviceWorker();
    const panel = await WorkspacePage.open(browser.context, browser.extensionId);
    await panel.seed({
      customers: [
        customer(GRACE, 'Grace Hopper', {
          phones: ['+14155550199'],
          emails: ['grace@example.com'],
          externalIds: ['C-1002'],
        }),
        customer(ADA, 'Ada Lovelace', { phones: ['+14155550134'], emails: ['ada@example.com'] }),
      ],
    });
    await panel.page.close();
    await worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: { storage: { local: { set(items: object): Promise<void> } } };
        }
      ).chrome;
      await chrome.storage.local.set({
        customerPageRecognisers: [
          {
            id: 'northwind',
            name: 'Northwind CRM',
            urlPattern: '/customer\\.html\\?id=([^&#]+)',
            selectors: {
              name: '[data-field="name"]',
              phone: 'a[data-field="phone"]',
              email: 'a[data-field="email"]',
            },
          },
        ],
      });
    });
  });

  afterAll(async () => {
    await browser?.dispose();
    await pages?.close();
  });

  it('puts "New task for …" on selections and on tel:/mailto: links', async () => {
    // Creating the items again must fail as duplicates: the background made them on install.
    const errors = await worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            contextMenus: { create(props: object, done: () => void): void };
            runtime: { lastError?: { message?: string } };
          };
        }
      ).chrome;
      const create = (props: object) =>
        new Promise<string | null>((done) =>
          chrome.contextMenus.create(props, () => done(chrome.runtime.lastError?.message ?? null)),
        );
      return [
        await create({ id: 'wrapup-quick-task-selection', title: 'x', contexts: ['selection'] }),
        await create({
          id: 'wrapup-quick-task-link',
          title: 'x',
          contexts: ['link'],
          targetUrlPatterns: ['tel:*', 'mailto:*'],
        }),
      ];
    });
    expect(errors).toEqual([
      expect.stringContaining('duplicate id'),
      expect.stringContaining('duplicate id'),
    ]);
  });

  it('R10: the demo CRM customer page, recognised by its address, attaches the task to that customer', async () => {
    const page = await openPage('customer.html?id=C-1002');
    await page.waitForSelector('h1[data-field="name"]:has-text("Grace Hopper")');
    const request = await quickTask(worker, page.url(), { kind: 'command' });
    expect(request.customer).toEqual({ match: 'one', customerId: GRACE });
    expect(request.reference).toEqual({
      title: 'Grace Hopper · Customer · Northwind CRM',
      url: page.url(),
    });
    expect(await storedRequest(worker)).toEqual(request);

    const panel = await SidePanelPage.open(browser.context, browser.extensionId);
    await expect
      .poll(() => panel.page.locator('[data-testid="customer-chosen"]').textContent())
      .toBe('Grace Hopper');
    expect(await panel.page.locator('[data-testid="page-reference"] a').textContent()).toBe(
      'Grace Hopper · Customer · Northwind CRM',
    );
    expect(await storedRequest(worker)).toBeNull();
    await panel.page.close();
    await page.close();
  });

  it('R10: a page with only a tel: link attaches the customer with that number (E.164)', async () => {
    const page = await openPage('tel-link.html');
    const request = await quickTask(worker, page.url(), { kind: 'command' });
    expect(request.customer).toEqual({ match: 'one', customerId: GRACE });
    expect(request.reference?.title).toBe('Ticket 4711 · Helpdesk');

    const fromMenu = await quickTask(worker, page.url(), {
      kind: 'menu',
      menuItemId: 'wrapup-quick-task-link',
      linkUrl: 'tel:+1-415-555-0134',
    });
    expect(fromMenu.customer).toEqual({ match: 'one', customerId: ADA });
    await page.close();
  });

  it('R10: an unknown person described in JSON-LD offers a new customer filled from the page', async () => {
    const page = await openPage('json-ld.html');
    const request = await quickTask(worker, page.url(), { kind: 'command' });
    expect(request.customer).toEqual({
      match: 'none',
      prefill: {
        name: 'Alan Turing',
        phones: ['+442071838750'],
        emails: ['alan@example.co.uk'],
        company: 'Bletchley Computing',
        externalIds: [],
      },
    });
    await page.close();
  });

  it('R10: a selected email address finds its customer, from the menu and from the shortcut', async () => {
    const page = await openPage('json-ld.html');
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('contact-email')!);
      window.getSelection()!.addRange(range);
    });
    const fromShortcut = await quickTask(worker, page.url(), { kind: 'command' });
    expect(fromShortcut.customer).toEqual({ match: 'one', customerId: GRACE });
    const fromMenu = await quickTask(worker, page.url(), {
      kind: 'menu',
      menuItemId: 'wrapup-quick-task-selection',
      selectionText: 'ada@example.com',
    });
    expect(fromMenu.customer).toEqual({ match: 'one', customerId: ADA });
    await page.close();
  });

  it("R10: a selected name alone attaches nobody; the page's one tel: link decides", async () => {
    const page = await openPage('tel-link.html');
    const request = await quickTask(worker, page.url(), {
      kind: 'menu',
      menuItemId: 'wrapup-quick-task-selection',
      selectionText: 'Ada Lovelace',
    });
    expect(request.customer).toEqual({ match: 'one', customerId: GRACE });
    await page.close();
  });

  it('a page injecting HTML and script through names: stored as plain text, nothing runs', async () => {
    const page = await openPage('hostile.html');
    const request = await quickTask(worker, page.url(), { kind: 'command' });
    expect(request.customer).toEqual({
      match: 'none',
      prefill: {
        name: '<img src=x onerror="window.__pwned=1">Eve',
        phones: ['+14155550177'],
        emails: ['eve@example.com'],
        company: '<script>window.__pwned=2</script> Corp',
        externalIds: [],
      },
    });
    expect(request.reference?.title).toBe('<img src=x onerror=alert(1)> · Hostile page');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // The panel shows the request: the title and the names are text, never markup.
    const panel = await SidePanelPage.open(browser.context, browser.extensionId);
    const dialogs: string[] = [];
    panel.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const reference = panel.page.locator('[data-testid="page-reference"] a');
    await expect
      .poll(() => reference.textContent(), { timeout: 10_000 })
      .toBe('<img src=x onerror=alert(1)> · Hostile page');
    expect(await reference.getAttribute('href')).toBe(page.url());
    await panel.page.getByRole('button', { name: 'New customer…' }).click();
    const form = panel.page.locator('fieldset.new-customer');
    await expect
      .poll(() => form.getByLabel('Name').inputValue(), { timeout: 10_000 })
      .toBe('<img src=x onerror="window.__pwned=1">Eve');
    expect(await form.getByLabel('Company').inputValue()).toBe(
      '<script>window.__pwned=2</script> Corp',
    );
    const injected = await panel.page.evaluate(
      () =>
        [...document.querySelectorAll('img, script, iframe, object, embed')].filter(
          (element) =>
            element.getAttribute('src') === 'x' ||
            element.hasAttribute('onerror') ||
            /pwned|alert/.test(element.outerHTML),
        ).length,
    );
    expect(injected).toBe(0);
    expect(await panel.page.locator('[data-testid="task-form"] img').count()).toBe(0);
    expect(
      await panel.page.evaluate(() => (window as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    await panel.page.close();
    await page.close();
  });

  it("R10: the side panel's Task for this page reads the page beside it; the customer it creates keeps the CRM record id and company", async () => {
    const panel = await SidePanelPage.open(browser.context, browser.extensionId);
    const pageTask = panel.page.getByRole('button', { name: 'Task for this page' });
    // The panel itself in front: there is no web page to make a task for.
    await panel.page.bringToFront();
    await pageTask.click();
    await expect
      .poll(() => panel.page.getByRole('status', { name: 'Task for this page' }).textContent())
      .toContain('There is no web page beside the panel');

    const page = await openPage('customer.html?id=C-1003');
    await page.waitForSelector('h1[data-field="name"]:has-text("Alan Turing")');
    await page.bringToFront();
    await pageTask.click();
    // The task for this page replaces whatever form the panel showed (an earlier test's).
    await expect
      .poll(() => panel.page.locator('[data-testid="page-reference"] a').textContent())
      .toContain('Alan Turing');
    await panel.page.getByRole('button', { name: 'New customer…' }).click();
    const form = panel.page.locator('fieldset.new-customer');
    expect(await form.getByLabel('Name').inputValue()).toBe('Alan Turing');
    expect(await form.getByLabel('Phone').inputValue()).toBe('+442071838750');
    expect(await form.getByLabel('Company').inputValue()).toBe('Bletchley Computing');
    expect(await form.getByLabel('Link to the CRM record C-1003').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Create customer' }).click();
    await expect
      .poll(() => panel.page.locator('[data-testid="customer-chosen"]').textContent())
      .toBe('Alan Turing');

    const stored = await panel.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wrapup');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const customers = await new Promise<{ name: string }[]>((resolve, reject) => {
        const request = db.transaction('customers').objectStore('customers').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return customers.find((customer) => customer.name === 'Alan Turing');
    });
    expect(stored).toMatchObject({
      company: 'Bletchley Computing',
      externalIds: ['C-1003'],
      phones: ['+442071838750'],
    });
    // The page now finds the customer it created.
    const request = await quickTask(worker, page.url(), { kind: 'command' });
    expect(request.customer).toMatchObject({ match: 'one' });
    await panel.page.close();
    await page.close();
  });
});
