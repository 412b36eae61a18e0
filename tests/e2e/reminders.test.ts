import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';

const chromiumPath = inject('chromiumPath');

type Chrome = {
  runtime: { reload(): void };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, true>> };
  alarms: {
    get(name: string): Promise<{ scheduledTime: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void>;
  };
};

/**
 * Stores a scheduled call straight into the extension's IndexedDB from the service worker, as a
 * sync pull would, and returns its id. The worker's Dexie has created the database by then.
 */
async function storeScheduledCall(worker: Worker, remindInMs: number, subject: string) {
  return worker.evaluate(
    async ({ remindInMs, subject }) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const agentId = (await chrome.storage.local.get('agentId')).agentId as string;
      const now = Date.now();
      const id = crypto.randomUUID();
      const task = {
        id,
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
      return id;
    },
    { remindInMs, subject },
  );
}

async function notifications(worker: Worker) {
  return worker.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll(),
  );
}

/** Wakes the background as its alarm would, so it re-reads the store and re-arms. */
async function wakeBackground(worker: Worker) {
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('wrapup-reminder', {
      when: Date.now(),
    }),
  );
}

/** How often the task's history says its reminder fired, read straight from IndexedDB. */
async function firedCount(worker: Worker, taskId: string) {
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

  it('R11: a reminder that fell due while the browser was closed shows after relaunch, once', async () => {
    let worker = await browser.serviceWorker();
    const id = await storeScheduledCall(worker, -60 * 60_000, 'Missed callback');
    const profileDir = browser.profileDir;
    await browser.close();
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
      profileDir,
    });
    worker = await browser.serviceWorker();
    await expect
      .poll(async () => Object.keys(await notifications(worker)), { timeout: 20_000 })
      .toContain(`wrapup-reminder:${id}`);
    await wakeBackground(worker);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await firedCount(worker, id)).toBe(1);
  });
});
