import type { RtcSignal } from './rtc-signal';

/**
 * The name on every message the MAIN-world script posts to the isolated content script. It is no
 * secret (the page can read and forge it); main-world-bridge.ts validates whatever arrives on it.
 */
export const MAIN_WORLD_CHANNEL = 'wrapup:webrtc-signal';

export interface MainWorldMessage {
  channel: typeof MAIN_WORLD_CHANNEL;
  signal: RtcSignal;
}

/**
 * A sender bound at install time, before page scripts run, so a page that later replaces
 * `window.postMessage` does not silence it. This file imports no runtime code on purpose: it is
 * bundled into the MAIN-world script, which must stay small.
 */
export function createMainWorldPoster(win: Window): (signal: RtcSignal) => void {
  const post = win.postMessage.bind(win);
  return (signal) => {
    const message: MainWorldMessage = { channel: MAIN_WORLD_CHANNEL, signal };
    // '*' is safe: the recipient is this very window, and the payload says nothing the page
    // cannot see for itself. A named origin would throw on pages with an opaque ('null') origin.
    post(message, '*');
  };
}
