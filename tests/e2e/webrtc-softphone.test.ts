import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { SidePanelPage } from './support/pages';
import { storedTasks } from './support/service-worker';
import { type StaticServer, serveStatic } from './support/static-server';

const chromiumPath = inject('chromiumPath');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
// Served outside /demo/, so the built-in demo profile does not cover it: only the entry made here.
const PHONE_PAGES = 'http://127.0.0.1/webrtc-only.html';

type ChromeApi = {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};

describe.skipIf(!chromiumPath)(
  'a WebRTC softphone added with no selectors, in real Chromium',
  () => {
    let pages: StaticServer;
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      pages = await serveStatic(FIXTURES);
      browser = await launchWithExtension({
        chromiumPath: chromiumPath!,
        extensionPath: inject('extensionPath'),
      });
    });

    afterAll(async () => {
      await browser?.dispose();
      await pages?.close();
    });

    async function registeredMatches(): Promise<string[]> {
      const worker = await browser.serviceWorker();
      const scripts = await worker.evaluate(() =>
        (
          globalThis as unknown as { chrome: ChromeApi }
        ).chrome.scripting.getRegisteredContentScripts(),
      );
      return scripts.find((script) => script.id === 'wrapup-softphone-rtc')?.matches ?? [];
    }

    async function numberlessCallLogs() {
      const tasks = await storedTasks(await browser.serviceWorker());
      return tasks.filter((task) => task.call !== null && task.call.number === null).length;
    }

    async function call(hangUpWith: '#hangup' | '#far-end-hangup'): Promise<Page> {
      const page = await browser.context.newPage();
      await page.goto(`${pages.url}/webrtc-only.html`);
      await page.click('#call');
      await expect.poll(() => page.textContent('#state'), { timeout: 10_000 }).toBe('connected');
      await page.waitForTimeout(1_000);
      await page.click(hangUpWith);
      return page;
    }

    it('R1: without an entry for its pages, a WebRTC call there makes no log', async () => {
      expect(await registeredMatches()).not.toContain(PHONE_PAGES);
      const page = await call('#hangup');
      await page.waitForTimeout(2_000);
      expect(await numberlessCallLogs()).toBe(0);
      await page.close();
    });

    it('R1: an administrator adds "WebRTC calls only" for the pages, with no selectors, and calls there are logged', async () => {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByRole('button', { name: 'Add profile' }).click();
      await options.fill('#profile-name', 'Browser phone');
      await options.fill('#profile-matches', PHONE_PAGES);
      await options.getByRole('radio', { name: 'Only WebRTC calls (no selectors)' }).check();
      // Nothing to fill in: the selectors and state patterns are gone, the hint says why.
      await expect.poll(() => options.locator('#profile-selectors-activeCall').count()).toBe(0);
      await expect.poll(() => options.locator('#profile-states-connected').count()).toBe(0);
      expect(await options.textContent('[data-testid="webrtc-only-hint"]')).toContain(
        'otherwise the call log asks for it',
      );
      await options.getByRole('button', { name: 'Save profile' }).click();
      await options.waitForSelector('text=Profile "Browser phone" saved.');
      const row = options.locator('[data-profile-id="browser-phone"]');
      expect(await row.textContent()).toContain('WebRTC only');
      expect(await row.getByRole('button', { name: 'Test on this tab' }).count()).toBe(0);
      await expect.poll(registeredMatches, { timeout: 10_000 }).toContain(PHONE_PAGES);
      await options.close();

      const page = await call('#hangup');
      await expect.poll(numberlessCallLogs, { timeout: 15_000 }).toBe(1);
      await page.waitForTimeout(1_000);
      expect(await numberlessCallLogs()).toBe(1);
      await page.close();
    });

    it('R1: on those pages a call the far end hangs up is logged too', async () => {
      const page = await call('#far-end-hangup');
      await expect.poll(numberlessCallLogs, { timeout: 20_000 }).toBe(2);
      await page.close();
    });

    it('R1, R3: the log of a call whose page showed no number asks for it on save', async () => {
      const panel = await SidePanelPage.open(browser.context, browser.extensionId);
      await panel.page.locator('[data-testid="to-log"] button').first().click();
      await panel.page.waitForSelector('[data-testid="task-form"]');
      expect(await panel.fact('number').textContent()).toBe('—');
      await panel.page.keyboard.press('Control+Enter');
      await expect
        .poll(() => panel.page.locator('#callNumber-error').textContent(), { timeout: 5_000 })
        .toBe('The softphone did not show the number: type it.');
      expect(await panel.page.getAttribute('#task-call-number', 'aria-invalid')).toBe('true');
      await panel.page.fill('#task-call-number', '415 555');
      await panel.page.keyboard.press('Control+Enter');
      await expect
        .poll(() => panel.page.locator('#callNumber-error').textContent(), { timeout: 5_000 })
        .toContain('Not a phone number');
      await panel.page.fill('#task-call-number', '+1 415 555 0134');
      await panel.save();
      const logs = async () =>
        (await storedTasks(await browser.serviceWorker())).filter(
          (task) => task.call?.number === '+14155550134',
        ).length;
      await expect.poll(logs, { timeout: 10_000 }).toBe(1);
      expect(await numberlessCallLogs()).toBe(1);
      await panel.page.close();
    });
  },
);
