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
    await expect.poll(() => page.getByTestId('customer-chosen').textContent()).toBe('Ada Lovelace');
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
});
