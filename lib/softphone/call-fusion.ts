import { LIMITS } from '../domain/limits';
import type { CallEvent, CallSource } from './call-event';

/*
 * Several adapters may watch the same softphone (its DOM profile, its WebRTC connections, its
 * page events). Each reports the call in its own words and at its own pace; fusion turns those
 * reports into one started / connected / ended / wrapped_up per real call, so one call makes one
 * log. Pure apart from timers: no browser API, no I/O.
 */

/** A call as all adapters together saw it; `callId` is fusion's own, stable for the call. */
export type FusedCallEvent = CallEvent & { sources: CallSource[] };

export interface CallFusionOptions {
  emit: (event: FusedCallEvent) => void;
  /**
   * Slack allowed between two adapters' views of one call. Their spans (start to end) must come
   * within this of overlapping; a report still in progress joins a call that has ended only if it
   * started during it; two adapters that read the softphone must have seen the call start within
   * this of each other. Transaction ids, when both have one, decide instead.
   */
  windowMs?: number;
  /**
   * After an adapter that reads the softphone itself reports the end, how long the others get to
   * report theirs (and add what they know) before the end goes out. Once every adapter on the call
   * has reported its end, it goes out at once. The same wait applies to wrap-up.
   */
  settleMs?: number;
  /**
   * How long an end seen only in WebRTC waits while the softphone page still shows the call (a
   * connection replaced mid-call looks like an end). After that the call is reported ended
   * anyway, so a stale page never costs the agent a log (R1).
   */
  maxEndWaitMs?: number;
  /** Calls remembered after they end, to route late reports (wrap-up codes) to them. */
  rememberedCalls?: number;
  newCallId?: () => string;
  /** Stops the timers; later reports are ignored. */
  signal?: AbortSignal;
}

export const CALL_FUSION_DEFAULTS = {
  windowMs: 5_000,
  settleMs: 1_000,
  maxEndWaitMs: 30_000,
  rememberedCalls: 20,
} as const;

/** Whose word counts first for who called and how: what the page says beats what media implies. */
const SOURCE_PRIORITY: readonly CallSource[] = ['page-events', 'dom-profile', 'webrtc'];
/** Adapters that read the softphone's own notion of the call; WebRTC only infers it from media. */
const readsSoftphone = (source: CallSource) => source !== 'webrtc';

type Timer = ReturnType<typeof setTimeout>;

interface Member {
  key: string;
  source: CallSource;
  latest: CallEvent;
  ended: boolean;
  wrappedUp: boolean;
}

interface FusedCall {
  id: string;
  members: Member[];
  emitted: Set<CallEvent['type']>;
  /** The end as reported, which the wrap-up repeats so both name the same log. */
  endReport: FusedCallEvent | undefined;
  endTimer: Timer | undefined;
  wrapTimer: Timer | undefined;
}

const memberKey = (event: CallEvent) => `${event.source}\u0000${event.callId}`;
const time = (timestamp: string) => Date.parse(timestamp);

function earliest(timestamps: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const timestamp of timestamps) {
    if (timestamp !== null && (best === null || time(timestamp) < time(best))) best = timestamp;
  }
  return best;
}

function latestOf(timestamps: readonly string[]): string | null {
  let best: string | null = null;
  for (const timestamp of timestamps) {
    if (best === null || time(timestamp) > time(best)) best = timestamp;
  }
  return best;
}

function ranked(call: FusedCall): Member[] {
  return [...call.members].sort(
    (a, b) => SOURCE_PRIORITY.indexOf(a.source) - SOURCE_PRIORITY.indexOf(b.source),
  );
}

/** One event for the whole call, from the latest report of each adapter on it. */
function fuse(call: FusedCall, type: CallEvent['type']): FusedCallEvent {
  const members = ranked(call);
  const events = members.map((member) => member.latest);
  const first = <K extends 'number' | 'callerName' | 'queue' | 'campaign' | 'transactionId'>(
    key: K,
  ) => events.find((event) => event[key] !== null)?.[key] ?? null;
  const union = (key: 'selectedCodes' | 'systemCodes') =>
    [...new Set(events.flatMap((event) => event[key]))].slice(0, LIMITS.listItems);

  const startedAt = earliest(events.map((event) => event.startedAt)) as string;
  const connectedAt = earliest(events.map((event) => event.connectedAt));
  let endedAt: string | null = null;
  if (type === 'ended' || type === 'wrapped_up') {
    const ends = members.filter((m) => m.ended).map((m) => m.latest.endedAt ?? m.latest.at);
    endedAt = latestOf([earliest(ends) ?? startedAt, connectedAt ?? startedAt]);
  }
  const wrappedAt = latestOf(members.filter((m) => m.wrappedUp).map((m) => m.latest.at));
  const at = { started: startedAt, connected: connectedAt, ended: endedAt, wrapped_up: wrappedAt }[
    type
  ];
  const lead = events[0] as CallEvent;
  const interaction = events.find((event) => event.interaction)?.interaction;
  return {
    type,
    callId: call.id,
    source: lead.source,
    at: at ?? lead.at,
    number: first('number'),
    callerName: first('callerName'),
    direction: lead.direction,
    ...(interaction ? { interaction } : {}),
    queue: first('queue'),
    campaign: first('campaign'),
    transactionId: first('transactionId'),
    selectedCodes: union('selectedCodes'),
    systemCodes: union('systemCodes'),
    callbackAt: events.find((event) => event.callbackAt !== null)?.callbackAt ?? null,
    startedAt,
    connectedAt,
    endedAt,
    sources: SOURCE_PRIORITY.filter((source) => members.some((m) => m.source === source)),
  };
}

