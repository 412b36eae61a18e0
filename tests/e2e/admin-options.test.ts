import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTenantCommand } from '../../server/cli/create-tenant-command';
import { type RunningServer, startServer } from '../../server/start';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type AxeViolation, SCREENSHOT_DIR, WorkspacePage } from './support/pages';
import {
  type Agent,
  type SyncServer,
  signInFromPanel,
  startSyncServer,
  storeRows,
  syncNow,
} from './support/sync-server';
import { callLogRecord } from './support/workspace-records';

const chromiumPath = inject('chromiumPath');
const PASSWORD = 'correct horse battery';
const ADMIN_EMAIL = 'ada@acme.example';
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The server's sign-in answer: with the server address, exactly what the extension keeps. */
async function signIn(url: string, email: string) {
  const response = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const body = (await response.json()) as Record<string, unknown> & { token: string };
  return { serverUrl: url, ...body } as { serverUrl: string; token: string };
}

/** Keeps `session` (or none) in the extension's store, where sign-in puts it, and reloads. */
async function useSession(page: Page, session: object | null) {
  await page.evaluate(async (session) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('meta', 'readwrite');
      const store = tx.objectStore('meta');
      if (session) store.put({ key: 'session', value: session });
      else store.delete('session');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, session);
  await page.reload();
  await page.waitForSelector('h1');
}

describe.skipIf(!chromiumPath)('options page: administrator screens in real Chromium', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let admin: { serverUrl: string; token: string };
  let agent: { serverUrl: string; token: string };

  const api = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wrapup-admin-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await createTenantCommand(
      [
        ...['--name', 'Acme Support', '--admin-email', ADMIN_EMAIL],
        ...['--admin-password', PASSWORD, '--admin-name', 'Ada Admin'],
      ],
      { port: 0, dataDir },
    );
    log.mockRestore();
    server = await startServer({ port: 0, dataDir, quiet: true });
    admin = await signIn(server.url, ADMIN_EMAIL);
    const added = await api(admin.token, 'POST', '/v1/users', {
      name: 'Bo Agent',
      email: 'bo@acme.example',
      password: PASSWORD,
      role: 'agent',
      permissions: ['view', 'create', 'edit'],
    });
    expect(added.status).toBe(201);
    agent = await signIn(server.url, 'bo@acme.example');

    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('h1');
  });

  afterAll(async () => {
    await browser?.dispose();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('signed out: a note says the administrator screens need an administrator’s sign-in', async () => {
    await options.getByTestId('admin-signed-out').waitFor();
    expect(await options.getByTestId('admin-sections').count()).toBe(0);
    await options.getByTestId('agent-preferences').waitFor();
  });

  it('R20: the administrator adds a custom field; it shows in the list, the preview, the store and on the server', async () => {
    await useSession(options, admin);
    const fields = options.getByTestId('task-fields');
    await fields.waitFor();
    await fields.getByText('No custom fields yet.').waitFor();
    await fields.getByLabel('Key', { exact: true }).fill('policy_number');
    await fields.getByLabel('Label', { exact: true }).fill('Policy number');
    await options.locator('#field-def-type').selectOption('number');
    await fields.getByLabel('Required', { exact: true }).check();
    await fields.getByRole('button', { name: 'Add field', exact: true }).click();

    await fields.getByText('Field "Policy number" added.').waitFor();
    await expect
      .poll(() => options.getByTestId('field-list').locator('li strong').allTextContents())
      .toEqual(['Policy number']);
    const preview = options.getByTestId('field-preview');
    await preview.getByLabel('Policy number').fill('abc');
    await preview.getByRole('button', { name: /Check as if saving/ }).click();
    await preview.getByText('Policy number must be a number.').waitFor({ timeout: 5_000 });

    const onServer = (await (await api(agent.token, 'GET', '/v1/field-definitions')).json()) as {
      items: { key: string; type: string; required: boolean }[];
    };
    expect(onServer.items).toEqual([
      expect.objectContaining({ key: 'policy_number', type: 'number', required: true }),
    ]);
    const stored = await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wrapup');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<{ key: string }[]>((resolve, reject) => {
        const request = db.transaction('fieldDefinitions').objectStore('fieldDefinitions').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return rows.map((row) => row.key);
    });
    expect(stored).toContain('policy_number');

    // Once created, the type is shown but cannot be changed.
    await fields.getByRole('button', { name: 'Edit Policy number' }).click();
    await expect.poll(() => options.locator('#field-def-type').isDisabled()).toBe(true);
  });

  it('R5: switching codes mandatory on reaches the server', async () => {
    const codes = options.getByTestId('transaction-codes');
    await codes.getByText('AMD', { exact: true }).waitFor();
    await codes.getByLabel('Codes are mandatory on call logs').check();
    await codes.getByText('Call logs now need a transaction code.').waitFor();
    const settings = (await (await api(agent.token, 'GET', '/v1/settings')).json()) as {
      codesRequiredOnCallLogs: boolean;
    };
    expect(settings.codesRequiredOnCallLogs).toBe(true);
  });

  it('the administrator cannot deactivate themselves: the server’s reason is shown', async () => {
    const self = options.locator('[data-user-email="ada@acme.example"]');
    await self.getByRole('button', { name: 'Deactivate Ada Admin' }).click();
    await self
      .getByRole('alert')
      .getByText('You cannot deactivate yourself or give up your own administrator role.')
      .waitFor();
  });

  it('the options page with the administrator screens has no serious or critical axe violations', async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await options.screenshot({ path: `${SCREENSHOT_DIR}/options-admin.png`, fullPage: true });
    await options.evaluate(AXE_SOURCE);
    const violations = await options.evaluate(async () => {
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
    expect(
      violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')),
    ).toEqual([]);
  });

  it('R24: an agent sees no administrator screens, and the server refuses a forged administrator call', async () => {
    await useSession(options, agent);
    await options.getByTestId('agent-preferences').waitFor();
    await expect.poll(() => options.getByTestId('admin-signed-out').count()).toBe(0);
    expect(await options.getByTestId('admin-sections').count()).toBe(0);
    expect(await options.getByTestId('task-fields').count()).toBe(0);

    const forged = await options.evaluate(
      async ({ url, token }) => {
        const response = await fetch(`${url}/v1/settings`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ codesRequiredOnCallLogs: false }),
        });
        return { status: response.status, body: await response.json() };
      },
      { url: server.url, token: agent.token },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.detail).toBe('Only administrators can change the settings.');
  });
});

