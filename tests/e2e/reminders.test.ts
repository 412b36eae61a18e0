import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { isServiceWorkerRunning, stopServiceWorker } from './support/service-worker';

const chromiumPath = inject('chromiumPath');
/** The service worker, or one of the extension's pages: both can use the extension's APIs. */
type ExtensionContext = Pick<Worker, 'evaluate'>;

const DEXIE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('dexie/dist/dexie.js'),
  'utf8',
);

type Chrome = {
  runtime: { reload(): void };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, true>> };
  alarms: {
    get(name: string): Promise<{ scheduledTime: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void>;
  };
};

/** A scheduled call of the agent's, as the store keeps it, due for its reminder in `remindInMs`. */
function scheduledCall(agentId: string, remindInMs: number, subject: string) {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    number: null,
    kind: 'call',
    origin: 'manual',
    subject,
    notes: '',
    status: 'open',
    customerId: null,
    assigneeId: agentId,
    transactionId: null,
    transactionCodes: [],
    call: null,
    dueAt: null,
    scheduledAt: new Date(now + remindInMs + 5 * 60_000).toISOString(),
    reminderLeadMinutes: null,
    remindAt: new Date(now + remindInMs).toISOString(),
    fields: {},
    parentId: null,
    parentNumber: null,
    reference: null,
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
    createdBy: agentId,
    updatedBy: agentId,
    version: 0,
    deletedAt: null,
  };
}

async function agentIdOf(worker: Worker): Promise<string> {
  return worker.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('agentId'))
        .agentId as string,
  );
}

/**
 * Stores a scheduled call straight into the extension's IndexedDB from the service worker, as a
 * sync pull would, and returns its id. The worker's Dexie has created the database by then.
 * Raw IndexedDB tells no one, so the background only sees it when it next wakes.
 */
async function storeScheduledCall(worker: Worker, remindInMs: number, subject: string) {
  const task = scheduledCall(await agentIdOf(worker), remindInMs, subject);
  await worker.evaluate(async (task) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('tasks', 'readwrite');
      tx.objectStore('tasks').put(task);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, task);
  return task.id;
}

/**
 * Stores a scheduled call through Dexie from an extension page, as the side panel's edits do:
 * Dexie announces the write to the extension's other contexts, and nothing else is sent.
 */
async function scheduleFromExtensionPage(page: Page, task: ReturnType<typeof scheduledCall>) {
  await page.evaluate(DEXIE_SOURCE);
  await page.evaluate(async (task) => {
    const { Dexie } = globalThis as unknown as {
      Dexie: new (
        name: string,
      ) => {
        open(): Promise<unknown>;
        table(name: string): { put(value: unknown): Promise<unknown> };
        close(): void;
      };
    };
    const db = new Dexie('wrapup');
    await db.open();
    await db.table('tasks').put(task);
    db.close();
  }, task);
}

async function notifications(worker: ExtensionContext) {
  return worker.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll(),
  );
}

/** Wakes the background as its alarm would, so it re-reads the store and re-arms. */
async function wakeBackground(worker: ExtensionContext) {
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('wrapup-reminder', {
      when: Date.now(),
    }),
  );
}

