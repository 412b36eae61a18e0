import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { WorkspacePage } from './support/pages';
import {
  type Agent,
  type SyncServer,
  signInFromPanel,
  startSyncServer,
  storeCount,
} from './support/sync-server';

const chromiumPath = inject('chromiumPath');

interface ServerTask {
  id: string;
  number: number | null;
  subject: string;
  customerId: string | null;
  parentId: string | null;
  parentNumber: number | null;
  deletedAt: string | null;
}

describe.skipIf(!chromiumPath)('the workspace against the real server, in real Chromium', () => {
  let server: SyncServer;
  let agent: Agent;
  let browser: ExtensionBrowser;
  let panel: WorkspacePage;

  beforeAll(async () => {
    server = await startSyncServer();
    agent = await server.addAgent('Grace');
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    panel = await WorkspacePage.open(browser.context, browser.extensionId);
    await signInFromPanel(panel, server.url, agent);
  });

  afterAll(async () => {
    await browser?.dispose();
    await server?.close();
  });

  const get = async <T>(path: string): Promise<T> =>
    (await server.call(agent.token, 'GET', path)).json() as Promise<T>;
  const tasksOnServer = (query: string) =>
    get<{ items: ServerTask[] }>(`/v1/tasks?${query}&includeDeleted=true`).then(
      (body) => body.items,
    );

  it('R4 R10 R23: a customer made inline and their task reach the server; the task gets its number', async () => {
    const { page } = panel;
    await panel.newTask();
    await page.getByRole('button', { name: 'New customer…' }).click();
    await page.fill('#new-customer-name', 'Ada Lovelace');
    await page.fill('#new-customer-phone', '+44 20 7946 0018');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect
      .poll(() => page.getByTestId('customer-chosen').textContent(), { timeout: 10_000 })
      .toBe('Ada Lovelace');
    await page.fill('#task-subject', 'Send the analytical engine notes');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');

    await expect
      .poll(() => get<{ items: { name: string }[] }>('/v1/customers?q=lovelace'), {
        timeout: 15_000,
      })
      .toMatchObject({ items: [{ name: 'Ada Lovelace', phones: ['+442079460018'] }] });
    await expect.poll(() => tasksOnServer('q=analytical'), { timeout: 15_000 }).toHaveLength(1);
    const [task] = await tasksOnServer('q=analytical');
    expect(task?.customerId).not.toBeNull();
    await expect
      .poll(() => page.getByTestId('task-number').textContent(), { timeout: 15_000 })
      .toBe(`#${task?.number}`);
    expect(await storeCount(page, 'outbox')).toBe(0);
  });

  it('R25: the history shows each change once, as the server recorded it', async () => {
    const { page } = panel;
    await page.fill('#task-subject', 'Send the engine notes, corrected');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');
    await expect.poll(() => tasksOnServer('q=corrected'), { timeout: 15_000 }).toHaveLength(1);
    const [task] = await tasksOnServer('q=corrected');
    await expect
      .poll(async () => {
        const history = await get<{ items: unknown[] }>(`/v1/tasks/${task?.id}/history`);
        return history.items.length;
      })
      .toBe(2);
    await expect.poll(() => storeCount(page, 'outbox'), { timeout: 15_000 }).toBe(0);
    const entries = page.locator('[data-testid="history"] li');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(2);
    expect(await entries.allTextContents()).toContainEqual(
      expect.stringContaining('Send the engine notes, corrected'),
    );
  });

  it('R12 R16 R17 R18: a clone and the parent’s deletion reach the server', async () => {
    const { page } = panel;
    const [parent] = await tasksOnServer('q=corrected');
    await page.getByRole('button', { name: 'Clone', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('parent-link').textContent())
      .toBe(`Clone of task #${parent?.number}`);
    await expect
      .poll(async () => (await tasksOnServer(`parentId=${parent?.id}`)).length, { timeout: 15_000 })
      .toBe(1);
    await page
      .getByTestId('parent-link')
      .getByRole('button', { name: `task #${parent?.number}` })
      .click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await page.waitForSelector('h2#my-tasks-heading');
    await expect
      .poll(
        async () => (await tasksOnServer('q=corrected')).map((task) => task.deletedAt !== null),
        {
          timeout: 15_000,
        },
      )
      .toEqual(expect.arrayContaining([true, false]));
    const clone = (await tasksOnServer('q=corrected')).find((task) => task.deletedAt === null);
    expect(clone).toMatchObject({ parentId: null, parentNumber: parent?.number });
    expect(await storeCount(page, 'outbox')).toBe(0);
  });

  it('R22 R21: filters and search work on tasks that came from the server', async () => {
    const { page } = panel;
    const colleague = await server.addAgent('Hedy');
    const soon = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const mutations = [
      { subject: 'Scheduled callback from the server', scheduledAt: soon, assigneeId: agent.id },
      { subject: 'Plain follow-up from the server', assigneeId: agent.id },
    ].map((args) => ({
      id: crypto.randomUUID(),
      name: 'task.create',
      args: { id: crypto.randomUUID(), kind: 'call', ...args },
    }));
    const pushed = await server.call(colleague.token, 'POST', '/v1/sync/push', { mutations });
    expect(pushed.status).toBe(200);
    await page
      .getByRole('button', { name: '← Back' })
      .click()
      .catch(() => undefined);
    await page.waitForSelector('h2#my-tasks-heading');
    await panel.showFilter('Open');
    await expect
      .poll(() => panel.taskRows().allTextContents(), { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Scheduled callback from the server'),
          expect.stringContaining('Plain follow-up from the server'),
        ]),
      );
    await panel.showFilter('Scheduled');
    await expect
      .poll(() => panel.taskRows().allTextContents())
      .toEqual([expect.stringContaining('Scheduled callback from the server')]);
    await panel.showFilter('Open');
    await page.fill('input[name="search"]', 'plain follow');
    await expect
      .poll(() => panel.taskRows().allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining('Plain follow-up from the server')]);
    await page.fill('input[name="search"]', '');
  });

  it('R23 R10: the customer view lists the customer’s tasks from the server, newest first', async () => {
    const { page } = panel;
    const colleague = await server.addAgent('Joan');
    const [customer] = (
      await get<{ items: { id: string; name: string }[] }>('/v1/customers?q=lovelace')
    ).items;
    const mutations = [1, 2].map((n) => ({
      id: crypto.randomUUID(),
      name: 'task.create',
      args: {
        id: crypto.randomUUID(),
        kind: 'email',
        subject: `Joan's note ${n} for Ada`,
        customerId: customer?.id,
      },
    }));
    for (const mutation of mutations) {
      const pushed = await server.call(colleague.token, 'POST', '/v1/sync/push', {
        mutations: [mutation],
      });
      expect(pushed.status).toBe(200);
    }
    await page.fill('input[name="search"]', 'lovelace');
    const match = page
      .getByTestId('customer-matches')
      .getByRole('button', { name: 'Ada Lovelace' });
    await match.click();
    await page.waitForSelector('[data-testid="customer-view"]');
    const rows = page.locator('[data-testid="customer-tasks"] button.task-row');
    await expect
      .poll(() => rows.allTextContents(), { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining("Joan's note 2 for Ada"),
          expect.stringContaining("Joan's note 1 for Ada"),
        ]),
      );
    const texts = await rows.allTextContents();
    expect(texts.findIndex((text) => text.includes('note 2'))).toBeLessThan(
      texts.findIndex((text) => text.includes('note 1')),
    );
    await page.getByRole('button', { name: 'New task for this customer' }).click();
    // The picker shows '…' until it has looked up the customer's name.
    await expect
      .poll(() => page.getByTestId('customer-chosen').textContent(), { timeout: 10_000 })
      .toBe('Ada Lovelace');
    await page.fill('#task-subject', 'Reply to Joan about Ada');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');
    await expect
      .poll(async () => (await tasksOnServer(`customerId=${customer?.id}`)).length, {
        timeout: 15_000,
      })
      .toBe(4);
  });
});
