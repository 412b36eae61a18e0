import type { BrowserContext, CDPSession, Worker } from 'playwright-core';

/** Waits until the background has registered the softphone content script for the demo origin. */
export async function waitForSoftphoneScript(worker: Worker, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const count = await worker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
        }
      ).chrome;
      return (await api.scripting.getRegisteredContentScripts()).length;
    });
    if (count > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the softphone content script was never registered');
}

/**
 * Stops the extension's service worker the way Chrome does when it idles out, through the
 * DevTools protocol, and waits until the browser reports it stopped; the next extension event
 * (an alarm, a message) starts a new one. `Target.closeTarget` only detaches from a worker, so
 * this uses `ServiceWorker.stopAllWorkers` from a blank page's session. An open side panel may
 * wake the worker again at once, so the proof is the reported "stopped" state, not its absence
 * from the target list a moment later.
 */
export async function stopServiceWorker(
  context: BrowserContext,
  worker: Worker,
  timeoutMs = 15_000,
): Promise<void> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    let reportStopped = () => {};
    const stopped = new Promise<void>((resolve) => {
      reportStopped = resolve;
    });
    // Enabling reports every version's state as it is; only a stop after the request counts.
    let asked = false;
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((version) => version.scriptURL === worker.url());
      if (asked && ours.some((version) => version.runningStatus === 'stopped')) reportStopped();
    });
    await session.send('ServiceWorker.enable');
    asked = true;
    await session.send('ServiceWorker.stopAllWorkers');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the service worker did not stop')), timeoutMs);
    });
    try {
      await Promise.race([stopped, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await page.close();
  }
}

async function browserSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to open a DevTools session on');
  return browser.newBrowserCDPSession();
}

async function isListed(session: CDPSession, workerUrl: string): Promise<boolean> {
  const { targetInfos } = await session.send('Target.getTargets');
  return targetInfos.some((info) => info.type === 'service_worker' && info.url === workerUrl);
}

/**
 * Whether a service worker runs at `workerUrl`. Playwright does not report a worker that Chrome
 * restarts after `stopServiceWorker`, so tests ask the browser and talk to the extension through
 * one of its pages instead.
 */
export async function isServiceWorkerRunning(
  context: BrowserContext,
  workerUrl: string,
): Promise<boolean> {
  const session = await browserSession(context);
  try {
    return await isListed(session, workerUrl);
  } finally {
    await session.detach();
  }
}

/** Every task in the extension's store, read straight from IndexedDB in the service worker. */
export async function storedTasks(
  worker: Pick<Worker, 'evaluate'>,
): Promise<{ id: string; origin: string; call: { number: string | null } | null }[]> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wrapup');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tasks = await new Promise<
      { id: string; origin: string; call: { number: string | null } | null }[]
    >((resolve, reject) => {
      const request = db.transaction('tasks').objectStore('tasks').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return tasks;
  });
}
