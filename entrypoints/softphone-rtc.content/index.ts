import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMainWorldPoster } from '../../lib/softphone/main-world-channel';
import { installRtcObserver } from '../../lib/softphone/webrtc-observer';

// Runs in the page's own world at document_start, before the softphone creates its first
// RTCPeerConnection; it only posts compact signals that the isolated script validates.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installRtcObserver(window, createMainWorldPoster(window));
  },
});
