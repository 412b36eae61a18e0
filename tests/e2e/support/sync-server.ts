import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { vi } from 'vitest';
import { createTenantCommand } from '../../../server/cli/create-tenant-command';
import { type RunningServer, startServer } from '../../../server/start';
import type { WorkspacePage } from './pages';

export const PASSWORD = 'correct horse battery';

export interface Agent {
  id: string;
  name: string;
  email: string;
  token: string;
}

/** A Wrapup server on a temporary PGlite folder with one contact center and its administrator. */
export interface SyncServer {
  url: string;
  admin: Agent;
  /** Adds an agent with every agent permission and signs them in (for API calls). */
  addAgent(name: string): Promise<Agent>;
  call(token: string, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

async function signIn(url: string, email: string): Promise<{ token: string; id: string }> {
  const response = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const body = (await response.json()) as { token: string; user: { id: string } };
  return { token: body.token, id: body.user.id };
}

export async function startSyncServer(): Promise<SyncServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wrapup-sync-'));
  const adminEmail = 'ada@acme.example';
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await createTenantCommand(
    [
      '--name',
      'Acme Support',
      '--admin-email',
      adminEmail,
      '--admin-password',
      PASSWORD,
      '--admin-name',
      'Ada Admin',
    ],
    { port: 0, dataDir },
  );
  log.mockRestore();
  const server: RunningServer = await startServer({ port: 0, dataDir, quiet: true });
  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const admin = await signIn(server.url, adminEmail);
  return {
    url: server.url,
    admin: { ...admin, name: 'Ada Admin', email: adminEmail },
    call,
    async addAgent(name) {
      const email = `${name.toLowerCase()}@acme.example`;
      const response = await call(admin.token, 'POST', '/v1/users', {
        name,
        email,
        password: PASSWORD,
        role: 'agent',
        permissions: ['view', 'create', 'edit', 'delete', 'change_status'],
      });
      if (response.status !== 201) throw new Error(`adding ${name}: ${await response.text()}`);
      return { ...(await signIn(server.url, email)), name, email };
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in from the side panel's account strip, as an agent would; the panel restarts. */
export async function signInFromPanel(panel: WorkspacePage, url: string, agent: Agent) {
  const { page } = panel;
  const strip = page.getByTestId('account-strip');
  await strip.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Server address', { exact: true }).fill(url);
  await page.getByLabel('Email', { exact: true }).fill(agent.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const restarted = page.waitForEvent('load');
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await restarted;
  await strip.getByText(`Signed in as ${agent.name}`).waitFor();
}

/** Every row of one table of the extension's store, read straight from IndexedDB. */
export function storeRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (table) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(table).objectStore(table).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows as never;
  }, table);
}

/** One row of one table of the extension's store by its key, read straight from IndexedDB. */
export function storeRow<T>(page: Page, table: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    async ({ table, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wrapup');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const row = await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).get(key);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return row as never;
    },
    { table, key },
  );
}

/**
 * Puts and deletes rows straight in the extension's store, in one transaction, as the sync loop
 * would have left them. Raw IndexedDB tells no other context of the extension.
 */
export function changeStore(
  page: Page,
  change: { put?: { table: string; value: unknown }[]; remove?: { table: string; key: string }[] },
): Promise<void> {
  return page.evaluate(async ({ put = [], remove = [] }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables = [...new Set([...put, ...remove].map((row) => row.table))];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(tables, 'readwrite');
      for (const row of put) tx.objectStore(row.table).put(row.value);
      for (const row of remove) tx.objectStore(row.table).delete(row.key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, change);
}

/** How many rows one table of the extension's store holds. */
export function storeCount(page: Page, table: string): Promise<number> {
  return page.evaluate(async (table) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction(table).objectStore(table).count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return count;
  }, table);
}

/** Asks the background to sync now, as the side panel does when the server signals changes. */
export function syncNow(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome.runtime.sendMessage({ type: 'sync/now' }),
  );
}