/** How often the task's history says its reminder fired, read straight from IndexedDB. */
async function firedCount(worker: ExtensionContext, taskId: string) {
  return worker.evaluate(async (taskId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const entries = await new Promise<{ taskId: string; event: { type: string } }[]>(
      (resolve, reject) => {
        const request = db.transaction('history').objectStore('history').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    return entries.filter(
      (entry) => entry.taskId === taskId && entry.event.type === 'reminder_fired',
    ).length;
  }, taskId);
}

async function waitForAgent(worker: Worker) {
  await expect
    .poll(
      () =>
        worker.evaluate(
          async () =>
            (
              await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(
                'agentId',
              )
            ).agentId ?? null,
        ),
      { timeout: 10_000 },
    )
    .not.toBeNull();
}

describe.skipIf(!chromiumPath)('reminders in real Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it('R11: a reminder a few seconds ahead pops up through the wake-up alarm', async () => {
    const worker = await browser.serviceWorker();
    await waitForAgent(worker);
    const id = await storeScheduledCall(worker, 4_000, 'Call back about the renewal');
    await wakeBackground(worker);
    await expect
      .poll(
        async () =>
          (
            await worker.evaluate(() =>
              (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get('wrapup-reminder'),
            )
          )?.scheduledTime,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(Date.now());
    expect(Object.keys(await notifications(worker))).not.toContain(`wrapup-reminder:${id}`);
    await expect
      .poll(async () => Object.keys(await notifications(worker)), { timeout: 20_000 })
      .toContain(`wrapup-reminder:${id}`);
    expect(await firedCount(worker, id)).toBe(1);
  });

  it('R11: a reminder scheduled from an extension page re-arms the running background unprompted', async () => {
    const worker = await browser.serviceWorker();
    await waitForAgent(worker);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const task = scheduledCall(await agentIdOf(worker), 5_000, 'Scheduled in the side panel');
    await scheduleFromExtensionPage(page, task);
    await expect
      .poll(async () => Object.keys(await notifications(worker)), { timeout: 15_000 })
      .toContain(`wrapup-reminder:${task.id}`);
    expect(await firedCount(worker, task.id)).toBe(1);
    await page.close();
  });

  it('R11: a snooze chosen in the side panel closes the reminder and brings it back later', async () => {
    const worker = await browser.serviceWorker();
    await waitForAgent(worker);
    const id = await storeScheduledCall(worker, -1_000, 'Snoozed from the panel');
    await wakeBackground(worker);
    await expect
      .poll(async () => Object.keys(await notifications(worker)), { timeout: 10_000 })
      .toContain(`wrapup-reminder:${id}`);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const reply = await page.evaluate(
      (taskId) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: object): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage({ type: 'reminders/snooze', taskId, minutes: 10 }),
      id,
    );
    const { remindAt } = reply as { ok: boolean; remindAt: string };
    expect(Date.parse(remindAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(Object.keys(await notifications(worker))).not.toContain(`wrapup-reminder:${id}`);
    const alarm = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get('wrapup-reminder'),
    );
    expect(alarm?.scheduledTime).toBe(Date.parse(remindAt));
    await page.close();
  });

  /** Closes the browser, waits for `meanwhile`, and starts it again on the same profile. */
  async function relaunch(meanwhile: () => Promise<unknown> = async () => undefined) {
    const profileDir = browser.profileDir;
    await browser.close();
    await meanwhile();
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
      profileDir,
    });
    return browser.serviceWorker();
  }

  it('R11: a reminder that fell due while the browser was closed shows after relaunch, once', async () => {
    let worker = await browser.serviceWorker();
    // Due only once the browser is closed: a reminder already due would be shown by the running
    // worker before the close (its start-up or sweep reads the store), and nothing would be left
    // to show after the relaunch.
    const dueInMs = 8_000;
    const dueAt = Date.now() + dueInMs;
    const id = await storeScheduledCall(worker, dueInMs, 'Missed callback');
    worker = await relaunch(
      () => new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()) + 1_000)),
    );
    await expect
      .poll(async () => Object.keys(await notifications(worker)), { timeout: 30_000 })
      .toContain(`wrapup-reminder:${id}`);
    await wakeBackground(worker);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await firedCount(worker, id)).toBe(1);
  });

  it('R11: a reminder on screen when the browser closed comes back after relaunch, fired once', async () => {
    let worker = await browser.serviceWorker();
    const id = await storeScheduledCall(worker, -60_000, 'Unanswered callback');
    await wakeBackground(worker);
    await expect
      .poll(async () => Object.keys(await notifications(worker)), { timeout: 20_000 })
      .toContain(`wrapup-reminder:${id}`);
    worker = await relaunch();
    await expect
      .poll(async () => Object.keys(await notifications(worker)), { timeout: 30_000 })
      .toContain(`wrapup-reminder:${id}`);
    expect(await firedCount(worker, id)).toBe(1);
  });

  // Last: Playwright keeps no handle on the worker Chrome restarts, so later tests could not
  // reach the background through `browser.serviceWorker()`.
  it('R11: a reminder fires exactly once although the service worker was stopped before it was due', async () => {
    const worker = await browser.serviceWorker();
    await waitForAgent(worker);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const id = await storeScheduledCall(worker, 8_000, 'Call back after the worker slept');
    await wakeBackground(worker);
    await expect
      .poll(
        async () =>
          (
            await worker.evaluate(() =>
              (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get('wrapup-reminder'),
            )
          )?.scheduledTime,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(Date.now() + 1_000);

    await stopServiceWorker(browser.context, worker);
    expect(Object.keys(await notifications(page))).not.toContain(`wrapup-reminder:${id}`);

    // Only the alarm can start the worker again; the new one finds the reminder due and shows it.
    await expect
      .poll(async () => Object.keys(await notifications(page)), { timeout: 20_000 })
      .toContain(`wrapup-reminder:${id}`);
    expect(await isServiceWorkerRunning(browser.context, worker.url())).toBe(true);
    await wakeBackground(page);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await firedCount(page, id)).toBe(1);
  });
});