describe.skipIf(!chromiumPath)('administrator changes reach an agent’s side panel', () => {
  let server: SyncServer;
  let bo: Agent;
  let adminBrowser: ExtensionBrowser;
  let agentBrowser: ExtensionBrowser;
  let options: Page;
  let panel: WorkspacePage;

  /** Syncs the agent's panel until `check` holds (the sync loop also runs by itself). */
  const syncUntil = (check: () => Promise<boolean>) =>
    expect
      .poll(
        async () => {
          await syncNow(panel.page).catch(() => undefined);
          return check();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true);

  beforeAll(async () => {
    server = await startSyncServer();
    bo = await server.addAgent('Bo');
    const launch = () =>
      launchWithExtension({ chromiumPath: chromiumPath!, extensionPath: inject('extensionPath') });
    adminBrowser = await launch();
    agentBrowser = await launch();
    options = await adminBrowser.context.newPage();
    await options.goto(`chrome-extension://${adminBrowser.extensionId}/options.html`);
    await options.waitForSelector('h1');
    await useSession(options, await signIn(server.url, server.admin.email));
    await options.getByTestId('task-fields').waitFor();
    panel = await WorkspacePage.open(agentBrowser.context, agentBrowser.extensionId);
    await signInFromPanel(panel, server.url, bo);
  });

  afterAll(async () => {
    await adminBrowser?.dispose();
    await agentBrowser?.dispose();
    await server?.close();
  });

  it('R20: a field the administrator adds shows in the agent’s task form within a minute, validated', async () => {
    const fields = options.getByTestId('task-fields');
    await fields.getByLabel('Key', { exact: true }).fill('reference_code');
    await fields.getByLabel('Label', { exact: true }).fill('Reference code');
    await fields.getByLabel('Required', { exact: true }).check();
    await fields.getByRole('button', { name: 'Add field', exact: true }).click();
    await fields.getByText('Field "Reference code" added.').waitFor();

    // Nothing forces a sync: the open panel follows the server's change events, and the
    // background's one-minute alarm pulls in any case.
    await expect
      .poll(
        async () =>
          (await storeRows<{ key: string }>(panel.page, 'fieldDefinitions')).some(
            (row) => row.key === 'reference_code',
          ),
        { timeout: 65_000, interval: 1_000 },
      )
      .toBe(true);
    await panel.newTask();
    const { page } = panel;
    await page.fill('#task-subject', 'Permission check');
    await panel.form().getByLabel('Reference code').waitFor();
    await page.keyboard.press('Control+Enter');
    await panel
      .fieldError('fields.reference_code')
      .getByText('Reference code is required.')
      .waitFor();
    await panel.form().getByLabel('Reference code').fill('REF-1');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('output:has-text("Saved")');
  }, 120_000);

  it('R24: removing the agent’s delete permission removes Delete from their panel; the server refuses a forged delete', async () => {
    const serverTask = async () => {
      const response = await server.call(bo.token, 'GET', '/v1/tasks?q=Permission&limit=10');
      return ((await response.json()) as { items: { id: string }[] }).items[0];
    };
    await expect.poll(serverTask, { timeout: 30_000 }).toBeDefined();
    const task = await serverTask();
    const { page } = panel;
    await page.getByRole('button', { name: '← Back' }).click();
    await panel.openTaskWithNumber('Permission check');
    await expect
      .poll(() => page.getByRole('button', { name: 'Delete', exact: true }).count())
      .toBe(1);

    await options.reload();
    const row = options.locator(`[data-user-email="${bo.email}"]`);
    await row.getByLabel('Delete', { exact: true }).uncheck();
    await row.getByRole('button', { name: 'Save permissions' }).click();
    await options.getByText('Permissions of Bo saved.').waitFor();

    await syncUntil(async () => {
      const users = await storeRows<{ id: string; permissions: string[] }>(page, 'users');
      const me = users.find((user) => user.id === bo.id);
      return me !== undefined && !me.permissions.includes('delete');
    });
    await page.getByRole('button', { name: '← Back' }).click();
    await panel.openTaskWithNumber('Permission check');
    await expect
      .poll(() => page.getByRole('button', { name: 'Delete', exact: true }).count())
      .toBe(0);

    const forged = await server.call(bo.token, 'DELETE', `/v1/tasks/${task?.id}?confirmed=true`);
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { detail: string }).detail).toMatch(/not allowed to delete/);
  });

  it('R5: codes the administrator makes mandatory block saving a call log without one', async () => {
    const codes = options.getByTestId('transaction-codes');
    await codes.getByLabel('Codes are mandatory on call logs').check();
    await codes.getByText('Call logs now need a transaction code.').waitFor();
    const { page } = panel;
    await syncUntil(async () => {
      const meta = await storeRows<{ key: string; value: { codesRequiredOnCallLogs?: boolean } }>(
        page,
        'meta',
      );
      return meta.some(
        (row) => row.key === 'settings' && row.value.codesRequiredOnCallLogs === true,
      );
    });
    await panel.seed({ tasks: [callLogRecord(bo.id, '+14155550199', 'Cy Caller')] });
    await panel.toLogRows().filter({ hasText: 'Cy Caller' }).first().click();
    await page.waitForSelector('[data-testid="task-form"]');
    await panel.form().getByRole('button', { name: 'Save', exact: true }).click();
    await panel
      .fieldError('transactionCodes')
      .getByText('Pick at least one transaction code: they are mandatory on call logs.')
      .waitFor();
    await page.getByRole('button', { name: '← Back' }).click();
    await expect.poll(() => panel.toLogRows().filter({ hasText: 'Cy Caller' }).count()).toBe(1);
  });

  it('R1: a softphone profile the administrator adds for the contact center reaches the agent’s browser, listed read-only and watched', async () => {
    const pattern = 'http://127.0.0.1/acme-console/*';
    const profiles = options.locator('section[aria-labelledby="profiles-heading"]');
    await profiles.getByTestId('profiles-scope').getByText('every agent').waitFor();
    await profiles.getByRole('button', { name: 'Add profile' }).click();
    await options.fill('#profile-name', 'Acme console');
    await options.fill('#profile-matches', pattern);
    await options.fill('#profile-states-connected', '^connected');
    await options.fill('#profile-selectors-activeCall', '.call');
    await options.fill('#profile-selectors-number', '.number');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await profiles.getByText('Profile "Acme console" saved.').waitFor();
    const onServer = await server.call(bo.token, 'GET', '/v1/settings');
    expect(
      ((await onServer.json()) as { softphoneProfiles: { id: string }[] }).softphoneProfiles,
    ).toEqual([expect.objectContaining({ id: 'acme-console', matches: [pattern] })]);

    const { page } = panel;
    await syncUntil(async () => {
      const meta = await storeRows<{
        key: string;
        value: { softphoneProfiles?: { id: string }[] };
      }>(page, 'meta');
      return meta.some(
        (row) =>
          row.key === 'settings' &&
          (row.value.softphoneProfiles ?? []).some((profile) => profile.id === 'acme-console'),
      );
    });
    // The agent's background now runs the softphone script on the profile's pages.
    const worker = await agentBrowser.serviceWorker();
    await expect
      .poll(
        () =>
          worker.evaluate(async () => {
            const { chrome } = globalThis as unknown as {
              chrome: {
                scripting: {
                  getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
                };
              };
            };
            const scripts = await chrome.scripting.getRegisteredContentScripts();
            return scripts.find((script) => script.id === 'wrapup-softphone')?.matches ?? [];
          }),
        { timeout: 15_000 },
      )
      .toContain(pattern);

    const agentOptions = await agentBrowser.context.newPage();
    await agentOptions.goto(`chrome-extension://${agentBrowser.extensionId}/options.html`);
    const row = agentOptions.locator('[data-profile-id="acme-console"]');
    await row.waitFor();
    expect(await row.textContent()).toContain(pattern);
    await agentOptions.getByTestId('profiles-scope').getByText('Your administrator').waitFor();
    expect(await row.getByRole('button', { name: 'Test on this tab' }).count()).toBe(1);
    expect(await row.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await agentOptions.getByRole('button', { name: 'Add profile' }).count()).toBe(0);
    expect(await agentOptions.locator('#recogniser-name').count()).toBe(0);
    await agentOptions.getByTestId('import-administrators-only').waitFor();
    await agentOptions.close();
  });
});
