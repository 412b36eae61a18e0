import { request } from 'node:http';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type StaticServer, serveStatic } from './support/static-server';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const chromiumPath = inject('chromiumPath');

/** A GET with the path sent byte for byte, as fetch() would normalise `..` away. */
function rawGet(url: string, path: string) {
  return new Promise<{ status: number; type: string | undefined; body: string }>((done, fail) => {
    const { hostname, port } = new URL(url);
    const outgoing = request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }),
      );
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('serveStatic', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(FIXTURES);
  });
  afterAll(() => server?.close());

  it('serves the demo pages on loopback with their content types', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const cases = [
      ['/softphone.html', 'text/html; charset=utf-8', '<title>Agent Console'],
      ['/softphone.js', 'text/javascript; charset=utf-8', 'window.demoSoftphone'],
      ['/softphone.css', 'text/css; charset=utf-8', 'prefers-color-scheme'],
      ['/', 'text/html; charset=utf-8', 'Wrapup demo pages'],
    ] as const;
    for (const [path, type, content] of cases) {
      const response = await rawGet(server.url, path);
      expect(response.status, path).toBe(200);
      expect(response.type, path).toBe(type);
      expect(response.body, path).toContain(content);
    }
    expect((await rawGet(server.url, '/missing.html')).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/../e2e/demo-softphone.test.ts',
      '/../../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/softphone.html%00.js',
    ]) {
      const response = await rawGet(server.url, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"name": "wrapup"');
    }
  });
});

interface ConsoleWindow {
  demoSoftphone: {
    incoming(options?: Record<string, string>): void;
    dial(number: string): void;
    state(): string;
    peerConnectionState(): string | null;
  };
  callStates: string[];
  observedPeers: RTCPeerConnection[];
}

