import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../../lib/domain/ids';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { WorkspacePage } from './support/pages';
import { stopServiceWorker } from './support/service-worker';
import {
  type Agent,
  type SyncServer,
  signInFromPanel,
  startSyncServer,
  storeCount,
  storeRows,
  syncNow,
} from './support/sync-server';

const chromiumPath = inject('chromiumPath');

interface StoredTask {
  id: string;
  number: number | null;
  subject: string;
}

describe.skipIf(!chromiumPath)('sync between browsers through the server, in real Chromium', () => {
  let server: SyncServer;
  let ann: Agent;
  let bo: Agent;
  let annBrowser: ExtensionBrowser;
  let boBrowser: ExtensionBrowser;
  let annPanel: WorkspacePage;
  let boPanel: WorkspacePage;

  beforeAll(async () => {
    server = await startSyncServer();
    ann = await server.addAgent('Ann');
    bo = await server.addAgent('Bo');
    const launch = () =>
      launchWithExtension({ chromiumPath: chromiumPath!, extensionPath: inject('extensionPath') });
    annBrowser = await launch();
    boBrowser = await launch();
    annPanel = await WorkspacePage.open(annBrowser.context, annBrowser.extensionId);
    boPanel = await WorkspacePage.open(boBrowser.context, boBrowser.extensionId);
    await signInFromPanel(annPanel, server.url, ann);
    await signInFromPanel(boPanel, server.url, bo);
  });

  afterAll(async () => {
    await annBrowser?.dispose();
    await boBrowser?.dispose();
    await server?.close();
  });

  const serverTasks = async (agent: Agent, query: string): Promise<StoredTask[]> => {
    const response = await server.call(
      agent.token,
      'GET',
      `/v1/tasks?q=${encodeURIComponent(query)}&limit=200`,
    );
    return ((await response.json()) as { items: StoredTask[] }).items;
  };

  it('a task made in the panel reaches the server and comes back with its number', async () => {
    const { page } = annPanel;
    await annPanel.newTask();
    await page.fill('#task-subject', 'Call the bank back');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');

    await expect.poll(() => serverTasks(ann, 'bank'), { timeout: 15_000 }).toHaveLength(1);
    const [onServer] = await serverTasks(ann, 'bank');
    expect(onServer?.number).toEqual(expect.any(Number));
    await page.getByRole('button', { name: '← Back' }).click();
    const row = page.locator('button.task-row', { hasText: 'Call the bank back' });
    await expect
      .poll(() => row.textContent(), { timeout: 15_000 })
      .toContain(`#${onServer?.number}`);
    expect(await storeCount(page, 'outbox')).toBe(0);
  });

  it('an edit in one agent’s panel shows in the other’s open panel', async () => {
    // Ann's task is not in Bo's own list; he finds it by search (it is in his working set).
    const boRow = boPanel.page.locator('button.task-row', { hasText: 'Call the bank back' });
    await syncNow(boPanel.page);
    await boPanel.page.fill('input[name="search"]', 'bank');
    await boRow.waitFor({ timeout: 15_000 });

    const { page } = annPanel;
    await page.locator('button.task-row', { hasText: 'Call the bank back' }).click();
    await page.waitForSelector('[data-testid="task-form"]');
    await page.fill('#task-subject', 'Call the bank back about the fee');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');

    await boPanel.page
      .locator('button.task-row', { hasText: 'Call the bank back about the fee' })
      .waitFor({ timeout: 20_000 });
  });

  it('a service worker stopped in the middle of a pull finishes it when it wakes, nothing twice', async () => {
    const total = 4000;
    // Without an open panel nothing tells the background about the new tasks until it is asked.
    await boPanel.page.close();
    for (let batch = 0; batch < total / 100; batch += 1) {
      const mutations = Array.from({ length: 100 }, (_, i) => ({
        id: newId(),
        name: 'task.create',
        args: { id: newId(), kind: 'call', subject: `Bulk ${batch * 100 + i}` },
      }));
      const response = await server.call(bo.token, 'POST', '/v1/sync/push', { mutations });
      expect(response.status).toBe(200);
    }
    boPanel = await WorkspacePage.open(boBrowser.context, boBrowser.extensionId);
    const { page } = boPanel;
    const before = await storeCount(page, 'tasks');
    const worker = await boBrowser.serviceWorker();
    await syncNow(page);
    await expect.poll(() => storeCount(page, 'tasks'), { timeout: 20_000 }).toBeGreaterThan(before);
    await stopServiceWorker(boBrowser.context, worker);
    const atStop = await storeCount(page, 'tasks');

    // Any extension event starts a new worker; the sync goes on from the stored cursor.
    await expect
      .poll(
        async () => {
          await syncNow(page).catch(() => undefined);
          return storeCount(page, 'tasks');
        },
        { timeout: 90_000, interval: 1000 },
      )
      .toBe(before + total);
    const tasks = await storeRows<StoredTask>(page, 'tasks');
    const bulk = tasks.filter((task) => task.subject.startsWith('Bulk '));
    expect(new Set(bulk.map((task) => task.subject)).size).toBe(total);
    expect(bulk.every((task) => task.number !== null)).toBe(true);
    const status = (
      await storeRows<{ key: string; value: { problem: unknown } }>(page, 'meta')
    ).find((row) => row.key === 'sync:status');
    expect(status?.value.problem).toBeNull();
    console.info(`[sync e2e] worker stopped with ${atStop - before} of ${total} tasks pulled`);
  }, 180_000);
});
