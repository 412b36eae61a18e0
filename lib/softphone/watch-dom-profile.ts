import { normalizePhone } from '../domain/phone';
import type { CallDirection } from '../domain/task';
import type { CallEvent } from './call-event';
import type { DomProfile } from './dom-profile';

interface CallInProgress {
  callId: string;
  startedAt: string;
  connectedAt: string | null;
  number: string | null;
  callerName: string | null;
  queue: string | null;
  campaign: string | null;
  transactionId: string | null;
  direction: CallDirection;
}

interface WatchOptions {
  emit: (event: CallEvent) => void;
  signal: AbortSignal;
  now?: () => Date;
  newCallId?: () => string;
}

/** Text of the first match, trimmed and bounded; null when absent or empty. */
function readTextOptional(root: ParentNode, selector: string | undefined, max = 500) {
  if (!selector) return null;
  const element = root.querySelector(selector);
  if (!element) return null;
  const text =
    element instanceof HTMLInputElement ? element.value : (element.textContent ?? '').trim();
  return text ? text.slice(0, max) : null;
}

function readCodes(root: ParentNode, selector: string | undefined, attribute?: string) {
  if (!selector) return [];
  const codes = [...root.querySelectorAll(selector)].map((element) => {
    if (attribute && element.getAttribute(attribute)) return element.getAttribute(attribute) ?? '';
    return element instanceof HTMLInputElement ? element.value : (element.textContent ?? '');
  });
  return [...new Set(codes.map((code) => code.trim().slice(0, 32)).filter(Boolean))].slice(0, 100);
}

function readDateTimeOptional(root: ParentNode, selector: string | undefined) {
  const raw = readTextOptional(root, selector);
  if (!raw) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Watches a page described by a DOM profile and reports each call's start, connection and end.
 * Everything read is page text: the background validates it again before trusting any of it.
 */
export function watchDomProfile(root: Document, profile: DomProfile, options: WatchOptions) {
  const now = options.now ?? (() => new Date());
  const newCallId = options.newCallId ?? (() => crypto.randomUUID());
  const { selectors } = profile;
  const connectedPattern = new RegExp(profile.states.connected, 'i');
  const outboundPattern = profile.states.outbound ? new RegExp(profile.states.outbound, 'i') : null;
  let call: CallInProgress | null = null;

  const event = (type: CallEvent['type'], current: CallInProgress, at: string): CallEvent => ({
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
    selectedCodes: readCodes(root, selectors.selectedCodes),
    systemCodes: readCodes(root, selectors.systemCode, 'data-code'),
    callbackAt: readDateTimeOptional(root, selectors.callbackAt),
    startedAt: current.startedAt,
    connectedAt: current.connectedAt,
    endedAt: type === 'ended' ? at : null,
  });

  // The softphone keeps showing the call's details during wrap-up, but they may be blank at the
  // very first ring: refresh what we know on every change while the call is active.
  const refresh = (current: CallInProgress) => {
    const rawNumber = readTextOptional(root, selectors.number, 40);
    current.number = rawNumber ? (normalizePhone(rawNumber) ?? rawNumber) : current.number;
    current.callerName = readTextOptional(root, selectors.callerName, 200) ?? current.callerName;
    current.queue = readTextOptional(root, selectors.queue, 200) ?? current.queue;
    current.campaign = readTextOptional(root, selectors.campaign, 200) ?? current.campaign;
    current.transactionId =
      readTextOptional(root, selectors.transactionId, 100) ?? current.transactionId;
    const direction = readTextOptional(root, selectors.direction);
    if (direction && outboundPattern) {
      current.direction = outboundPattern.test(direction) ? 'outbound' : 'inbound';
    }
  };

  const check = () => {
    const active = root.querySelector(selectors.activeCall) !== null;
    const at = now().toISOString();
    if (active && !call) {
      call = {
        callId: newCallId(),
        startedAt: at,
        connectedAt: null,
        number: null,
        callerName: null,
        queue: null,
        campaign: null,
        transactionId: null,
        direction: 'inbound',
      };
      refresh(call);
      options.emit(event('started', call, at));
    }
    if (active && call) {
      refresh(call);
      const state = readTextOptional(root, selectors.stateText) ?? '';
      if (!call.connectedAt && connectedPattern.test(state)) {
        call.connectedAt = at;
        options.emit(event('connected', call, at));
      }
    }
    if (!active && call) {
      refresh(call);
      const ended = call;
      call = null;
      options.emit(event('ended', ended, at));
    }
  };

  const observer = new MutationObserver(check);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  options.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  check();
}
