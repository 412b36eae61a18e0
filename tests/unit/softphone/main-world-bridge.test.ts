// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  listenForRtcSignals,
  MAX_MAIN_WORLD_MESSAGE_CHARS,
  parseMainWorldMessage,
} from '../../../lib/softphone/main-world-bridge';
import {
  createMainWorldPoster,
  MAIN_WORLD_CHANNEL,
} from '../../../lib/softphone/main-world-channel';
import type { RtcSignal } from '../../../lib/softphone/rtc-signal';

const SIGNAL: RtcSignal = { kind: 'rtc-ended', at: 1_795_000_000_000, direction: 'inbound' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A window whose postMessage behaves as a browser's does between a page's two worlds: the data is
 * cloned and the event's source is the window itself. (happy-dom sets another object as source.)
 */
class PageWindow extends EventTarget {
  readonly location = { origin: 'https://softphone.example' };
  postMessage(data: unknown) {
    setTimeout(() =>
      this.dispatchEvent(
        new MessageEvent('message', {
          data: structuredClone(data),
          source: this as unknown as Window,
          origin: this.location.origin,
        }),
      ),
    );
  }
}

function pageWindow() {
  const win = new PageWindow() as unknown as Window;
  const signals: RtcSignal[] = [];
  const controller = new AbortController();
  listenForRtcSignals(win, (signal) => signals.push(signal), controller.signal);
  return { win, signals };
}

describe('the MAIN-world bridge', () => {
  let received: RtcSignal[];
  let controller: AbortController;
  let warn: ReturnType<typeof vi.spyOn>;
  let clock: number;

  beforeEach(() => {
    received = [];
    controller = new AbortController();
    clock = 0;
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listenForRtcSignals(window, (signal) => received.push(signal), controller.signal, {
      now: () => clock,
    });
  });
  afterEach(() => {
    controller.abort();
    warn.mockRestore();
  });

  /** What a page script can do: dispatch a message event claiming any data, source and origin. */
  const forge = (data: unknown, init: Partial<MessageEventInit> = {}) =>
    window.dispatchEvent(
      new MessageEvent('message', { data, source: window, origin: location.origin, ...init }),
    );

  it('carries a signal from the MAIN-world poster to the isolated listener', async () => {
    const { win, signals } = pageWindow();
    createMainWorldPoster(win)(SIGNAL);
    await flush();
    expect(signals).toEqual([SIGNAL]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps posting through the postMessage it found, even after the page replaces it', async () => {
    const { win, signals } = pageWindow();
    const post = createMainWorldPoster(win);
    win.postMessage = () => undefined;
    post(SIGNAL);
    await flush();
    expect(signals).toEqual([SIGNAL]);
  });

  it('ignores other channels quietly and messages from other windows entirely', () => {
    forge({ channel: 'someone-else', signal: SIGNAL });
    forge('a string');
    forge(null);
    forge({ channel: MAIN_WORLD_CHANNEL, signal: SIGNAL }, { source: null });
    forge({ channel: MAIN_WORLD_CHANNEL, signal: SIGNAL }, { origin: 'https://evil.example' });
    expect(received).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown kind', { ...SIGNAL, kind: 'rtc-exploded' }],
    ['an extra field', { ...SIGNAL, html: '<img src=x onerror=alert(1)>' }],
    ['a time that is not a number', { ...SIGNAL, at: '2026-11-28T10:00:00Z' }],
    ['a negative time', { ...SIGNAL, at: -1 }],
    ['a fractional time', { ...SIGNAL, at: 1.5 }],
    ['an unknown direction', { ...SIGNAL, direction: 'sideways' }],
    ['a missing direction', { kind: 'rtc-started', at: 1 }],
    ['an oversized payload', { ...SIGNAL, direction: 'x'.repeat(100_000) }],
  ])('refuses a forged signal with %s, saying why', (_case, signal) => {
    forge({ channel: MAIN_WORLD_CHANNEL, signal });
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[wrapup\] WebRTC signal rejected: /);
  });

  it('refuses an envelope with extra fields', () => {
    forge({ channel: MAIN_WORLD_CHANNEL, signal: SIGNAL, more: 1 });
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('drops a flood past the rate limit, warning once, and recovers the next second', () => {
    for (let i = 0; i < 50; i++) forge({ channel: MAIN_WORLD_CHANNEL, signal: SIGNAL });
    expect(received).toHaveLength(20);
    expect(warn).toHaveBeenCalledTimes(1);
    clock += 1_000;
    forge({ channel: MAIN_WORLD_CHANNEL, signal: SIGNAL });
    expect(received).toHaveLength(21);
  });

  it('stops listening once its signal is aborted', () => {
    controller.abort();
    forge({ channel: MAIN_WORLD_CHANNEL, signal: SIGNAL });
    expect(received).toEqual([]);
  });
});

describe('parseMainWorldMessage', () => {
  it('accepts exactly a valid envelope', () => {
    expect(parseMainWorldMessage({ channel: MAIN_WORLD_CHANNEL, signal: SIGNAL })).toEqual({
      ok: true,
      signal: SIGNAL,
    });
  });

  it('refuses what is not JSON and what is too large before looking inside', () => {
    expect(parseMainWorldMessage({ channel: MAIN_WORLD_CHANNEL, at: 1n })).toEqual({
      ok: false,
      reason: 'not JSON',
    });
    const cyclic: Record<string, unknown> = { channel: MAIN_WORLD_CHANNEL };
    cyclic.self = cyclic;
    expect(parseMainWorldMessage(cyclic).ok).toBe(false);
    const big = { channel: MAIN_WORLD_CHANNEL, signal: { ...SIGNAL, pad: 'x'.repeat(600) } };
    expect(parseMainWorldMessage(big)).toEqual({
      ok: false,
      reason: `too large (${JSON.stringify(big).length} characters)`,
    });
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_MAIN_WORLD_MESSAGE_CHARS);
  });
});
