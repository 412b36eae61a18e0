import type { Worker } from 'playwright-core';

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