/**
 * Start and end of the call as reported so far. The end stays open while an adapter that reads
 * the softphone still shows the call; a WebRTC connection lingering after the page ended the call
 * does not keep it open (only when no such adapter is on the call does WebRTC decide).
 */
function span(call: FusedCall): { start: number; end: number } {
  const start = time(earliest(call.members.map((m) => m.latest.startedAt)) as string);
  const readers = call.members.filter((member) => readsSoftphone(member.source));
  const deciders = readers.length > 0 ? readers : call.members;
  const open = !call.emitted.has('ended') && deciders.some((member) => !member.ended);
  if (open) return { start, end: Number.POSITIVE_INFINITY };
  const ends = call.members.filter((m) => m.ended).map((m) => m.latest.endedAt ?? m.latest.at);
  return { start, end: time(latestOf(ends) ?? new Date(start).toISOString()) };
}

/**
 * An adapter sees one call at a time, so a call takes one report stream per adapter. WebRTC is
 * the exception while the call is still going: a softphone may replace its connection mid-call.
 */
function takesSource(call: FusedCall, source: CallSource): boolean {
  const same = call.members.filter((member) => member.source === source);
  if (same.length === 0) return true;
  return source === 'webrtc' && !call.emitted.has('ended') && same.every((m) => m.ended);
}

/**
 * Merges calls reported by several adapters; see CallFusionOptions for the timing rules.
 * `accept` takes each adapter's CallEvent as it comes; fused events go to `emit`, each type at
 * most once per call, always in the order started, connected, ended, wrapped_up.
 */
