import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../../lib/domain/ids';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { WorkspacePage } from './support/pages';
import {
  type Agent,
  changeStore,
  type SyncServer,
  signInFromPanel,
  startSyncServer,
  storeRow,
} from './support/sync-server';

const chromiumPath = inject('chromiumPath');

/** A signed-in session whose server never answers (port 9, discard: nothing listens there). */
function deadSession(agentId: string) {
  return {
    serverUrl: 'http://127.0.0.1:9',
    token: 'e2e-token',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    user: {
      id: agentId,
      name: 'Eve Agent',
      email: 'eve@acme.example',
      role: 'agent',
      permissions: ['view', 'create', 'edit', 'delete', 'change_status'],
      active: true,
    },
    tenant: { id: agentId, name: 'Acme Support' },
  };
}

describe.skipIf(!chromiumPath)('the sync status in the side panel, in real Chromium', () => {
  let browser: ExtensionBrowser;
  let panel: WorkspacePage;

  beforeAll(async () => {
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    panel = await WorkspacePage.open(browser.context, browser.extensionId);
    await panel.page.setViewportSize({ width: 400, height: 720 });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it('signed in to a server that cannot be reached: offline with the new task pending, details by keyboard', async () => {
    await panel.clearStore();
    const agent = await panel.agentId();
    await panel.page.evaluate(async (session) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wrapup');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ key: 'session', value: session });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, deadSession(agent));
    await panel.reload();
    const { page } = panel;
    const status = page.getByTestId('sync-status');
    await status.waitFor();

    await panel.newTask();
    await page.fill('#task-subject', 'Call back about the renewal');
    await page.focus('#task-subject');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');
    expect(await page.getByTestId('task-number').textContent()).toBe('new');

    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Offline · 1 pending');
    expect(await status.getAttribute('data-kind')).toBe('offline');
    expect(await page.locator('[role="status"]:has([data-testid="sync-status"])').count()).toBe(1);

    await status.focus();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('sync-details');
    await details.waitFor();
    // Focus moves in an effect after the details have painted.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('sync-details-heading');
    expect(await details.getByTestId('sync-pending').textContent()).toBe('1');
    expect(await details.getByTestId('sync-problem').textContent()).not.toBe('');
    await panel.screenshot('sync-offline-details');
    expect(await panel.seriousViolations()).toEqual([]);
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'sync-status',
    );

    await page.getByRole('button', { name: '← Back' }).click();
    const row = panel.taskRows().filter({ hasText: 'Call back about the renewal' });
    expect(await row.locator('.task-number').textContent()).toBe('new');
  });

  describe('against a real server', () => {
    let server: SyncServer;
    let bo: Agent;
    let cy: Agent;

    beforeAll(async () => {
      server = await startSyncServer();
      bo = await server.addAgent('Bo');
      cy = await server.addAgent('Cy');
    });

    afterAll(async () => {
      await server?.close();
    });

    it('synced with a number; another agent’s edit reaches the open form through the change events, marked', async () => {
      await panel.clearStore();
      await panel.reload();
      await signInFromPanel(panel, server.url, bo);
      const { page } = panel;
      const status = page.getByTestId('sync-status');
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced /);

      await panel.newTask();
      await page.fill('#task-subject', 'Quote for two seats');
      await page.focus('#task-subject');
      await page.keyboard.press('Enter');
      await page.waitForSelector('output:has-text("Saved")');
      await expect
        .poll(() => page.getByTestId('task-number').textContent(), { timeout: 20_000 })
        .toMatch(/^#\d+$/);
      await expect.poll(() => status.getAttribute('data-kind'), { timeout: 20_000 }).toBe('synced');
      const number = Number((await page.getByTestId('task-number').textContent())?.slice(1));

      // Bo types notes without saving; Cy changes the subject on the server meanwhile.
      await page.fill('#task-notes', 'Bo is typing this');
      const list = await server.call(cy.token, 'GET', `/v1/tasks?q=Quote`);
      const [task] = ((await list.json()) as { items: { id: string; number: number }[] }).items;
      expect(task?.number).toBe(number);
      const started = Date.now();
      const edit = await server.call(cy.token, 'POST', '/v1/sync/push', {
        mutations: [
          {
            id: crypto.randomUUID(),
            name: 'task.edit',
            args: { taskId: task?.id, changes: { subject: 'Quote for three seats' }, base: {} },
          },
        ],
      });
      expect(edit.status).toBe(200);
      const results = ((await edit.json()) as { results: { status: string }[] }).results;
      expect(results[0]?.status).toBe('applied');
      const notice = page.getByTestId('edit-conflict');
      await notice.waitFor({ timeout: 10_000 });
      const elapsed = Date.now() - started;
      console.log(`[sync-status e2e] another agent's edit reached the open form in ${elapsed} ms`);
      expect(await notice.textContent()).toContain('Changed by Cy at');
      expect(await page.inputValue('#task-subject')).toBe('Quote for three seats');
      expect(await page.inputValue('#task-notes')).toBe('Bo is typing this');
      expect(
        await page
          .locator('[data-changed-path]')
          .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-changed-path'))),
      ).toEqual(['subject']);
      await panel.screenshot('sync-edit-conflict');
      expect(await panel.seriousViolations()).toEqual([]);
    });

    it('a refused change is listed with the server’s reason; Retry sends it again, Discard restores the server’s copy', async () => {
      const { page } = panel;
      const status = page.getByTestId('sync-status');
      const id = newId();
      const created = await server.call(cy.token, 'POST', '/v1/sync/push', {
        mutations: [
          {
            id: newId(),
            name: 'task.create',
            args: { id, kind: 'call', subject: 'Renewal for Dan' },
          },
        ],
      });
      expect(created.status).toBe(200);
      await expect
        .poll(() => storeRow<Record<string, unknown>>(page, 'tasks', id), { timeout: 10_000 })
        .toMatchObject({
          subject: 'Renewal for Dan',
        });
      const serverCopy = await storeRow<Record<string, unknown>>(page, 'tasks', id);

      /**
       * A change of the subject that the server refused, as the sync loop leaves it; written
       * past Dexie, so the panel reloads to read it.
       */
      const refuse = async (subject: string, before: string) => {
        await changeStore(page, {
          put: [
            { table: 'tasks', value: { ...serverCopy, subject } },
            {
              table: 'outbox',
              value: {
                id: newId(),
                name: 'task.edit',
                args: { taskId: id, changes: { subject }, base: { subject: before } },
                entityId: id,
                historyIds: [],
                state: 'rejected',
                createdAt: new Date().toISOString(),
                rejection: { code: 'forbidden', reason: 'You may not edit <b>this</b> task.' },
              },
            },
          ],
        });
        await panel.reload();
      };

      await refuse('Renewal for Dan, two seats', 'Renewal for Dan');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('1 refused');
      await status.click();
      const change = page.getByTestId('refused-change');
      await change.waitFor();
      expect(await change.textContent()).toContain('Renewal for Dan, two seats · Task edit');
      expect(await change.textContent()).toContain(
        'The server said: You may not edit <b>this</b> task.',
      );
      await panel.screenshot('sync-refused');
      expect(await panel.seriousViolations()).toEqual([]);
      await change.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => status.getAttribute('data-kind'), { timeout: 15_000 }).toBe('synced');
      const onServer = await server.call(cy.token, 'GET', `/v1/tasks/${id}`);
      expect(((await onServer.json()) as { subject: string }).subject).toBe(
        'Renewal for Dan, two seats',
      );

      await refuse('A subject nobody wants', 'Renewal for Dan, two seats');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('1 refused');
      await status.click();
      await page.getByTestId('refused-change').getByRole('button', { name: 'Discard' }).click();
      await page.getByText('Your change will be lost').waitFor();
      await page.getByRole('button', { name: 'Discard the change' }).click();
      await expect.poll(() => status.getAttribute('data-kind'), { timeout: 15_000 }).toBe('synced');
      expect(await storeRow<Record<string, unknown>>(page, 'tasks', id)).toMatchObject({
        subject: 'Renewal for Dan, two seats',
      });
      expect(await page.getByTestId('refused-change').count()).toBe(0);
    });

    it('a search continues on the server on request: a task this device lacks joins the results, marked, and opens', async () => {
      const { page } = panel;
      const id = newId();
      const created = await server.call(cy.token, 'POST', '/v1/sync/push', {
        mutations: [
          {
            id: newId(),
            name: 'task.create',
            args: { id, kind: 'email', subject: 'Zeppelin charter enquiry' },
          },
        ],
      });
      expect(created.status).toBe(200);
      await expect
        .poll(() => storeRow<Record<string, unknown>>(page, 'tasks', id), { timeout: 10_000 })
        .toBeTruthy();
      await changeStore(page, { remove: [{ table: 'tasks', key: id }] });
      await panel.reload();

      await page.fill('input[name="search"]', 'zeppelin');
      await page.getByText('No tasks match.').waitFor();
      const more = page.getByRole('button', { name: 'Search the server too' });
      await more.click();
      const row = panel.taskRows().filter({ hasText: 'Zeppelin charter enquiry' });
      await row.waitFor();
      expect(await row.locator('[data-field="from-server"]').textContent()).toBe('from server');
      expect(await page.getByTestId('server-search').textContent()).toContain(
        '1 more from the server',
      );
      await panel.screenshot('search-from-server');
      expect(await panel.seriousViolations()).toEqual([]);
      await row.click();
      await page.waitForSelector('[data-testid="task-form"]');
      expect(await page.inputValue('#task-subject')).toBe('Zeppelin charter enquiry');
      expect(await storeRow<Record<string, unknown>>(page, 'tasks', id)).toMatchObject({
        subject: 'Zeppelin charter enquiry',
      });
      // The background keeps it current from now on, though it is not in Bo's working set.
      await expect
        .poll(
          () =>
            storeRow<{ value: unknown }>(page, 'meta', 'sync:openedTasks').then(
              (row) => row?.value,
            ),
          { timeout: 10_000 },
        )
        .toEqual([id]);
    });
  });
});
