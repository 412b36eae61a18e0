import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { WorkspacePage } from './support/pages';
import { taskRecord } from './support/workspace-records';

const chromiumPath = inject('chromiumPath');
const TASKS = 10_000;

describe.skipIf(!chromiumPath)('a list of 10,000 tasks in real Chromium', () => {
  let browser: ExtensionBrowser;
  let panel: WorkspacePage;

  beforeAll(async () => {
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    panel = await WorkspacePage.open(browser.context, browser.extensionId);
    await panel.page.setViewportSize({ width: 400, height: 720 });
    const agent = await panel.agentId();
    const start = Date.parse('2026-01-01T00:00:00Z');
    await panel.seed({
      tasks: Array.from({ length: TASKS }, (_, n) => {
        // Created in order, last changed in reverse order: the two sorts disagree everywhere.
        const created = new Date(start + n * 60_000).toISOString();
        const updated = new Date(start + (TASKS - n) * 60_000).toISOString();
        return taskRecord(agent, {
          number: n + 1,
          kind: (n + 1) % 1000 === 0 ? 'email' : 'call',
          subject: `Follow-up ${n + 1}`,
          createdAt: created,
          updatedAt: updated,
        });
      }),
    });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it('R22: renders only the rows in view, and the agent walks all of them with the keyboard', async () => {
    const { page } = panel;
    const list = page.getByTestId('task-list');
    await expect
      .poll(() => list.getAttribute('data-count'), { timeout: 20_000 })
      .toBe(String(TASKS));
    expect(await panel.taskRows().count()).toBeLessThan(60);
    // Last changed first by default: task 1 was changed last.
    expect(await panel.taskRows().first().textContent()).toContain('Follow-up 1');

    await page.locator('body').press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () =>
      page.evaluate(() => document.activeElement?.querySelector('.task-subject')?.textContent);
    await expect.poll(focused).toBe('Follow-up 2');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe(`Follow-up ${TASKS}`);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(`Follow-up ${TASKS - 1}`);
    expect(await panel.taskRows().count()).toBeLessThan(60);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="task-form"]');
    expect(await page.inputValue('#task-subject')).toBe(`Follow-up ${TASKS - 1}`);
    expect(await page.getByTestId('task-number').textContent()).toBe(`#${TASKS - 1}`);
    await page.getByRole('button', { name: '← Back' }).click();
  });

  it('sorts by newest first on request', async () => {
    const { page } = panel;
    await page.selectOption('select[name="sort"]', 'created_desc');
    await expect
      .poll(() => panel.taskRows().first().textContent(), { timeout: 20_000 })
      .toContain(`Follow-up ${TASKS}`);
    expect(await panel.seriousViolations()).toEqual([]);
    await panel.screenshot('task-list-10000');
  });

  it('R22: a quick filter by kind narrows the list', async () => {
    const { page } = panel;
    await page.selectOption('select[name="kind-filter"]', 'email');
    await expect.poll(() => page.getByTestId('task-list').getAttribute('data-count')).toBe('10');
    expect(await panel.taskRows().first().textContent()).toContain(`Follow-up ${TASKS}`);
    await page.selectOption('select[name="kind-filter"]', 'meeting');
    await page.waitForSelector('text=Nothing here.');
    await page.selectOption('select[name="kind-filter"]', 'all');
    await expect
      .poll(() => page.getByTestId('task-list').getAttribute('data-count'))
      .toBe(String(TASKS));
  });
});
