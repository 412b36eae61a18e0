import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../../server/start';
import { closedShadowText, type ExtensionBrowser, launchWithExtension } from './support/browser';
import { DemoSoftphonePage, SidePanelPage } from './support/pages';
import { storedTasks, waitForSoftphoneScript } from './support/service-worker';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('softphone adapters in real Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startServer({ port: 0, inMemory: true, quiet: true });
    browser = await launchWithExtension({
      chromiumPath: chromiumPath!,
      extensionPath: inject('extensionPath'),
    });
    await waitForSoftphoneScript(await browser.serviceWorker());
  });

  afterAll(async () => {
    await browser?.dispose();
    await server?.close();
  });

  it('R7: a campaign call the dialer ends with AMD becomes one log with the system code', async () => {
    const softphone = await DemoSoftphonePage.open(browser.context, server.url);
    await softphone.page.check('#campaign-toggle');
    await softphone.page.selectOption('#system-outcome', 'AMD');
    await softphone.page.fill('#dial-input', '+44 20 7183 8750');
    await softphone.page.click('#dial');
    await softphone.waitForState('ended');

    const panel = await SidePanelPage.open(browser.context, browser.extensionId);
    await expect
      .poll(() => panel.taskRows().filter({ hasText: '+442071838750' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await panel.openTaskWithNumber('+442071838750');
    await expect
      .poll(() => panel.fact('codes').textContent(), { timeout: 10_000 })
      .toContain('AMD');
  });

  it('a console reporting a call through the wrapup:call page event gets its log', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/index.html`);
    await page.evaluate(() => {
      const tell = (detail: object) =>
        document.dispatchEvent(new CustomEvent('wrapup:call', { detail }));
      tell({
        type: 'started',
        callId: 'pe-1',
        number: '+1 415 555 0101',
        callerName: 'Page Event Caller',
        direction: 'inbound',
        transactionId: 'TX-PAGE-1',
      });
      tell({ type: 'connected', callId: 'pe-1' });
      tell({ type: 'ended', callId: 'pe-1', codes: ['INFO'] });
    });

    const panel = await SidePanelPage.open(browser.context, browser.extensionId);
    await expect
      .poll(() => panel.taskRows().filter({ hasText: 'Page Event Caller' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await panel.openTaskWithNumber('+14155550101');
    expect(await panel.fact('transaction-id').textContent()).toBe('TX-PAGE-1');
    expect(await panel.fact('codes').textContent()).toBe('INFO');
  });

  /** Call logs with no number: what the WebRTC observer alone knows about a call. */
  async function numberlessCallLogs() {
    const tasks = await storedTasks(await browser.serviceWorker());
    return tasks.filter((task) => task.call !== null && task.call.number === null).length;
  }

  async function webRtcOnlyCall(hangUpWith: '#hangup' | '#far-end-hangup') {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/webrtc-only.html`);
    await page.click('#call');
    await expect.poll(() => page.textContent('#state'), { timeout: 10_000 }).toBe('connected');
    await page.waitForTimeout(1_000);
    await page.click(hangUpWith);
    return page;
  }

  it('R1: the WebRTC observer alone logs a call on a page no profile reads and no page event reports', async () => {
    const before = await numberlessCallLogs();
    const page = await webRtcOnlyCall('#hangup');
    await expect.poll(numberlessCallLogs, { timeout: 15_000 }).toBe(before + 1);
    await page.waitForTimeout(1_000);
    expect(await numberlessCallLogs()).toBe(before + 1);
    await page.close();
  });

  it('R1: the WebRTC observer logs the call when the far end hangs up', async () => {
    const before = await numberlessCallLogs();
    const page = await webRtcOnlyCall('#far-end-hangup');
    await expect.poll(numberlessCallLogs, { timeout: 20_000 }).toBe(before + 1);
    await page.close();
  });

  it('R1: with the side panel closed, the softphone page offers it after the call, by keyboard too', async () => {
    const worker = await browser.serviceWorker();
    const openPanels = () =>
      worker.evaluate(async () => {
        const chrome = (
          globalThis as unknown as {
            chrome: { runtime: { getContexts(filter: object): Promise<unknown[]> } };
          }
        ).chrome;
        return (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
      });
    expect(await openPanels()).toBe(0);

    const page = await webRtcOnlyCall('#hangup');
    await page.waitForSelector('[data-wrapup-prompt]', { state: 'attached', timeout: 15_000 });
    expect(await closedShadowText(page, 'data-wrapup-prompt')).toBe(
      'Call logged in Wrapup. Open Wrapup Dismiss',
    );
    // Never steals focus from the softphone; the next Tab reaches its first button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hangup');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-wrapup-prompt')))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(openPanels, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => page.locator('[data-wrapup-prompt]').count(), { timeout: 5_000 })
      .toBe(0);
    await page.close();
  });

  /** Writes the contact center's settings into the store, as a sync pull would. */
  async function storeSettings(autoCallLog: boolean) {
    const worker = await browser.serviceWorker();
    await worker.evaluate(async (autoCallLog) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wrapup');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({
          key: 'settings',
          value: {
            autoCallLog,
            callLogOpensIn: 'edit',
            callLogKinds: ['call', 'voicemail', 'web_callback'],
            codesRequiredOnCallLogs: false,
            defaultReminderLeadMinutes: 5,
            workingSetDays: 90,
          },
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, autoCallLog);
  }

  async function reportCall(page: Page, callId: string, number: string, campaign?: string) {
    await page.evaluate(
      ({ callId, number, campaign }) => {
        const tell = (detail: object) =>
          document.dispatchEvent(new CustomEvent('wrapup:call', { detail }));
        tell({ type: 'started', callId, number, direction: 'outbound', campaign });
        tell({ type: 'connected', callId });
        tell({ type: 'ended', callId });
      },
      { callId, number, campaign },
    );
  }

  async function logsFor(number: string) {
    const tasks = await storedTasks(await browser.serviceWorker());
    return tasks.filter((task) => task.call?.number === number).length;
  }

  it('R1, R7: with automatic call logs off, a call makes no log but a campaign call still does', async () => {
    await storeSettings(false);
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/demo/index.html`);
      await reportCall(page, 'off-1', '+1 415 555 0177');
      await reportCall(page, 'off-2', '+1 415 555 0178', 'Renewals Q4');
      await expect.poll(() => logsFor('+14155550178'), { timeout: 15_000 }).toBe(1);
      await page.waitForTimeout(1_000);
      expect(await logsFor('+14155550177')).toBe(0);
      await page.close();
    } finally {
      await storeSettings(true);
    }
  });

  it('R1: a voicemail reported by the page becomes a voicemail log', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/index.html`);
    await page.evaluate(() => {
      const tell = (detail: object) =>
        document.dispatchEvent(new CustomEvent('wrapup:call', { detail }));
      tell({
        type: 'started',
        callId: 'vm-1',
        number: '+1 415 555 0144',
        interaction: 'voicemail',
      });
      tell({ type: 'ended', callId: 'vm-1' });
    });
    const kindOf = async () =>
      (
        (await storedTasks(await browser.serviceWorker())) as unknown as {
          kind: string;
          call: { number: string | null } | null;
        }[]
      ).find((task) => task.call?.number === '+14155550144')?.kind;
    await expect.poll(kindOf, { timeout: 15_000 }).toBe('voicemail');
    await page.close();
  });

  it('a hostile page: forged, malformed, oversized and flooding events are refused, HTML stays text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/index.html`);
    // The page cannot message the background at all: only our content script can.
    expect(
      await page.evaluate(
        () =>
          typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
            ?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    const html = '<img src=x onerror="window.pwned = true">';
    await page.evaluate((html) => {
      const tell = (detail: unknown) =>
        document.dispatchEvent(new CustomEvent('wrapup:call', { detail }));
      tell({ type: 'ended', callId: 'twice', number: '+1 415 555 0190' });
      tell({ type: 'ended', callId: 'twice', number: '+1 415 555 0190' });
      tell({ type: 'started', callId: 'twice', number: '+1 415 555 0190' });
      tell({
        type: 'started',
        callId: 'big',
        number: '+1 415 555 0191',
        callerName: 'x'.repeat(20_000),
      });
      tell({ type: 'ended', callId: 'big' });
      tell({ type: 'started', callId: 7, number: '+1 415 555 0192' });
      tell({ type: 'exploded', callId: 'odd', number: '+1 415 555 0193' });
      tell({ type: 'started', callId: 'extra', number: '+1 415 555 0194', script: 'alert(1)' });
      tell({ type: 'ended', callId: 'extra' });
      tell(document.body);
      tell({ type: 'started', callId: 'html', number: '+1 415 555 0199', callerName: html });
      tell({ type: 'connected', callId: 'html' });
      tell({ type: 'ended', callId: 'html' });
    }, html);
    await expect.poll(() => logsFor('+14155550199'), { timeout: 15_000 }).toBe(1);

    // The flood comes from a page of its own: its content script's budget is untouched, so the
    // window of 20 events opens with the flood's first event and nothing above spends from it.
    const flooder = await browser.context.newPage();
    await flooder.goto(`${server.url}/demo/index.html`);
    await flooder.evaluate(() => {
      for (let n = 0; n < 100; n++) {
        const callId = `flood-${n}`;
        const number = `+1 415 555 ${String(2000 + n)}`;
        for (const type of ['started', 'connected', 'ended']) {
          document.dispatchEvent(
            new CustomEvent('wrapup:call', { detail: { type, callId, number } }),
          );
        }
      }
    });
    const flooded = async () =>
      (await storedTasks(await browser.serviceWorker())).filter((task) =>
        /^\+14155552\d{3}$/.test(task.call?.number ?? ''),
      ).length;
    await expect.poll(flooded, { timeout: 15_000 }).toBeGreaterThan(0);
    // A sentinel call after the flood, sent again until the budget lets it through (repeats of
    // an accepted end are refused as such): the page reports in order, so once its log exists
    // every flood event that got through has been logged.
    await expect
      .poll(
        async () => {
          await flooder.evaluate(() =>
            document.dispatchEvent(
              new CustomEvent('wrapup:call', {
                detail: { type: 'ended', callId: 'sentinel', number: '+1 415 555 0189' },
              }),
            ),
          );
          return logsFor('+14155550189');
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);

    const tasks = (await storedTasks(await browser.serviceWorker())) as unknown as {
      call: { number: string | null; callerName: string | null } | null;
    }[];
    const numbers = tasks.map((task) => task.call?.number ?? '');
    expect(numbers.filter((number) => number === '+14155550190')).toHaveLength(1);
    for (const refused of ['0191', '0192', '0193', '0194']) {
      expect(numbers).not.toContain(`+1415555${refused}`);
    }
    expect(tasks.find((task) => task.call?.number === '+14155550199')?.call?.callerName).toBe(html);
    // 20 events a second get through: a flood of 100 calls makes a handful of logs, not 100.
    expect(await flooded()).toBeLessThanOrEqual(7);
    expect(numbers.filter((number) => number === '+14155550189')).toHaveLength(1);
    await flooder.close();

    const panel = await SidePanelPage.open(browser.context, browser.extensionId);
    await expect
      .poll(() => panel.taskRows().filter({ hasText: html }).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(await panel.page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
    await page.close();
  });

  it('R8: a callback scheduled during a campaign call makes a scheduled call whose reminder is armed', async () => {
    const softphone = await DemoSoftphonePage.open(browser.context, server.url);
    await softphone.page.check('#campaign-toggle');
    await softphone.page.selectOption('#system-outcome', '');
    await softphone.page.fill('#dial-input', '+1 415 555 0166');
    await softphone.page.click('#dial');
    await softphone.waitForState('connected');
    // datetime-local takes the page's local time; 30 minutes ahead, to the minute.
    const callback = await softphone.page.evaluate(() => {
      const at = new Date(Date.now() + 30 * 60_000);
      at.setSeconds(0, 0);
      const pad = (n: number) => String(n).padStart(2, '0');
      const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
      return { local, iso: at.toISOString() };
    });
    await softphone.page.fill('#callback-at', callback.local);
    await softphone.hangUp();
    await softphone.page.click('#wrapup-done');

    const worker = await browser.serviceWorker();
    const scheduled = async () =>
      (
        (await storedTasks(worker)) as unknown as {
          origin: string;
          scheduledAt: string | null;
          remindAt: string | null;
          call: { number: string | null } | null;
        }[]
      ).find((task) => task.call?.number === '+14155550166');
    await expect
      .poll(async () => (await scheduled())?.scheduledAt, { timeout: 15_000 })
      .toBe(callback.iso);
    const task = await scheduled();
    expect(task?.origin).toBe('campaign');
    expect(task?.remindAt).toBe(new Date(Date.parse(callback.iso) - 5 * 60_000).toISOString());
    await expect
      .poll(
        async () =>
          (
            await worker.evaluate(() =>
              (
                globalThis as unknown as {
                  chrome: {
                    alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
                  };
                }
              ).chrome.alarms.get('wrapup-reminder'),
            )
          )?.scheduledTime,
        { timeout: 10_000 },
      )
      .toBe(Date.parse(task?.remindAt ?? ''));
  });

  it("R11: a reminder's Call now dials through the open softphone, which places the call", async () => {
    const softphone = await DemoSoftphonePage.open(browser.context, server.url);
    const worker = await browser.serviceWorker();
    // What the background sends the softphone tab when the agent presses Call now.
    const reply = await worker.evaluate(async (url) => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(filter: object): Promise<{ id: number; url: string }[]>;
              sendMessage(tabId: number, message: object): Promise<unknown>;
            };
          };
        }
      ).chrome;
      // Earlier tests left softphone tabs open: this test's own is the newest.
      const tab = (await chrome.tabs.query({}))
        .filter((candidate) => candidate.url === url)
        .sort((a, b) => b.id - a.id)[0];
      if (!tab) throw new Error('no softphone tab');
      return chrome.tabs.sendMessage(tab.id, { type: 'softphone/dial', number: '+1 415 555 0155' });
    }, softphone.page.url());
    expect(reply).toEqual({ ok: true });
    await softphone.waitForState('connected');
    expect(await softphone.page.textContent('#call-number')).toContain('415');
    await softphone.hangUp();
    await softphone.page.close();
  });
});
