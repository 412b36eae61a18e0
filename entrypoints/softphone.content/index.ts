import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Message } from '../../lib/messages/protocol';
import { profileForUrlOptional } from '../../lib/softphone/built-in-profiles';
import type { CallEvent } from '../../lib/softphone/call-event';
import { watchDomProfile } from '../../lib/softphone/watch-dom-profile';

const SEND_ATTEMPTS = 5;

// A call's end must reach the background even while its service worker is starting up, so a
// failed send is retried a few times before it is reported.
async function sendCallEvent(event: CallEvent): Promise<void> {
  const message: Message<'call-event'> = { type: 'call-event', event };
  for (let attempt = 1; ; attempt++) {
    try {
      await browser.runtime.sendMessage(message);
      return;
    } catch (error) {
      if (attempt >= SEND_ATTEMPTS) {
        console.error('[wrapup] could not report the call', event.type, error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export default defineContentScript({
  // Registered at run time for the softphone origins the agent granted (background).
  matches: [],
  registration: 'runtime',
  main(ctx) {
    const profile = profileForUrlOptional(location.href);
    if (!profile) return;
    watchDomProfile(document, profile, {
      signal: ctx.signal,
      emit: (event) => void sendCallEvent(event),
    });
  },
});
