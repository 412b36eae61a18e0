import type { DomProfile } from '../domain/softphone-profile';
import type { CallEvent } from './call-event';
import {
  type CallDisposition,
  type CallIdentity,
  readCallDisposition,
  readCallIdentity,
  readTextOptional,
} from './page-call-facts';

type CallInProgress = Omit<CallIdentity, 'direction'> &
  Pick<CallEvent, 'callId' | 'direction' | 'startedAt' | 'connectedAt' | 'endedAt'>;

/** A call that has ended while the softphone may still let the agent change its disposition. */
interface CallInWrapUp {
  call: CallInProgress;
  /** Whether the wrap-up marker has been seen: leaving wrap-up means nothing until it has. */
  seen: boolean;
  /** The disposition as last seen in wrap-up; the softphone may clear it as it leaves. */
  disposition: CallDisposition;
}

interface WatchOptions {
  emit: (event: CallEvent) => void;
  signal: AbortSignal;
  now?: () => Date;
  newCallId?: () => string;
}

/**
 * Watches a page described by a DOM profile and reports each call's start, connection and end,
 * then, for profiles that describe wrap-up, the codes and callback the agent settled on.
 * Everything read is page text: the background validates it again before trusting any of it.
 */
export function watchDomProfile(root: Document, profile: DomProfile, options: WatchOptions) {
  if (options.signal.aborted) return;
  const now = options.now ?? (() => new Date());
  const newCallId = options.newCallId ?? (() => crypto.randomUUID());
  const { selectors } = profile;
  const connectedPattern = new RegExp(profile.states.connected, 'i');
  let call: CallInProgress | null = null;
  let wrapUp: CallInWrapUp | null = null;

  const event = (
    type: CallEvent['type'],
    current: CallInProgress,
    at: string,
    disposition: CallDisposition,
  ): CallEvent => ({
    type,
    callId: current.callId,
    source: 'dom-profile',
    at,
    number: current.number,
    callerName: current.callerName,
    direction: current.direction,
    queue: current.queue,
    campaign: current.campaign,
    transactionId: current.transactionId,
    ...disposition,
    startedAt: current.startedAt,
    connectedAt: current.connectedAt,
    endedAt: current.endedAt,
  });

  // The softphone keeps showing the call's details during wrap-up, but they may be blank at the
  // very first ring: refresh what we know on every change while the call is active.
  const refresh = (current: CallInProgress) => {
    const seen = readCallIdentity(root, profile);
    current.number = seen.number ?? current.number;
    current.callerName = seen.callerName ?? current.callerName;
    current.queue = seen.queue ?? current.queue;
    current.campaign = seen.campaign ?? current.campaign;
    current.transactionId = seen.transactionId ?? current.transactionId;
    current.direction = seen.direction ?? current.direction;
  };

  const inWrapUp = () => !!selectors.wrapUp && root.querySelector(selectors.wrapUp) !== null;

  const check = () => {
    const active = root.querySelector(selectors.activeCall) !== null;
    const at = now().toISOString();
    // A wrap-up ends when its marker goes or the next call starts, whichever comes first; it is
    // reported before that next call so the two never interleave.
    if (wrapUp && (active || (wrapUp.seen && !inWrapUp()))) {
      const { call: wrapped, seen, disposition } = wrapUp;
      wrapUp = null;
      if (seen) options.emit(event('wrapped_up', wrapped, at, disposition));
    }
    if (active && !call) {
      call = {
        callId: newCallId(),
        startedAt: at,
        connectedAt: null,
        endedAt: null,
        number: null,
        callerName: null,
        queue: null,
        campaign: null,
        transactionId: null,
        direction: 'inbound',
      };
      refresh(call);
      options.emit(event('started', call, at, readCallDisposition(root, profile)));
    }
    if (active && call) {
      refresh(call);
      const state = readTextOptional(root, selectors.stateText) ?? '';
      if (!call.connectedAt && connectedPattern.test(state)) {
        call.connectedAt = at;
        options.emit(event('connected', call, at, readCallDisposition(root, profile)));
      }
    }
    if (!active && call) {
      refresh(call);
      const ended = call;
      call = null;
      ended.endedAt = at;
      const disposition = readCallDisposition(root, profile);
      // Reported at hang-up, not after wrap-up: the log must exist as soon as the call ends (R1).
      options.emit(event('ended', ended, at, disposition));
      if (selectors.wrapUp) wrapUp = { call: ended, seen: false, disposition };
    }
    if (wrapUp && inWrapUp()) {
      wrapUp.seen = true;
      wrapUp.disposition = readCallDisposition(root, profile);
    }
  };

  const observer = new MutationObserver(check);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  // Ticking a code or picking a callback time changes properties, not the DOM: no mutation.
  for (const type of ['change', 'input']) {
    root.addEventListener(type, check, { capture: true, signal: options.signal });
  }
  options.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  check();
}
