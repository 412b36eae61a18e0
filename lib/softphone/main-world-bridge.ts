import { MAIN_WORLD_CHANNEL } from './main-world-channel';
import { createRateLimiter } from './rate-limit';
import { checkRtcSignal, type RtcSignal } from './rtc-signal';
import { oneOf, Refusal, strictRecord } from './untrusted-fields';
import { jsonLengthOptional } from './untrusted-json';

/*
 * The isolated content script's end of the MAIN-world channel. Page scripts share the window with
 * the MAIN-world observer and can post, or dispatch, anything on the same channel, so a message
 * here is page input like any other: checked for origin, size and shape, rate-limited, and never
 * more than a signal that a call started, connected or ended.
 */

/** A real signal is about 100 characters of JSON. */
export const MAX_MAIN_WORLD_MESSAGE_CHARS = 512;
const DEFAULT_MAX_PER_SECOND = 20;

export type MainWorldMessageCheck = { ok: true; signal: RtcSignal } | { ok: false; reason: string };

/** Validates a message that claims to come from the MAIN-world observer. */
export function parseMainWorldMessage(data: unknown): MainWorldMessageCheck {
  const length = jsonLengthOptional(data);
  if (length === null) return { ok: false, reason: 'not JSON' };
  if (length > MAX_MAIN_WORLD_MESSAGE_CHARS) {
    return { ok: false, reason: `too large (${length} characters)` };
  }
  try {
    const envelope = strictRecord(data, 'message', ['channel', 'signal']);
    oneOf(envelope.channel, 'channel', [MAIN_WORLD_CHANNEL]);
    return { ok: true, signal: checkRtcSignal(envelope.signal) };
  } catch (error) {
    // A page can hand us getters that throw on a second read: refused too, never thrown on.
    return { ok: false, reason: error instanceof Refusal ? error.message : 'unreadable' };
  }
}

function onOurChannel(data: unknown): boolean {
  try {
    return (
      typeof data === 'object' &&
      data !== null &&
      (data as { channel?: unknown }).channel === MAIN_WORLD_CHANNEL
    );
  } catch {
    return false;
  }
}

export interface RtcSignalListenerOptions {
  /** Messages on the channel accepted per second; more are dropped. */
  maxPerSecond?: number;
  now?: () => number;
}

/**
 * Delivers each valid signal the MAIN-world observer posts to this window until `signal` aborts.
 * Messages from other windows (frames, openers) are ignored; malformed ones on our channel are
 * refused with a console warning that says why.
 */
export function listenForRtcSignals(
  win: Window,
  onSignal: (signal: RtcSignal) => void,
  signal: AbortSignal,
  options: RtcSignalListenerOptions = {},
): void {
  const allow = createRateLimiter({
    limit: options.maxPerSecond ?? DEFAULT_MAX_PER_SECOND,
    intervalMs: 1_000,
    now: options.now,
  });
  let dropping = false;
  const receive = (event: MessageEvent) => {
    if (event.source !== win || event.origin !== win.location.origin) return;
    if (!onOurChannel(event.data)) return;
    if (!allow()) {
      if (!dropping) console.warn('[wrapup] too many WebRTC signals: dropping them for now');
      dropping = true;
      return;
    }
    dropping = false;
    const result = parseMainWorldMessage(event.data);
    if (!result.ok) {
      console.warn(`[wrapup] WebRTC signal rejected: ${result.reason}`);
      return;
    }
    onSignal(result.signal);
  };
  win.addEventListener('message', receive, { signal });
}