describe.skipIf(!chromiumPath)('the demo pages in real Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(FIXTURES);
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the console, recording every data-call-state it goes through and any page error. */
  async function openConsole() {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const states: string[] = [];
      (window as unknown as ConsoleWindow).callStates = states;
      new MutationObserver(() => {
        const state = document.getElementById('call-panel')?.getAttribute('data-call-state');
        if (state && states.at(-1) !== state) states.push(state);
      }).observe(document, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-call-state'],
      });
    });
    await page.goto(`${server.url}/softphone.html`);
    await page.waitForSelector('#call-panel[data-call-state="idle"]');
    // Wrapped only after the console's scripts ran: it must look RTCPeerConnection up per call.
    await page.evaluate(() => {
      const page = window as unknown as ConsoleWindow;
      const Original = window.RTCPeerConnection;
      page.observedPeers = [];
      window.RTCPeerConnection = class extends Original {
        constructor(configuration?: RTCConfiguration) {
          super(configuration);
          page.observedPeers.push(this);
        }
      };
    });
    return { page, errors };
  }

  const text = (page: Page, selector: string) => page.textContent(selector);
  const activeCalls = (page: Page) =>
    page.locator('#call-panel [data-testid="active-call"]').count();
  const transitions = (page: Page) =>
    page.evaluate(() => (window as unknown as ConsoleWindow).callStates);
  const peerStates = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as ConsoleWindow).observedPeers.map((peer) => peer.connectionState),
    );

  it('rings, connects a real WebRTC audio call, and keeps the facts through wrap-up', async () => {
    const { page, errors } = await openConsole();
    expect(await text(page, '#call-state')).toBe('Ready');
    expect(await activeCalls(page)).toBe(0);
    expect(await page.inputValue('#sim-number')).toBe('+1 415 555 0134');
    expect(await page.inputValue('#sim-name')).toBe('Ada Lovelace');

    await page.fill('#sim-queue', 'Billing');
    await page.fill('#sim-txid', 'TX-424242');
    await page.click('#sim-incoming');
    await page.waitForSelector('#call-panel[data-call-state="ringing"]');
    expect(await text(page, '#call-state')).toBe('Incoming call');
    expect(await activeCalls(page)).toBe(1);
    expect(await text(page, '#call-number')).toBe('+1 415 555 0134');
    expect(await text(page, '#caller-name')).toBe('Ada Lovelace');
    expect(await text(page, '#call-queue')).toBe('Billing');
    expect(await text(page, '#transaction-id')).toBe('TX-424242');
    expect(await text(page, '#call-direction')).toBe('inbound');
    expect(await text(page, '#campaign-name')).toBe('');
    expect(await page.getAttribute('#call-panel', 'data-campaign')).toBeNull();
    expect(await page.isVisible('#hangup')).toBe(false);

    await page.click('#answer');
    await page.waitForSelector('#call-panel[data-call-state="connected"]');
    expect(await text(page, '#call-state')).toBe('Connected');
    expect(await activeCalls(page)).toBe(1);
    await expect
      .poll(() => peerStates(page), { timeout: 10_000 })
      .toEqual(['connected', 'connected']);
    expect(
      await page.evaluate(() =>
        (window as unknown as ConsoleWindow).demoSoftphone.peerConnectionState(),
      ),
    ).toBe('connected');
    await expect.poll(() => text(page, '#call-timer'), { timeout: 5_000 }).toMatch(/^00:0[1-9]$/);

    await page.check('input[name="tcode"][value="SALE"]');
    await page.check('input[name="tcode"][value="CB"]');
    await page.fill('#callback-at', '2026-12-01T09:30');
    await page.click('#hangup');
    await page.waitForSelector('#call-panel[data-call-state="ended"]');
    expect(await text(page, '#call-state')).toBe('Call ended');
    expect(await activeCalls(page)).toBe(0);
    expect(await peerStates(page)).toEqual(['closed', 'closed']);
    expect(
      await page.evaluate(() =>
        (window as unknown as ConsoleWindow).demoSoftphone.peerConnectionState(),
      ),
    ).toBe('closed');

    const frozen = await text(page, '#call-timer');
    expect(frozen).toMatch(/^00:0[1-9]$/);
    await page.waitForTimeout(1_200);
    expect(await text(page, '#call-timer')).toBe(frozen);
    expect(await text(page, '#call-number')).toBe('+1 415 555 0134');
    expect(await text(page, '#transaction-id')).toBe('TX-424242');
    // Wrap-up: codes stay editable after the call.
    await page.check('input[name="tcode"][value="INFO"]');
    const codes = await page.$$eval('input[name="tcode"]:checked', (boxes) =>
      boxes.map((box) => (box as HTMLInputElement).value),
    );
    expect(codes).toEqual(['SALE', 'INFO', 'CB']);
    expect(await page.inputValue('#callback-at')).toBe('2026-12-01T09:30');

    await page.click('#wrapup-done');
    await page.waitForSelector('#call-panel[data-call-state="idle"]');
    expect(await text(page, '#call-state')).toBe('Ready');
    expect(await transitions(page)).toEqual(['idle', 'ringing', 'connected', 'ended', 'idle']);
    expect(errors).toEqual([]);
  });

  it('generates a TX- transaction id when none is given, and a rejected call opens no media', async () => {
    const { page, errors } = await openConsole();
    await page.fill('#sim-txid', '');
    await page.click('#sim-incoming');
    await page.waitForSelector('#call-panel[data-call-state="ringing"]');
    expect(await text(page, '#transaction-id')).toMatch(/^TX-\d+$/);

    await page.click('#reject');
    await page.waitForSelector('#call-panel[data-call-state="ended"]');
    expect(await activeCalls(page)).toBe(0);
    expect(await peerStates(page)).toEqual([]);
    expect(await text(page, '#end-reason')).toBe('Rejected by agent');

    // A new call may start straight from wrap-up, and gets a fresh id and clean codes.
    const firstId = await text(page, '#transaction-id');
    await page.click('#sim-incoming');
    await page.waitForSelector('#call-panel[data-call-state="ringing"]');
    expect(await text(page, '#transaction-id')).not.toBe(firstId);
    expect(await transitions(page)).toEqual(['idle', 'ringing', 'ended', 'ringing']);
    expect(errors).toEqual([]);
  });

  it('dials out from the dial pad and connects after about a second', async () => {
    const { page, errors } = await openConsole();
    await page.fill('#dial-input', '+');
    for (const key of '14155550199') await page.click(`#keypad button[data-key="${key}"]`);
    expect(await page.inputValue('#dial-input')).toBe('+14155550199');
    await page.click('#dial');
    await page.waitForSelector('#call-panel[data-call-state="dialing"]');
    expect(await text(page, '#call-state')).toBe('Dialing…');
    expect(await activeCalls(page)).toBe(1);
    expect(await text(page, '#call-direction')).toBe('outbound');
    expect(await text(page, '#call-number')).toBe('+1 415 555 0199');
    expect(await text(page, '#caller-name')).toBe('Grace Hopper');
    expect(await text(page, '#transaction-id')).toMatch(/^TX-\d+$/);

    await page.waitForSelector('#call-panel[data-call-state="connected"]', { timeout: 3_000 });
    await expect
      .poll(() => peerStates(page), { timeout: 10_000 })
      .toEqual(['connected', 'connected']);
    await page.click('#hangup');
    await page.waitForSelector('#call-panel[data-call-state="ended"]');
    expect(await peerStates(page)).toEqual(['closed', 'closed']);
    expect(await text(page, '#call-direction')).toBe('outbound');
    expect(await transitions(page)).toEqual(['idle', 'dialing', 'connected', 'ended']);
    expect(errors).toEqual([]);
  });

  it('R6: a campaign call with a system outcome is ended by the dialer, carrying the system code', async () => {
    const { page, errors } = await openConsole();
    await page.check('#campaign-toggle');
    await page.fill('#campaign-input', 'Winter renewals');
    await page.selectOption('#system-outcome', 'AMD');
    await page.fill('#dial-input', '+44 20 7183 8750');
    await page.click('#dial');
    await page.waitForSelector('#call-panel[data-call-state="dialing"]');
    expect(await page.getAttribute('#call-panel', 'data-campaign')).toBe('true');
    expect(await text(page, '#campaign-name')).toBe('Winter renewals');
    expect(await page.getAttribute('#system-code', 'data-code')).toBeNull();

    // Nobody clicks anything: the dialer ends the call.
    await page.waitForSelector('#call-panel[data-call-state="ended"]', { timeout: 5_000 });
    expect(await activeCalls(page)).toBe(0);
    expect(await page.getAttribute('#system-code', 'data-code')).toBe('AMD');
    expect(await text(page, '#system-code')).toBe('AMD · Answer machine detected');
    expect(await text(page, '#caller-name')).toBe('Alan Turing');
    expect(await text(page, '#campaign-name')).toBe('Winter renewals');
    expect(await transitions(page)).toEqual(['idle', 'dialing', 'ended']);
    expect(await peerStates(page)).toEqual([]);

    // The next call starts without the previous call's system code.
    await page.selectOption('#system-outcome', '');
    await page.uncheck('#campaign-toggle');
    await page.click('#sim-incoming');
    await page.waitForSelector('#call-panel[data-call-state="ringing"]');
    expect(await page.getAttribute('#system-code', 'data-code')).toBeNull();
    expect(await page.getAttribute('#call-panel', 'data-campaign')).toBeNull();
    expect(await text(page, '#campaign-name')).toBe('');
    expect(errors).toEqual([]);
  });

  it('shows a customer record with stable fields and schema.org Person JSON-LD', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/customer.html?id=C-1001`);
    await page.waitForSelector('[data-field="name"]:has-text("Ada Lovelace")');
    expect(await text(page, '[data-field="name"]')).toBe('Ada Lovelace');
    expect(await text(page, '[data-field="phone"]')).toBe('+1 415 555 0134');
    expect(await page.getAttribute('[data-field="phone"]', 'href')).toBe('tel:+14155550134');
    expect(await text(page, '[data-field="email"]')).toBe('ada@example.com');
    expect(await page.getAttribute('[data-field="email"]', 'href')).toBe('mailto:ada@example.com');
    expect(await text(page, '[data-field="company"]')).toBe('Analytical Engines Ltd');
    expect(await text(page, '[data-field="external-id"]')).toBe('C-1001');

    const blocks = await page.$$eval('script[type="application/ld+json"]', (scripts) =>
      scripts.map((script) => script.textContent ?? ''),
    );
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]!)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Person',
      identifier: 'C-1001',
      name: 'Ada Lovelace',
      telephone: '+14155550134',
      email: 'ada@example.com',
      worksFor: { '@type': 'Organization', name: 'Analytical Engines Ltd' },
    });
  });

  it('shows markup in customer and caller data as literal text, never as elements', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/customer.html?id=C-6666`);
    await page.waitForSelector('[data-field="external-id"]:has-text("C-6666")');
    expect(await text(page, '[data-field="name"]')).toBe('Mallory <img src=x onerror=alert(1)>');
    expect(await text(page, '[data-field="company"]')).toBe('"><script>alert(2)</script> Holdings');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    const [block] = await page.$$eval('script[type="application/ld+json"]', (scripts) =>
      scripts.map((script) => script.textContent ?? ''),
    );
    expect(JSON.parse(block!).name).toBe('Mallory <img src=x onerror=alert(1)>');

    const { page: softphone } = await openConsole();
    softphone.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const hostile = '<img src=x onerror=alert(3)>';
    await softphone.fill('#sim-name', hostile);
    await softphone.fill('#sim-queue', '<b>VIP</b>');
    await softphone.click('#sim-incoming');
    await softphone.waitForSelector('#call-panel[data-call-state="ringing"]');
    await softphone.click('#reject');
    await softphone.waitForSelector('#call-panel[data-call-state="ended"]');
    expect(await text(softphone, '#caller-name')).toBe(hostile);
    expect(await text(softphone, '#call-queue')).toBe('<b>VIP</b>');
    expect(await softphone.locator('img').count()).toBe(0);
    expect(await softphone.locator('#recent-calls td').first().textContent()).toMatch(
      /^\d\d:\d\d$/,
    );
    expect(await softphone.locator('#recent-calls b').count()).toBe(0);
    await softphone.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
