import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { DomProfile } from '../../lib/domain/softphone-profile';
import { panelPromptTextOptional } from '../../lib/messages/panel-prompt';
import type { Message } from '../../lib/messages/protocol';
import { createCallFusion } from '../../lib/softphone/call-fusion';
import { dialOnPage, dialRequestOptional } from '../../lib/softphone/click-to-dial';
import { listenForRtcSignals } from '../../lib/softphone/main-world-bridge';
import { readPageCallFacts } from '../../lib/softphone/page-call-facts';
import { listenForPageEvents } from '../../lib/softphone/page-events';
import { profileFromReplyOptional } from '../../lib/softphone/profile-reply';
import { watchDomProfile } from '../../lib/softphone/watch-dom-profile';
import { createWebRtcCallTracker } from '../../lib/softphone/webrtc-call-events';
import { showCallLoggedPrompt } from './call-logged-prompt';

const SEND_ATTEMPTS = 5;

// A call's end (or the page's profile request, at document_start) must reach the background even
// while its service worker is starting up, so a failed send is retried a few times before it is
// reported. Resolves to the background's reply.
async function sendToBackground(message: Message, what: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      if (attempt >= SEND_ATTEMPTS) {
        console.error(`[wrapup] could not ${what}`, error);
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export default defineContentScript({
  // Registered at run time for the softphone origins the agent granted (background), at
  // document_start so no signal from the MAIN-world WebRTC observer is missed.
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  main(ctx) {
    // The background picks the profile (the administrator's come from storage), so it arrives a
    // moment later.
    let profile: DomProfile | undefined;
    // Several adapters may see the same call; fusion makes it one call and one log.
    const openPanel = async () => {
      const message: Message<'side-panel/open'> = { type: 'side-panel/open' };
      const reply: unknown = await browser.runtime.sendMessage(message);
      return (reply as { ok?: unknown } | null)?.ok === true;
    };
    const fusion = createCallFusion({
      emit: (event) => {
        const message: Message<'call-event'> = { type: 'call-event', event };
        void sendToBackground(message, `report the call (${event.type})`).then((reply) => {
          // The background offers the panel when it logged the call and the panel is closed.
          const words = panelPromptTextOptional(reply);
          if (words) showCallLoggedPrompt({ words, openPanel, signal: ctx.signal });
        });
      },
      signal: ctx.signal,
    });
    listenForPageEvents(document, fusion.accept, ctx.signal);
    const rtc = createWebRtcCallTracker({ readFacts: () => readPageCallFacts(document, profile) });
    listenForRtcSignals(
      window,
      (signal) => {
        const event = rtc.accept(signal);
        if (event) fusion.accept(event);
      },
      ctx.signal,
    );
    // A reminder's Call now, sent by our background only: dial through the softphone itself.
    const onDialRequest = (message: unknown, sender: { id?: string }) => {
      const request = dialRequestOptional(message);
      if (!request || sender.id !== browser.runtime.id) return undefined;
      const dialed = profile ? dialOnPage(document, profile, request.number) : false;
      return Promise.resolve({ ok: dialed });
    };
    browser.runtime.onMessage.addListener(onDialRequest);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onDialRequest));
    const askProfile: Message<'softphone/profile'> = { type: 'softphone/profile' };
    void sendToBackground(askProfile, 'learn the softphone profile').then((reply) => {
      profile = profileFromReplyOptional(reply) ?? undefined;
      if (!profile || ctx.signal.aborted) return;
      const found = profile;
      const watch = () =>
        watchDomProfile(document, found, { signal: ctx.signal, emit: fusion.accept });
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', watch, { once: true, signal: ctx.signal });
      } else {
        watch();
      }
    });
  },
});
