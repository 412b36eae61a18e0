import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { WorkspacePage } from './support/pages';
import {
  callLogRecord,
  fieldDefinitionRecord,
  settingsRecord,
  taskRecord,
  userRecord,
} from './support/workspace-records';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)("the agent's workspace in the side panel, in real Chromium", () => {
  let browser: ExtensionBrowser;
  let panel: WorkspacePage;
  let agent: string;

  /** Every screen the tests reach is checked with axe-core and photographed for review. */
  async function expectAccessible(screen: string) {
    await panel.screenshot(screen);
    expect(await panel.seriousViolations(), `axe on ${screen}`).toEqual([]);
  }

  beforeAll(async () => {
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    panel = await WorkspacePage.open(browser.context, browser.extensionId);
    await panel.page.setViewportSize({ width: 400, height: 720 });
    agent = await panel.agentId();
  });

  beforeEach(async () => {
    await panel.clearStore();
    await panel.reload();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it('shows the empty state when the agent has no tasks', async () => {
    await panel.page.waitForSelector('text=No tasks yet');
    await expectAccessible('empty');
  });

  it('R9 R11 R20 R5: a task made by hand with the keyboard; custom fields say what is wrong', async () => {
    await panel.seed({
      fieldDefinitions: [
        fieldDefinitionRecord('order_ref', 'Order ref', 'text', { required: true }),
        fieldDefinitionRecord('amount', 'Amount', 'number'),
      ],
      transactionCodes: [
        { code: 'SALE', label: 'Sale', system: null, active: true },
        { code: 'INFO', label: 'Information', system: null, active: true },
      ],
    });
    const { page } = panel;
    await page.keyboard.press('Alt+N');
    await page.waitForSelector('[data-testid="task-form"]');
    await page.focus('#task-kind');
    await page.selectOption('#task-kind', 'email');
    await page.focus('#task-subject');
    await page.keyboard.type('Send the renewal quote');
    await page.focus('#task-notes');
    await page.keyboard.type('Customer wants two seats.');
    await page.fill('#task-scheduled', '2031-03-04T09:30');
    await page.fill('#task-lead', '15');
    await page.focus('input[name="code-filter"]');
    await page.keyboard.type('sal');
    await expect
      .poll(() => page.locator('.code-options li').allTextContents())
      .toEqual([expect.stringContaining('Sale')]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('codes-summary').textContent()).toBe('Sale');
    await page.fill('#field-amount', 'a lot');
    await expectAccessible('new-task');

    await page.focus('#task-subject');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => panel.fieldError('fields.order_ref').textContent())
      .toBe('Order ref is required.');
    expect(await panel.fieldError('fields.amount').textContent()).toBe('Amount must be a number.');
    expect(await page.getAttribute('#field-order_ref', 'aria-invalid')).toBe('true');
    await expectAccessible('new-task-errors');

    await page.fill('#field-order_ref', 'PO-7781');
    await page.fill('#field-amount', '240');
    await page.focus('#task-subject');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');
    expect(await page.getByTestId('task-number').textContent()).toBe('new');
    await expect
      .poll(() => page.locator('[data-testid="history"] li').allTextContents())
      .toEqual([expect.stringContaining('Created')]);

    await page.getByRole('button', { name: '← Back' }).click();
    const row = panel.taskRows().filter({ hasText: 'Send the renewal quote' });
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('Email');
    expect(text).toContain('SALE');
    expect(text).toContain('2031');
    await row.click();
    await expect.poll(() => page.inputValue('#field-order_ref')).toBe('PO-7781');
    expect(await page.inputValue('#field-amount')).toBe('240');
    expect(await page.inputValue('#task-lead')).toBe('15');
    expect(await page.inputValue('#task-scheduled')).toBe('2031-03-04T09:30');
  });

  it('keeps what the agent typed when the panel closes: new and existing tasks (drafts)', async () => {
    const stored = taskRecord(agent, { subject: 'Check the invoice' });
    await panel.seed({ tasks: [stored] });
    const { page } = panel;
    await panel.newTask();
    await page.fill('#task-subject', 'Half-typed subject');
    await page.fill('#task-notes', 'Half-typed notes');
    await page.waitForTimeout(400);
    await panel.reload();
    await panel.newTask();
    await page.waitForSelector('[data-testid="draft-restored"]');
    expect(await page.inputValue('#task-subject')).toBe('Half-typed subject');
    expect(await page.inputValue('#task-notes')).toBe('Half-typed notes');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await panel.openTaskWithNumber('Check the invoice');
    await page.fill('#task-notes', 'Started writing this before lunch');
    // Closing the panel hides the page first: the draft is written at once, not after a delay.
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await panel.reload();
    await panel.openTaskWithNumber('Check the invoice');
    await page.waitForSelector('[data-testid="draft-restored"]');
    expect(await page.inputValue('#task-notes')).toBe('Started writing this before lunch');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await panel.openTaskWithNumber('Check the invoice');
    expect(await page.inputValue('#task-notes')).toBe('');
    expect(await page.locator('[data-testid="draft-restored"]').count()).toBe(0);
  });

  it('R4 R3 R23 R10: a call log without a customer asks for one; the new customer holds its tasks', async () => {
    await panel.seed({
      tasks: [
        callLogRecord(agent, '+14155550111', 'Alan Turing'),
        callLogRecord(agent, '+14155550122', 'A. M. Turing'),
      ],
    });
    const { page } = panel;
    await expect.poll(() => panel.toLogRows().count()).toBe(2);
    await expectAccessible('task-list');
    await panel.toLogRows().filter({ hasText: '+14155550111' }).click();
    await page.fill('#task-notes', 'Asked for a callback next week.');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#customer-prompt-heading');
    await expectAccessible('customer-prompt');

    await page.locator('.prompt').getByRole('button', { name: 'New customer…' }).click();
    expect(await page.inputValue('#new-customer-phone')).toBe('+14155550111');
    await page.fill('#new-customer-name', 'Alan Turing');
    await page.fill('#new-customer-email', 'not an email');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect
      .poll(() => panel.fieldError('customer-email').textContent())
      .toBe('Must be an email address.');
    await page.fill('#new-customer-email', 'alan@example.org');
    await page.focus('#new-customer-email');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');
    await expect
      .poll(() => page.getByTestId('customer-chosen').textContent(), { timeout: 10_000 })
      .toBe('Alan Turing');

    await page.getByRole('button', { name: '← Back' }).click();
    await expect.poll(() => panel.toLogRows().count()).toBe(1);
    await panel.toLogRows().click();
    await page.click('button[type="submit"]');
    await page.waitForSelector('#customer-prompt-heading');
    // The prompt puts the agent straight into its search box.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('name') === 'customer-search',
    );
    await page.keyboard.type('turing');
    await page.waitForSelector('.customer-results button:has-text("Alan Turing")');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Alan Turing');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');

    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.waitForSelector('[data-testid="customer-view"]');
    expect(await page.locator('[data-field="phones"]').textContent()).toBe('+14155550111');
    expect(await page.locator('[data-field="emails"]').textContent()).toBe('alan@example.org');
    const customerRows = page.locator('[data-testid="customer-tasks"] button.task-row');
    await expect.poll(() => customerRows.count()).toBe(2);
    await expectAccessible('customer');

    await page.getByRole('button', { name: 'New task for this customer' }).click();
    await expect
      .poll(() => page.getByTestId('customer-chosen').textContent(), { timeout: 10_000 })
      .toBe('Alan Turing');
    await page.fill('#task-subject', 'Send the paper');
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');
    await page.getByRole('button', { name: '← Back' }).click();
    await page.waitForSelector('[data-testid="customer-view"]');
    await expect.poll(() => customerRows.count()).toBe(3);
    // Newest first (R23): the task just made heads the list.
    expect(await customerRows.first().textContent()).toContain('Send the paper');
    await customerRows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="task-form"]');
    expect(await page.inputValue('#task-subject')).toContain('Turing');
  });

  it('R2: call logs open in view mode when the contact center says so', async () => {
    const log = callLogRecord(agent, '+14155550133', 'Joan Clarke');
    await panel.seed({ tasks: [log], settings: settingsRecord({ callLogOpensIn: 'view' }) });
    const { page } = panel;
    await panel.openTaskWithNumber('+14155550133');
    expect(await panel.form().getAttribute('data-mode')).toBe('view');
    expect(await page.locator('textarea[name="notes"]').count()).toBe(0);
    expect(await page.locator('[data-field="subject"]').textContent()).toBe(
      'Call with Joan Clarke',
    );
    await expectAccessible('task-view');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => panel.form().getAttribute('data-mode')).toBe('edit');
    await page.fill('#task-notes', 'Edited after viewing');
    // Ctrl+Enter saves straight from the notes; the call log has no customer, so it asks (R4).
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#customer-prompt-heading');
    await page.getByRole('button', { name: 'Save without customer' }).click();
    await page.waitForSelector('output:has-text("Saved")');

    await panel.seed({ settings: settingsRecord({ callLogOpensIn: 'edit' }) });
    await panel.openTaskWithNumber('+14155550133');
    expect(await panel.form().getAttribute('data-mode')).toBe('edit');
    expect(await page.inputValue('#task-notes')).toBe('Edited after viewing');
  });

  it('R12 R14 R15 R16 R17 R18: clones link to their parent; deleting the parent warns and unlinks', async () => {
    const parent = taskRecord(agent, { number: 41, subject: 'Quarterly review' });
    await panel.seed({ tasks: [parent] });
    const { page } = panel;
    await panel.openTaskWithNumber('Quarterly review');
    await page.getByRole('button', { name: 'Clone', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('parent-link').textContent())
      .toBe('Clone of task #41');
    expect(await page.getByTestId('task-number').textContent()).toBe('new');
    // Cloning the clone makes a sibling under the same parent, never a grandchild (R14).
    await page.getByRole('button', { name: 'Clone', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-testid="history"] li').allTextContents())
      .toContainEqual(expect.stringContaining('Cloned from task #41'));
    await page.getByTestId('parent-link').getByRole('button', { name: 'task #41' }).click();
    await expect.poll(() => page.getByTestId('task-number').textContent()).toBe('#41');
    await expect.poll(() => page.locator('[data-testid="clones"] li').count()).toBe(2);
    await expectAccessible('task-with-clones');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    expect(await page.getByTestId('delete-warning').textContent()).toContain(
      'permanently deletes the task and its information',
    );
    await expectAccessible('delete-warning');
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await page.waitForSelector('h2#my-tasks-heading');
    await expect.poll(() => panel.taskRows().count()).toBe(2);
    await panel.taskRows().first().click();
    await expect
      .poll(() => page.getByTestId('parent-link').textContent())
      .toBe('Clone of task #41 (deleted)');
    expect(await page.getByTestId('parent-link').getByRole('button').count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-testid="history"] li').allTextContents())
      .toContainEqual(expect.stringContaining('Parent task #41 was deleted'));
  });

  it('R17: deleting a task without clones asks plainly, and Cancel keeps it', async () => {
    await panel.seed({ tasks: [taskRecord(agent, { subject: 'Lonely task' })] });
    const { page } = panel;
    await panel.openTaskWithNumber('Lonely task');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    expect(await page.getByTestId('delete-warning').textContent()).toBe(
      'The task will be deleted.',
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('delete-warning').count()).toBe(0);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await page.waitForSelector('text=No tasks yet');
  });

  it('R24 R19: without edit, delete or create permission the actions are not offered', async () => {
    const task = taskRecord(agent, { subject: 'Read-only task' });
    const { page } = panel;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    /** Which actions the screen offers right now. */
    const offered = async () => ({
      newTask: await button('New task').count(),
      edit: await button('Edit').count(),
      clone: await button('Clone').count(),
      delete: await button('Delete').count(),
      save: await button('Save').count(),
    });

    // With only 'view' no action is offered, whether the agent's record has loaded or not: the
    // later steps prove the record is read, as only its permissions give their mixes of actions.
    await panel.seed({ tasks: [task], users: [userRecord(agent, ['view'])] });
    await expect.poll(() => button('New task').count(), { timeout: 10_000 }).toBe(0);
    await panel.openTaskWithNumber('Read-only task');
    await page.waitForSelector('text=You can view this task but not change it.');
    await expect
      .poll(offered, { timeout: 10_000 })
      .toEqual({ newTask: 0, edit: 0, clone: 0, delete: 0, save: 0 });
    expect(await panel.form().getAttribute('data-mode')).toBe('view');
    expect(await page.locator('input, textarea, select').count()).toBe(0);
    await expectAccessible('read-only-task');

    // Delete without edit: neither the local agent's full set (Clone) nor "not known yet"
    // (nothing) offers this mix, so it shows the agent's own permissions in force. The form is
    // opened again after that, so its mode cannot come from before the record loaded.
    await panel.seed({ users: [userRecord(agent, ['view', 'create', 'delete'])] });
    await openWithPermissionsShown({ newTask: 1, clone: 0, delete: 1, edit: 0 });
    expect(await panel.form().getAttribute('data-mode')).toBe('view');

    // Edit without delete: Clone (create and edit) shows, Delete does not.
    await panel.seed({ users: [userRecord(agent, ['view', 'create', 'edit'])] });
    await openWithPermissionsShown({ newTask: 1, clone: 1, delete: 0 });
    expect(await panel.form().getAttribute('data-mode')).toBe('edit');

    // Editing without create: the task's customer can be picked, but not created (R24).
    await panel.seed({ users: [userRecord(agent, ['view', 'edit', 'delete'])] });
    await openWithPermissionsShown({ newTask: 0, clone: 0, delete: 1 });
    expect(await panel.form().getAttribute('data-mode')).toBe('edit');
    await page.locator('input[name="customer-search"]').waitFor();
    expect(await button('New customer…').count()).toBe(0);

    /** Opens the task once the screen offers `expected`, which the loaded record alone gives. */
    async function openWithPermissionsShown(
      expected: Partial<Awaited<ReturnType<typeof offered>>>,
    ) {
      await panel.openTaskWithNumber('Read-only task');
      await expect.poll(offered, { timeout: 10_000 }).toMatchObject(expected);
      await page.getByRole('button', { name: '← Back' }).click();
      await panel.openTaskWithNumber('Read-only task');
      await expect.poll(offered, { timeout: 10_000 }).toMatchObject(expected);
    }
  });

  it('the "to log" queue keeps unsaved call logs across reloads until they are saved', async () => {
    await panel.seed({
      tasks: [
        callLogRecord(agent, '+14155550144', 'Tommy Flowers'),
        callLogRecord(agent, '+14155550155', 'Max Newman'),
      ],
    });
    const { page } = panel;
    await expect.poll(() => panel.toLogRows().count()).toBe(2);
    await panel.reload();
    await expect.poll(() => panel.toLogRows().count()).toBe(2);
    await panel.toLogRows().filter({ hasText: '+14155550144' }).click();
    await panel.save();
    await page.getByRole('button', { name: '← Back' }).click();
    await expect.poll(() => panel.toLogRows().count()).toBe(1);
    await panel.reload();
    await expect
      .poll(() => panel.toLogRows().allTextContents())
      .toEqual([expect.stringContaining('Max Newman')]);
  });

  it('offline: the status says so, and the agent keeps creating tasks on this device', async () => {
    const { page } = panel;
    expect(await page.getByTestId('store-status').textContent()).toBe('Stored on this device');
    await browser.context.setOffline(true);
    try {
      await expect
        .poll(() => page.getByTestId('store-status').textContent())
        .toBe('Offline · stored on this device');
      await panel.newTask();
      await page.fill('#task-subject', 'Written on the train');
      await page.keyboard.press('Enter');
      await page.waitForSelector('output:has-text("Saved")');
      await expectAccessible('offline');
    } finally {
      await browser.context.setOffline(false);
    }
    await expect
      .poll(() => page.getByTestId('store-status').textContent())
      .toBe('Stored on this device');
  });

  it('R11: a clicked reminder shows its task in the open panel; the grouped one shows due calls', async () => {
    const task = taskRecord(agent, { subject: 'Call back about the contract' });
    await panel.seed({ tasks: [task] });
    const { page } = panel;
    const request = (taskId: string | null) =>
      page.evaluate(async (taskId) => {
        const chrome = (
          globalThis as unknown as {
            chrome: { storage: { local: { set(items: object): Promise<void> } } };
          }
        ).chrome;
        await chrome.storage.local.set({
          openTaskRequest: { taskId, at: new Date().toISOString() },
        });
      }, taskId);
    await request(task.id);
    await expect
      .poll(() => page.inputValue('#task-subject').catch(() => ''))
      .toBe('Call back about the contract');
    await request(null);
    await page.waitForSelector('h2#my-tasks-heading');
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Overdue', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true');
  });

  it("R11: the agent snoozes a scheduled call's reminder from the task", async () => {
    const scheduledAt = new Date(Date.now() + 60 * 60_000);
    const remindAt = new Date(scheduledAt.getTime() - 5 * 60_000);
    const task = taskRecord(agent, {
      subject: 'Scheduled follow-up call',
      scheduledAt: scheduledAt.toISOString(),
      remindAt: remindAt.toISOString(),
    });
    await panel.seed({ tasks: [task] });
    const { page } = panel;
    await panel.openTaskWithNumber('Scheduled follow-up call');
    const before = await page.getByTestId('reminder-at').textContent();
    await page.getByRole('button', { name: 'Snooze 15 min' }).click();
    await expect.poll(() => page.getByTestId('reminder-at').textContent()).not.toBe(before);
    await expect
      .poll(() => page.locator('[data-testid="history"] li').allTextContents())
      .toContainEqual(expect.stringContaining('Reminder snoozed until'));
    await expectAccessible('scheduled-task');
  });

  it('follows the browser into the dark theme, still readable (axe)', async () => {
    await panel.seed({
      tasks: [callLogRecord(agent, '+14155550166', 'Dorothy Vaughan')],
      transactionCodes: [{ code: 'SALE', label: 'Sale', system: null, active: true }],
    });
    const { page } = panel;
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await expect.poll(() => panel.toLogRows().count()).toBe(1);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
        'rgb(255, 255, 255)',
      );
      await expectAccessible('dark-task-list');
      await panel.toLogRows().click();
      await page.fill('#task-subject', '');
      await page.click('button[type="submit"]');
      await panel.fieldError('subject').waitFor();
      await expectAccessible('dark-task-form');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('R21 R23: the search box finds customers too, and opens their record', async () => {
    const { page } = panel;
    await panel.newTask();
    await page.getByRole('button', { name: 'New customer…' }).click();
    await page.fill('#new-customer-name', 'Grace Hopper');
    await page.fill('#new-customer-phone', '+1 202 555 0147');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect
      .poll(() => page.getByTestId('customer-chosen').textContent(), { timeout: 10_000 })
      .toBe('Grace Hopper');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.fill('input[name="search"]', 'hopp');
    const match = page
      .getByTestId('customer-matches')
      .getByRole('button', { name: 'Grace Hopper' });
    await match.waitFor();
    await expectAccessible('search-with-customers');
    await match.click();
    await page.waitForSelector('[data-testid="customer-view"]');
    expect(await page.locator('[data-field="phones"]').textContent()).toBe('+12025550147');
    await page.waitForSelector('text=No tasks for this customer yet.');

    await page.getByRole('button', { name: 'Edit customer' }).click();
    await page.fill('#customer-edit-phones', '+1 202 555 0147\n020 7183 8750');
    await page.fill('#customer-edit-emails', 'grace@navy.example');
    await page.fill('#customer-edit-company', 'US Navy');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => panel.fieldError('customer-edit-phones').textContent())
      .toBe('Not a valid phone number; include the country code.');
    await expectAccessible('customer-edit');
    await page.fill('#customer-edit-phones', '+1 202 555 0147\n+44 20 7183 8750');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-field="phones"]').textContent())
      .toBe('+12025550147, +442071838750');
    expect(await page.locator('[data-field="company"]').textContent()).toBe('US Navy');

    await page.getByRole('button', { name: 'New task for this customer' }).click();
    // The picker shows '…' until it has looked up the customer's name.
    await expect
      .poll(() => page.getByTestId('customer-chosen').textContent(), { timeout: 10_000 })
      .toBe('Grace Hopper');
  });

  it('R5 R6: system codes are marked and cannot be unticked; codes show comma-separated; status moves the task', async () => {
    const log = {
      ...callLogRecord(agent, '+14155550177', 'Katherine Johnson'),
      transactionCodes: ['AMD'],
    };
    await panel.seed({
      tasks: [log],
      transactionCodes: [{ code: 'SALE', label: 'Sale', system: null, active: true }],
    });
    const { page } = panel;
    await panel.openTaskWithNumber('+14155550177');
    const amd = page.locator('input[name="transactionCodes"][value="AMD"]');
    expect(await amd.isChecked()).toBe(true);
    expect(await amd.isDisabled()).toBe(true);
    expect(await page.getByTestId('system-code').textContent()).toBe('System · AMD');
    await page.locator('input[name="transactionCodes"][value="SALE"]').check();
    await expect
      .poll(() => page.getByTestId('codes-summary').textContent())
      .toBe('Answer machine detected, Sale');
    await page.selectOption('#task-status', 'completed');
    await panel.save();
    expect(await panel.fact('codes').textContent()).toBe(
      'Answer machine detected (AMD), Sale (SALE)',
    );
    await page.getByRole('button', { name: '← Back' }).click();
    await page.waitForSelector('text=No tasks yet');
    await panel.showFilter('Completed');
    await expect
      .poll(() => panel.taskRows().allTextContents())
      .toEqual([expect.stringContaining('AMD, SALE')]);
  });

  it('R9 R22: a task due later today is under Today, not Overdue', async () => {
    const { page } = panel;
    await panel.newTask();
    await page.selectOption('#task-kind', 'meeting');
    await page.fill('#task-subject', 'Team huddle');
    const today = await page.evaluate(() => {
      const now = new Date();
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T23:59`;
    });
    await page.fill('#task-due', today);
    await page.keyboard.press('Enter');
    await page.waitForSelector('output:has-text("Saved")');
    await page.getByRole('button', { name: '← Back' }).click();
    await panel.showFilter('Today');
    await expect
      .poll(() => panel.taskRows().allTextContents())
      .toEqual([expect.stringContaining('Team huddle')]);
    await panel.showFilter('Overdue');
    await page.waitForSelector('text=Nothing here.');
  });

  it("R3 R4: when several customers share the caller's number, the prompt offers them first", async () => {
    const customer = (name: string) => ({
      id: crypto.randomUUID(),
      name,
      phones: ['+14155550188'],
      emails: [],
      company: null,
      externalIds: [],
      notes: '',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      version: 0,
      deletedAt: null,
    });
    const mary = customer('Mary Jackson');
    await panel.seed({
      tasks: [callLogRecord(agent, '+14155550188', 'M. Jackson')],
      customers: [mary, customer('Mary J. Jackson (billing)')],
    });
    const { page } = panel;
    await panel.toLogRows().click();
    await page.click('button[type="submit"]');
    await page.waitForSelector('#customer-prompt-heading');
    const offered = page.locator('.prompt .customer-results button');
    await expect
      .poll(async () => (await offered.allTextContents()).sort())
      .toEqual(['Mary J. Jackson (billing)', 'Mary Jackson']);
    await offered.filter({ hasText: /^Mary Jackson$/ }).click();
    await page.waitForSelector('output:has-text("Saved")');
    await expect
      .poll(() => page.getByTestId('customer-chosen').textContent(), { timeout: 10_000 })
      .toBe('Mary Jackson');
  });
});