export function createCallFusion(options: CallFusionOptions): {
  accept(event: CallEvent): void;
} {
  const windowMs = options.windowMs ?? CALL_FUSION_DEFAULTS.windowMs;
  const settleMs = options.settleMs ?? CALL_FUSION_DEFAULTS.settleMs;
  const maxEndWaitMs = options.maxEndWaitMs ?? CALL_FUSION_DEFAULTS.maxEndWaitMs;
  const remembered = options.rememberedCalls ?? CALL_FUSION_DEFAULTS.rememberedCalls;
  const newCallId = options.newCallId ?? (() => crypto.randomUUID());
  /** Oldest first. */
  const calls: FusedCall[] = [];
  const byMember = new Map<string, FusedCall>();

  const emitOnce = (call: FusedCall, type: CallEvent['type']) => {
    if (call.emitted.has(type)) return;
    call.emitted.add(type);
    let event = fuse(call, type);
    if (type === 'wrapped_up' && call.endReport) {
      // The background finds the log to update by what the end said (transaction id, number,
      // start): an adapter that joined since must not change those, only the disposition.
      const { at, selectedCodes, systemCodes, callbackAt, sources } = event;
      event = { ...call.endReport, type, at, selectedCodes, systemCodes, callbackAt, sources };
    }
    if (type === 'ended') call.endReport = event;
    options.emit(event);
  };

  const flushEnd = (call: FusedCall) => {
    clearTimeout(call.endTimer);
    call.endTimer = undefined;
    emitOnce(call, 'started');
    emitOnce(call, 'ended');
  };

  const flushWrapUp = (call: FusedCall) => {
    clearTimeout(call.wrapTimer);
    call.wrapTimer = undefined;
    flushEnd(call);
    emitOnce(call, 'wrapped_up');
  };

  const settleEnd = (call: FusedCall) => {
    if (call.emitted.has('ended')) return;
    clearTimeout(call.endTimer);
    const open = call.members.filter((member) => !member.ended);
    if (open.length === 0) return flushEnd(call);
    const softphoneSaysEnded = call.members.some((m) => m.ended && readsSoftphone(m.source));
    const softphoneSaysOpen = open.some((m) => readsSoftphone(m.source));
    const wait = softphoneSaysOpen && !softphoneSaysEnded ? maxEndWaitMs : settleMs;
    call.endTimer = setTimeout(() => flushEnd(call), wait);
  };

  const settleWrapUp = (call: FusedCall) => {
    if (call.emitted.has('wrapped_up')) return;
    clearTimeout(call.wrapTimer);
    const waiting = call.members.some((m) => readsSoftphone(m.source) && !m.wrappedUp);
    if (!waiting) return flushWrapUp(call);
    call.wrapTimer = setTimeout(() => flushWrapUp(call), settleMs);
  };

  const forget = (call: FusedCall) => {
    // A call is never forgotten with its end or wrap-up still owed: that would lose a log.
    if (call.wrapTimer !== undefined) flushWrapUp(call);
    if (call.endTimer !== undefined) flushEnd(call);
    calls.splice(calls.indexOf(call), 1);
    for (const member of call.members) byMember.delete(member.key);
  };

  const findCall = (event: CallEvent): FusedCall | undefined => {
    const start = time(event.startedAt);
    const end = event.endedAt ? time(event.endedAt) : Number.POSITIVE_INFINITY;
    let best: { call: FusedCall; gap: number; ended: boolean } | undefined;
    for (const call of calls) {
      if (!takesSource(call, event.source)) continue;
      const callTransaction = ranked(call).find((m) => m.latest.transactionId)?.latest
        .transactionId;
      if (event.transactionId && callTransaction) {
        if (event.transactionId === callTransaction) return call;
        continue;
      }
      const other = span(call);
      if (start > other.end + windowMs || other.start > end + windowMs) continue;
      const inProgress = end === Number.POSITIVE_INFINITY;
      const callOngoing = other.end === Number.POSITIVE_INFINITY;
      // A report still in progress joins a call that has ended only if it started during it: a
      // report arriving late would otherwise swallow the next call.
      if (inProgress && !callOngoing && start < other.start - windowMs) continue;
      // Two reports in progress overlap now, whenever each started; but adapters that read the
      // softphone see a call start at the same moment (WebRTC may see it much later, at answer).
      if (inProgress && callOngoing && readsSoftphone(event.source)) {
        const readerStart = earliest(
          call.members.filter((m) => readsSoftphone(m.source)).map((m) => m.latest.startedAt),
        );
        if (readerStart !== null && Math.abs(start - time(readerStart)) > windowMs) continue;
      }
      const gap = Math.max(0, other.start - start, start - other.end);
      const ended = call.emitted.has('ended');
      if (!best || gap < best.gap || (gap === best.gap && best.ended && !ended)) {
        best = { call, gap, ended };
      }
    }
    return best?.call;
  };

  const join = (event: CallEvent): { call: FusedCall; member: Member } | undefined => {
    const key = memberKey(event);
    const known = byMember.get(key);
    if (known) {
      const member = known.members.find((m) => m.key === key) as Member;
      return { call: known, member };
    }
    let call = findCall(event);
    if (!call) {
      // A wrap-up for a call never seen has no log to update.
      if (event.type === 'wrapped_up') return undefined;
      call = {
        id: newCallId(),
        members: [],
        emitted: new Set(),
        endReport: undefined,
        endTimer: undefined,
        wrapTimer: undefined,
      };
      calls.push(call);
    }
    const member: Member = {
      key,
      source: event.source,
      latest: event,
      ended: false,
      wrappedUp: false,
    };
    call.members.push(member);
    byMember.set(key, call);
    while (calls.length > remembered) {
      const oldest: FusedCall | undefined =
        calls.find((c) => c.emitted.has('ended') && c !== call) ?? calls[0];
      if (!oldest || oldest === call) break;
      forget(oldest);
    }
    return { call, member };
  };

  const accept = (event: CallEvent) => {
    if (options.signal?.aborted) return;
    const joined = join(event);
    if (!joined) return;
    const { call, member } = joined;
    member.latest = event;
    switch (event.type) {
      case 'started':
        emitOnce(call, 'started');
        return;
      case 'connected':
        emitOnce(call, 'started');
        if (!call.emitted.has('ended')) emitOnce(call, 'connected');
        return;
      case 'ended':
        member.ended = true;
        emitOnce(call, 'started');
        settleEnd(call);
        return;
      case 'wrapped_up':
        member.ended = true;
        member.wrappedUp = true;
        emitOnce(call, 'started');
        settleEnd(call);
        settleWrapUp(call);
        return;
    }
  };

  options.signal?.addEventListener(
    'abort',
    () => {
      for (const call of calls) {
        clearTimeout(call.endTimer);
        clearTimeout(call.wrapTimer);
      }
    },
    { once: true },
  );

  return { accept };
}
