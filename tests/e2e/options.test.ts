import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { DemoSoftphonePage } from './support/pages';
import { storedTasks } from './support/service-worker';
import { type StaticServer, serveStatic } from './support/static-server';

const chromiumPath = inject('chromiumPath');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

type ChromeApi = {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};

/** The softphone content script's match patterns, as the background registered them. */
async function registeredSoftphoneMatches(browser: ExtensionBrowser): Promise<string[]> {
  const worker = await browser.serviceWorker();
  const scripts = await worker.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeApi }).chrome.scripting.getRegisteredContentScripts(),
  );
  return scripts.find((script) => script.id === 'wrapup-softphone')?.matches ?? [];
}

async function storedProfiles(page: Page): Promise<{ id: string; name: string }[]> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return ((await chrome.storage.local.get('softphoneProfiles')).softphoneProfiles ?? []) as {
      id: string;
      name: string;
    }[];
  });
}

describe.skipIf(!chromiumPath)('options page: softphone profiles in real Chromium', () => {
  let pages: StaticServer;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    // Served outside /demo/, so only the profile made in this test covers the softphone.
    pages = await serveStatic(FIXTURES);
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="profiles"] li');
  });

  afterAll(async () => {
    await browser?.dispose();
    await pages?.close();
  });

  it('lists the built-in profile, read-only', async () => {
    const builtIn = options.locator('[data-profile-id="demo-softphone"]');
    await expect.poll(() => builtIn.textContent()).toContain('Wrapup demo softphone');
    expect(await builtIn.textContent()).toContain('built in');
    expect(await builtIn.getByRole('button', { name: 'Delete' }).count()).toBe(0);
  });

  it('refuses an invalid profile field by field and keeps what was typed', async () => {
    await options.getByRole('button', { name: 'Add profile' }).click();
    await options.fill('#profile-name', 'Test console');
    await options.fill('#profile-matches', 'not a pattern');
    await options.fill('#profile-states-connected', '(connected');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await options.waitForSelector('text=Some fields need attention');
    expect(await options.textContent('#profile-matches-error')).toContain('is not a match pattern');
    expect(await options.textContent('#profile-states-connected-error')).toBe(
      'Must be a valid regular expression.',
    );
    expect(await options.textContent('#profile-selectors-activeCall-error')).toBeTruthy();
    expect(await options.inputValue('#profile-name')).toBe('Test console');
    expect(await storedProfiles(options)).toEqual([]);
  });

  it('R1: saves a profile, registers the softphone script for its pages, and the page is watched', async () => {
    await options.fill('#profile-matches', 'http://127.0.0.1/*');
    await options.fill('#profile-states-connected', '^connected');
    await options.fill('#profile-selectors-activeCall', '#call-panel [data-testid="active-call"]');
    await options.fill('#profile-selectors-stateText', '#call-state');
    await options.fill('#profile-selectors-number', '#call-number');
    await options.fill('#profile-selectors-transactionId', '#transaction-id');
    await options.fill('#profile-selectors-duration', '#call-timer');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await options.waitForSelector('output:has-text("Profile \\"Test console\\" saved.")');
    expect(await storedProfiles(options)).toEqual([
      expect.objectContaining({ id: 'test-console', name: 'Test console' }),
    ]);
    expect(
      await options.locator('[data-profile-id="test-console"] [data-field="access"]').textContent(),
    ).toBe('allowed');
    await expect
      .poll(() => registeredSoftphoneMatches(browser), { timeout: 10_000 })
      .toContain('http://127.0.0.1/*');

    // The built-in profile does not cover this address: only the saved profile can log the call.
    const softphone = new DemoSoftphonePage(await browser.context.newPage());
    await softphone.page.goto(`${pages.url}/softphone.html`);
    await softphone.receiveCall({
      number: '+1 415 555 0199',
      name: 'Grace',
      transactionId: 'TX-77',
    });
    await softphone.answer();
    await softphone.hangUp();
    await expect
      .poll(async () => (await storedTasks(await browser.serviceWorker())).length, {
        timeout: 10_000,
      })
      .toBe(1);
    await softphone.page.close();
  });

  it('R1: "test on this tab" shows what the profile detects on an open tab, as text', async () => {
    const softphone = new DemoSoftphonePage(await browser.context.newPage());
    await softphone.page.goto(`${pages.url}/softphone.html`);
    await softphone.receiveCall({
      number: '+1 415 555 0134',
      name: 'Ada <img src=x onerror=alert(1)>',
      transactionId: 'TX-4242',
    });
    await softphone.answer();
    await softphone.page.waitForTimeout(1_100);

    await options.bringToFront();
    await options.getByRole('button', { name: 'Refresh tabs' }).click();
    await options.waitForSelector('select[name="test-tab"]');
    const tabLabels = await options.locator('select[name="test-tab"] option').allTextContents();
    expect(tabLabels.some((label) => label.includes('softphone') || label.includes('Agent'))).toBe(
      true,
    );
    await options.getByRole('button', { name: 'Test on this tab' }).last().click();
    const result = options.locator('[data-testid="probe-result"]');
    await result.waitFor();
    expect(await result.locator('[data-field="state"]').textContent()).toBe('connected');
    expect(await result.locator('[data-field="number"]').textContent()).toBe('+14155550134');
    expect(await result.locator('[data-field="transaction-id"]').textContent()).toBe('TX-4242');
    expect(await result.locator('[data-field="duration"]').textContent()).toMatch(/^00:0[1-9]$/);
    // This profile has no caller-name selector: nothing detected, nothing rendered from the page.
    expect(await result.locator('[data-field="caller"]').textContent()).toBe('not found');
    expect(await options.locator('img').count()).toBe(0);

    await softphone.hangUp();
    await options.getByRole('button', { name: 'Test on this tab' }).last().click();
    await expect
      .poll(() => result.locator('[data-field="state"]').textContent())
      .not.toBe('connected');
    await softphone.page.close();
  });

  it('edits and deletes the profile; its pages are no longer watched', async () => {
    const row = options.locator('[data-profile-id="test-console"]');
    await row.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => options.inputValue('#profile-selectors-number')).toBe('#call-number');
    await options.fill('#profile-name', 'Test console 2');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await options.waitForSelector('output:has-text("Test console 2")');
    expect(await storedProfiles(options)).toEqual([
      expect.objectContaining({ id: 'test-console', name: 'Test console 2' }),
    ]);

    await row.getByRole('button', { name: 'Delete' }).click();
    await options.waitForSelector('output:has-text("deleted")');
    await expect.poll(() => row.count()).toBe(0);
    expect(await storedProfiles(options)).toEqual([]);
    await expect
      .poll(() => registeredSoftphoneMatches(browser), { timeout: 10_000 })
      .not.toContain('http://127.0.0.1/*');
  });
  it('R10: the administrator adds a customer-page recogniser, validated before it is stored', async () => {
    await options.fill('#recogniser-name', 'Northwind CRM');
    await options.fill('#recogniser-urlPattern', 'customer\\.html\\?id=[^&]+');
    await options.fill('#recogniser-selectorName', '[data-field="name"]');
    await options.getByRole('button', { name: 'Add customer page' }).click();
    await expect
      .poll(() => options.textContent('#recogniser-urlPattern-error'))
      .toContain('group for the id');
    expect(await options.inputValue('#recogniser-selectorName')).toBe('[data-field="name"]');

    await options.fill('#recogniser-urlPattern', 'customer\\.html\\?id=([^&]+)');
    await options.getByRole('button', { name: 'Add customer page' }).click();
    await options.waitForSelector('[data-recogniser-id="northwind-crm"]');
    const stored = await options.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return (await chrome.storage.local.get('customerPageRecognisers')).customerPageRecognisers;
    });
    expect(stored).toEqual([
      {
        id: 'northwind-crm',
        name: 'Northwind CRM',
        urlPattern: 'customer\\.html\\?id=([^&]+)',
        selectors: { name: '[data-field="name"]' },
      },
    ]);
  });
});
