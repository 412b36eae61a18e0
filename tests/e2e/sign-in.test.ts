import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTenantCommand } from '../../server/cli/create-tenant-command';
import { type RunningServer, startServer } from '../../server/start';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { WorkspacePage } from './support/pages';

const chromiumPath = inject('chromiumPath');
const ADMIN = { name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse battery' };

interface StoredSession {
  serverUrl: string;
  token: string;
  user: { id: string; name: string };
}

/** The session row in the extension's IndexedDB, read the way the store keeps it. */
function storedSession(page: Page): Promise<StoredSession | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<{ value: StoredSession } | undefined>((resolve, reject) => {
      const request = db.transaction('meta').objectStore('meta').get('session');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return row?.value ?? null;
  });
}

describe.skipIf(!chromiumPath)('sign-in and sign-out from the side panel, in real Chromium', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: ExtensionBrowser;
  let panel: WorkspacePage;

  beforeAll(async () => {
    // A contact center made with the server's own CLI command, then the server on that database.
    dataDir = await mkdtemp(join(tmpdir(), 'wrapup-sign-in-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await createTenantCommand(
      [
        '--name',
        'Acme Support',
        '--admin-email',
        ADMIN.email,
        '--admin-password',
        ADMIN.password,
        '--admin-name',
        ADMIN.name,
      ],
      { port: 0, dataDir },
    );
    log.mockRestore();
    expect(code).toBe(0);
    server = await startServer({ port: 0, dataDir, quiet: true });
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    panel = await WorkspacePage.open(browser.context, browser.extensionId);
  });

  afterAll(async () => {
    await browser?.dispose();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const strip = () => panel.page.getByTestId('account-strip');

  it('is usable signed out, with a compact Sign in that opens the form', async () => {
    await strip().getByRole('button', { name: 'Sign in', exact: true }).click();
    await panel.page.getByLabel('Server address', { exact: true }).waitFor();
    expect(await panel.page.getByRole('button', { name: 'New task', exact: true }).count()).toBe(1);
    expect(await panel.seriousViolations()).toEqual([]);
  });

  it('says a wrong password is wrong and keeps what was typed', async () => {
    const page = panel.page;
    await page.getByLabel('Server address', { exact: true }).fill(`${server.url}/`);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    const alert = strip().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The email or password is not right.');
    await panel.screenshot('sign-in-wrong-password');
    expect(await page.getByLabel('Server address', { exact: true }).inputValue()).toBe(
      `${server.url}/`,
    );
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(ADMIN.email);
    expect(await storedSession(page)).toBeNull();
    expect(await panel.seriousViolations()).toEqual([]);
  });

  it('signs in with Enter: the strip says who and where, and the user is the acting agent', async () => {
    const page = panel.page;
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    // The panel starts again for the signed-in agent.
    const restarted = page.waitForEvent('load');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await restarted;
    await strip().getByText(`Signed in as ${ADMIN.name} at ${server.url}`).waitFor();
    const session = await storedSession(page);
    expect(session?.serverUrl).toBe(server.url);
    expect(await panel.agentId()).toBe(session?.user.id);
    const me = await fetch(`${server.url}/v1/me`, {
      headers: { authorization: `Bearer ${session?.token}` },
    });
    expect(me.status).toBe(200);
    expect(await panel.seriousViolations()).toEqual([]);
  });

  it('is still signed in after a reload', async () => {
    await panel.reload();
    await strip().getByText(`Signed in as ${ADMIN.name}`).waitFor();
  });

  it('the options page shows the same account at its top', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const account = options.getByTestId('account-strip');
    await account.getByText(`Signed in as ${ADMIN.name} at ${server.url}`).waitFor();
    expect(await account.getByRole('heading', { name: 'Account' }).count()).toBe(1);
    expect(await new WorkspacePage(options).seriousViolations()).toEqual([]);
    await options.close();
  });

  it('signs out: signed out here, and the server refuses the token from then on', async () => {
    const page = panel.page;
    const { token } = (await storedSession(page))!;
    const signedInAgent = await panel.agentId();
    await strip().getByRole('button', { name: 'Sign out', exact: true }).click();
    await strip().getByLabel('Also clear local data on this device').waitFor();
    await panel.screenshot('sign-out-question');
    expect(await panel.seriousViolations()).toEqual([]);
    const restarted = page.waitForEvent('load');
    await strip().getByRole('button', { name: 'Sign out now' }).click();
    await restarted;
    await strip().getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await storedSession(page)).toBeNull();
    expect(await panel.agentId()).not.toBe(signedInAgent);
    const me = await fetch(`${server.url}/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(401);
  });
});
