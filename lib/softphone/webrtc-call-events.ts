import type { CallDirection } from '../domain/task';
import type { CallEvent } from './call-event';
import type { PageCallFacts } from './page-call-facts';
import type { RtcSignal } from './rtc-signal';

/** A signal's own time is believed only this far back; it is never believed in the future. */
const MAX_SIGNAL_AGE_MS = 60_000;

const NO_FACTS: PageCallFacts = {
  number: null,
  callerName: null,
  queue: null,
  campaign: null,
  transactionId: null,
  direction: null,
  selectedCodes: [],
  systemCodes: [],
  callbackAt: null,
};

interface WebRtcCall {
  callId: string;
  startedAt: number;
  connectedAt: number | null;
  direction: CallDirection | null;
  facts: PageCallFacts;
}

export interface WebRtcCallTrackerOptions {
  now?: () => Date;
  newCallId?: () => string;
  /**
   * Reads who is on the line when a signal arrives, e.g.
   * `() => readPageCallFacts(document, profileOrUndefined)`. Without it, number and caller stay
   * null and the log asks the agent for them.
   */
  readFacts?: () => PageCallFacts;
}

/** Keeps what the page showed earlier when it has since blanked it (many clear at hang-up). */
function mergeFacts(known: PageCallFacts, seen: PageCallFacts): PageCallFacts {
  return {
    number: seen.number ?? known.number,
    callerName: seen.callerName ?? known.callerName,
    queue: seen.queue ?? known.queue,
    campaign: seen.campaign ?? known.campaign,
    transactionId: seen.transactionId ?? known.transactionId,
    direction: seen.direction ?? known.direction,
    selectedCodes: seen.selectedCodes.length > 0 ? seen.selectedCodes : known.selectedCodes,
    systemCodes: seen.systemCodes.length > 0 ? seen.systemCodes : known.systemCodes,
    callbackAt: seen.callbackAt ?? known.callbackAt,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Turns the MAIN-world observer's signals into CallEvents with source 'webrtc'. The signals are
 * page input: out-of-order or repeated ones are ignored, and their times are clamped to the last
 * minute so a forged date cannot move a call log into another day.
 */
export function createWebRtcCallTracker(options: WebRtcCallTrackerOptions = {}) {
  const now = options.now ?? (() => new Date());
  const newCallId = options.newCallId ?? (() => crypto.randomUUID());
  const readFacts = options.readFacts ?? (() => NO_FACTS);
  let call: WebRtcCall | null = null;

  const clampedTime = (at: number) => {
    const current = now().getTime();
    return Math.min(current, Math.max(at, current - MAX_SIGNAL_AGE_MS));
  };

  const event = (type: CallEvent['type'], current: WebRtcCall, at: number): CallEvent => {
    const { facts } = current;
    return {
      type,
      callId: current.callId,
      source: 'webrtc',
      at: iso(at),
      number: facts.number,
      callerName: facts.callerName,
      direction: facts.direction ?? current.direction ?? 'inbound',
      queue: facts.queue,
      campaign: facts.campaign,
      transactionId: facts.transactionId,
      selectedCodes: facts.selectedCodes,
      systemCodes: facts.systemCodes,
      callbackAt: facts.callbackAt,
      startedAt: iso(current.startedAt),
      connectedAt: current.connectedAt === null ? null : iso(current.connectedAt),
      endedAt: type === 'ended' ? iso(at) : null,
    };
  };

  /** The CallEvent a signal stands for, or null when it changes nothing. */
  function accept(signal: RtcSignal): CallEvent | null {
    let at = clampedTime(signal.at);
    if (signal.kind === 'rtc-started') {
      if (call) return null;
      call = {
        callId: newCallId(),
        startedAt: at,
        connectedAt: null,
        direction: signal.direction,
        facts: readFacts(),
      };
      return event('started', call, at);
    }
    if (!call && signal.kind === 'rtc-ended') return null;
    // A connection without a start we saw: the call started when it connected.
    call ??= {
      callId: newCallId(),
      startedAt: at,
      connectedAt: null,
      direction: null,
      facts: NO_FACTS,
    };
    at = Math.max(at, call.connectedAt ?? call.startedAt);
    call.direction = signal.direction ?? call.direction;
    call.facts = mergeFacts(call.facts, readFacts());
    if (signal.kind === 'rtc-connected') {
      if (call.connectedAt !== null) return null;
      call.connectedAt = at;
      return event('connected', call, at);
    }
    const ended = call;
    call = null;
    return event('ended', ended, at);
  }

  return { accept };
}
