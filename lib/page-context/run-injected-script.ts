import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { INJECTED_INPUT_KEY } from './injected-input';

/**
 * Runs one of our unlisted scripts in the tab's top frame with `input`, and returns what it
 * returned, still untrusted: the page's DOM shaped it. The input travels through the extension's
 * isolated world, so the page can neither read nor replace it.
 */
export async function runInjectedScript(tabId: number, file: ScriptPublicPath, input: unknown) {
  await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, value: unknown) => {
      (globalThis as Record<string, unknown>)[key] = value;
    },
    args: [INJECTED_INPUT_KEY, input],
  });
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [file] });
  return frame?.result as unknown;
}
