import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type CallEvent,
  CallEventSchema,
  type CallSource,
} from '../../../lib/softphone/call-event';
import { createCallFusion, type FusedCallEvent } from '../../../lib/softphone/call-fusion';

const T0 = Date.parse('2026-11-28T10:00:00Z');
const iso = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();

interface Report {
  source: CallSource;
  callId: string;
  startedAt: number;
  connectedAt?: number;
  endedAt?: number;
  at?: number;
  fields?: Partial<CallEvent>;
}

/** One adapter's CallEvent, times in ms after T0. */
function report(type: CallEvent['type'], r: Report): CallEvent {
  const connectedAt = r.connectedAt === undefined ? null : iso(r.connectedAt);
  const ending = type === 'ended' || type === 'wrapped_up';
  const endedAt = ending ? iso(r.endedAt ?? r.startedAt) : null;
  const atByType = {
    started: r.startedAt,
    connected: r.connectedAt ?? r.startedAt,
    ended: r.endedAt ?? r.startedAt,
    wrapped_up: r.at ?? r.endedAt ?? r.startedAt,
  };
  return {
    type,
    callId: r.callId,
    source: r.source,
    at: iso(atByType[type]),
    number: null,
    callerName: null,
    direction: 'inbound',
    queue: null,
    campaign: null,
    transactionId: null,
    selectedCodes: [],
    systemCodes: [],
    callbackAt: null,
    startedAt: iso(r.startedAt),
    connectedAt: type === 'started' ? null : connectedAt,
    endedAt,
    ...r.fields,
  };
}

function fusion(
  options: { settleMs?: number; maxEndWaitMs?: number; rememberedCalls?: number } = {},
) {
  const emitted: FusedCallEvent[] = [];
  let ids = 0;
  const controller = new AbortController();
  const { accept } = createCallFusion({
    emit: (event) => emitted.push(event),
    newCallId: () => `fused-${++ids}`,
    signal: controller.signal,
    ...options,
  });
  return { accept, emitted, controller };
}

const types = (events: FusedCallEvent[]) => events.map((event) => event.type);

describe('createCallFusion', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const dom: Report = {
    source: 'dom-profile',
    callId: 'dom-1',
    startedAt: 0,
    connectedAt: 8_000,
    endedAt: 95_000,
    fields: {
      number: '+14155550134',
      callerName: 'Ada Lovelace',
      queue: 'Billing',
      transactionId: 'TX-1001',
      selectedCodes: ['SALE'],
    },
  };
  const rtc: Report = {
    source: 'webrtc',
    callId: 'rtc-1',
    startedAt: 8_050,
    connectedAt: 8_200,
    endedAt: 95_010,
    fields: { direction: 'outbound' },
  };

  it('R1: one call seen by its DOM profile and its WebRTC connections makes one call, ended at once', () => {
    const { accept, emitted } = fusion();
    accept(report('started', dom));
    accept(report('connected', dom));
    accept(report('started', rtc));
    accept(report('connected', rtc));
    accept(report('ended', rtc));
    accept(report('ended', dom));
    expect(types(emitted)).toEqual(['started', 'connected', 'ended']);
    expect(new Set(emitted.map((event) => event.callId))).toEqual(new Set(['fused-1']));
    const ended = emitted[2]!;
    expect(CallEventSchema.parse(ended)).toEqual(ended);
    expect(ended).toMatchObject({
      source: 'dom-profile',
      sources: ['dom-profile', 'webrtc'],
      number: '+14155550134',
      callerName: 'Ada Lovelace',
      direction: 'inbound',
      transactionId: 'TX-1001',
      selectedCodes: ['SALE'],
      startedAt: iso(0),
      connectedAt: iso(8_000),
      endedAt: iso(95_000),
      at: iso(95_000),
    });
  });

  it('prefers what page events and the page say over WebRTC, and unions their codes', () => {
    const { accept, emitted } = fusion();
    accept(report('started', { ...rtc, fields: { number: null } }));
    accept(
      report('started', {
        ...dom,
        fields: { number: '+14155550134', callerName: 'From the DOM', selectedCodes: ['SALE'] },
      }),
    );
    // The page-events adapter repeats what the page said earlier on each event of the call.
    const page: Report = {
      source: 'page-events',
      callId: 'p-1',
      startedAt: 100,
      endedAt: 95_000,
      fields: { callerName: 'From the page', selectedCodes: ['INFO'], systemCodes: ['AMD'] },
    };
    accept(report('started', page));
    for (const r of [rtc, dom, page]) accept(report('ended', r));
    const ended = emitted.find((event) => event.type === 'ended')!;
    expect(ended).toMatchObject({
      source: 'page-events',
      sources: ['page-events', 'dom-profile', 'webrtc'],
      number: '+14155550134',
      callerName: 'From the page',
      selectedCodes: ['INFO', 'SALE'],
      systemCodes: ['AMD'],
    });
    expect(types(emitted)).toEqual(['started', 'ended']);
  });

  it('R1: waits for the page when WebRTC ends first, then reports the end with the page’s facts', () => {
    const { accept, emitted } = fusion();
    accept(report('started', dom));
    accept(report('started', rtc));
    accept(report('ended', rtc));
    vi.advanceTimersByTime(5_000);
    expect(types(emitted)).toEqual(['started']);
    accept(report('ended', { ...dom, fields: { ...dom.fields, selectedCodes: ['SALE', 'CB'] } }));
    expect(types(emitted)).toEqual(['started', 'ended']);
    expect(emitted[1]).toMatchObject({ selectedCodes: ['SALE', 'CB'], endedAt: iso(95_000) });
  });

  it('R1: reports the end a moment after the page ends a call whose connection lingers', () => {
    const { accept, emitted } = fusion({ settleMs: 1_000 });
    accept(report('started', dom));
    accept(report('started', rtc));
    accept(report('ended', dom));
    vi.advanceTimersByTime(999);
    expect(types(emitted)).toEqual(['started']);
    vi.advanceTimersByTime(1);
    expect(types(emitted)).toEqual(['started', 'ended']);
    accept(report('ended', rtc));
    vi.runAllTimers();
    expect(types(emitted)).toEqual(['started', 'ended']);
  });

  it('R1: reports the end anyway when the page never shows it, after maxEndWaitMs', () => {
    const { accept, emitted } = fusion({ maxEndWaitMs: 30_000 });
    accept(report('started', dom));
    accept(report('started', rtc));
    accept(report('ended', rtc));
    vi.advanceTimersByTime(29_999);
    expect(types(emitted)).toEqual(['started']);
    vi.advanceTimersByTime(1);
    expect(types(emitted)).toEqual(['started', 'ended']);
    expect(emitted[1]).toMatchObject({ number: '+14155550134', endedAt: iso(95_010) });
    accept(report('ended', dom));
    expect(types(emitted)).toEqual(['started', 'ended']);
  });

  it('keeps a call whose WebRTC connection is replaced mid-call as one call', () => {
    const { accept, emitted } = fusion();
    accept(report('started', dom));
    accept(report('started', { ...rtc, endedAt: 30_000 }));
    accept(report('ended', { ...rtc, endedAt: 30_000 }));
    const replacement = { ...rtc, callId: 'rtc-2', startedAt: 30_100, connectedAt: 30_300 };
    accept(report('started', replacement));
    accept(report('ended', replacement));
    accept(report('ended', dom));
    vi.runAllTimers();
    expect(types(emitted)).toEqual(['started', 'ended']);
  });

  it('fuses by transaction id whatever the times, and never fuses different transaction ids', () => {
    const { accept, emitted } = fusion();
    accept(report('ended', dom));
    const sameTransaction = {
      source: 'page-events' as const,
      callId: 'p-1',
      startedAt: 600_000,
      endedAt: 700_000,
      fields: { transactionId: 'TX-1001' },
    };
    accept(report('ended', sameTransaction));
    const otherTransaction = { ...sameTransaction, callId: 'p-2', startedAt: 10, endedAt: 90_000 };
    accept(report('ended', { ...otherTransaction, fields: { transactionId: 'TX-2002' } }));
    vi.runAllTimers();
    expect(emitted.filter((event) => event.type === 'ended').map((e) => e.transactionId)).toEqual([
      'TX-1001',
      'TX-2002',
    ]);
  });

  it('keeps two calls in a row apart', () => {
    const { accept, emitted } = fusion();
    const second = (r: Report): Report => ({
      ...r,
      callId: `${r.callId}-b`,
      startedAt: r.startedAt + 120_000,
      connectedAt: (r.connectedAt ?? 0) + 120_000,
      endedAt: (r.endedAt ?? 0) + 120_000,
      fields: { ...r.fields, transactionId: null },
    });
    for (const r of [dom, rtc, second(dom), second(rtc)]) accept(report('started', r));
    for (const r of [rtc, second(rtc), dom, second(dom)]) accept(report('ended', r));
    vi.runAllTimers();
    const ended = emitted.filter((event) => event.type === 'ended');
    expect(ended.map((event) => [event.callId, event.startedAt])).toEqual([
      ['fused-1', iso(0)],
      ['fused-2', iso(120_000)],
    ]);
  });

  it('keeps apart a call that rings right after the previous one ended, as a dialer does', () => {
    const { accept, emitted } = fusion();
    const unanswered: Report = {
      source: 'dom-profile',
      callId: 'dom-1',
      startedAt: 0,
      endedAt: 10_000,
    };
    const next: Report = { source: 'dom-profile', callId: 'dom-2', startedAt: 11_000 };
    accept(report('started', unanswered));
    accept(report('ended', unanswered));
    accept(report('started', next));
    expect(emitted.map((event) => [event.type, event.callId])).toEqual([
      ['started', 'fused-1'],
      ['ended', 'fused-1'],
      ['started', 'fused-2'],
    ]);
  });

  it('does not fuse two softphone readers that saw a call start far apart (a stuck profile)', () => {
    const { accept, emitted } = fusion();
    accept(report('started', dom));
    const page: Report = {
      source: 'page-events',
      callId: 'p-9',
      startedAt: 300_000,
      endedAt: 360_000,
    };
    accept(report('started', page));
    accept(report('ended', page));
    expect(emitted.map((event) => [event.type, event.callId, event.startedAt])).toEqual([
      ['started', 'fused-1', iso(0)],
      ['started', 'fused-2', iso(300_000)],
      ['ended', 'fused-2', iso(300_000)],
    ]);
  });

  it('does not let a late report of an earlier call swallow the call that followed it', () => {
    const { accept, emitted } = fusion();
    const later: Report = { ...dom, callId: 'dom-2', startedAt: 100_000, endedAt: 160_000 };
    accept(report('started', later));
    accept(report('ended', later));
    // The WebRTC adapter's report of the call before, still in progress, arrives only now.
    accept(report('started', { ...rtc, startedAt: 0 }));
    accept(report('ended', { ...rtc, startedAt: 0, endedAt: 60_000 }));
    vi.runAllTimers();
    expect(emitted.filter((event) => event.type === 'ended').map((event) => event.callId)).toEqual([
      'fused-1',
      'fused-2',
    ]);
  });

  it('joins an adapter that reports only after the end to the ended call, reporting nothing new', () => {
    const { accept, emitted } = fusion();
    accept(report('started', dom));
    accept(report('ended', dom));
    accept(report('started', rtc));
    accept(report('connected', rtc));
    accept(report('ended', rtc));
    vi.runAllTimers();
    expect(types(emitted)).toEqual(['started', 'ended']);
  });

  it('R5 R8: reports the wrap-up once, after the end, under the fused id with the codes finally picked', () => {
    const { accept, emitted } = fusion({ settleMs: 1_000 });
    accept(report('started', dom));
    accept(report('started', rtc));
    accept(report('ended', rtc));
    accept(report('ended', dom));
    vi.advanceTimersByTime(120_000);
    accept(
      report('wrapped_up', {
        ...dom,
        at: 125_000,
        fields: { ...dom.fields, selectedCodes: ['CB'], callbackAt: '2026-12-01T09:30:00.000Z' },
      }),
    );
    expect(types(emitted)).toEqual(['started', 'ended', 'wrapped_up']);
    expect(emitted[2]).toMatchObject({
      callId: 'fused-1',
      selectedCodes: ['CB'],
      callbackAt: '2026-12-01T09:30:00.000Z',
      endedAt: iso(95_000),
      at: iso(125_000),
    });
    accept(report('wrapped_up', { ...dom, at: 126_000 }));
    expect(types(emitted)).toEqual(['started', 'ended', 'wrapped_up']);
  });

  it('names the wrap-up exactly as the end did, even after a late adapter knew an earlier start', () => {
    const { accept, emitted } = fusion();
    const shown = { ...dom, startedAt: 5_000, fields: { ...dom.fields, transactionId: null } };
    accept(report('started', shown));
    accept(report('ended', shown));
    accept(report('ended', { ...rtc, startedAt: 4_000, fields: { number: null } }));
    accept(report('wrapped_up', { ...shown, at: 120_000, fields: { selectedCodes: ['CB'] } }));
    const [ended, wrapped] = emitted.filter((e) => e.type === 'ended' || e.type === 'wrapped_up');
    expect(wrapped).toEqual({
      ...ended,
      type: 'wrapped_up',
      at: iso(120_000),
      selectedCodes: ['CB'],
      sources: ['dom-profile', 'webrtc'],
    });
  });

  it('reports the end before a wrap-up that comes while the end is still settling', () => {
    const { accept, emitted } = fusion({ settleMs: 1_000 });
    accept(report('started', dom));
    accept(report('started', rtc));
    accept(report('ended', dom));
    accept(report('wrapped_up', { ...dom, at: 95_500 }));
    expect(types(emitted)).toEqual(['started', 'ended', 'wrapped_up']);
  });

  it('waits for every page adapter’s wrap-up, but not forever', () => {
    const { accept, emitted } = fusion({ settleMs: 1_000 });
    const page: Report = { source: 'page-events', callId: 'p-1', startedAt: 10, endedAt: 95_000 };
    for (const r of [dom, page]) accept(report('started', r));
    for (const r of [dom, page]) accept(report('ended', r));
    accept(report('wrapped_up', { ...page, at: 100_000, fields: { selectedCodes: ['INFO'] } }));
    expect(types(emitted)).toEqual(['started', 'ended']);
    vi.advanceTimersByTime(1_000);
    expect(types(emitted)).toEqual(['started', 'ended', 'wrapped_up']);
    expect(emitted[2]?.selectedCodes).toEqual(['INFO', 'SALE']);
  });

  it('drops a wrap-up for a call it never saw: there is no log to update', () => {
    const { accept, emitted } = fusion();
    accept(report('wrapped_up', dom));
    vi.runAllTimers();
    expect(emitted).toEqual([]);
  });

  it('R6 R7: carries the campaign and the system codes to the fused call', () => {
    const { accept, emitted } = fusion();
    const campaignCall: Report = {
      ...dom,
      fields: { campaign: 'Winter renewals', systemCodes: ['AMD'], direction: 'outbound' },
    };
    accept(report('started', campaignCall));
    accept(report('ended', campaignCall));
    expect(emitted.at(-1)).toMatchObject({
      type: 'ended',
      campaign: 'Winter renewals',
      systemCodes: ['AMD'],
      direction: 'outbound',
    });
  });

  it('R1: carries a voicemail reported by one adapter to the fused call', () => {
    const { accept, emitted } = fusion();
    const voicemail: Report = {
      ...dom,
      source: 'page-events',
      fields: { interaction: 'voicemail' },
    };
    accept(report('started', rtc));
    accept(report('started', voicemail));
    accept(report('ended', voicemail));
    accept(report('ended', rtc));
    vi.runAllTimers();
    expect(emitted.filter((event) => event.type === 'ended')).toEqual([
      expect.objectContaining({ interaction: 'voicemail' }),
    ]);
  });

  it('remembers a bounded number of calls, and reports an owed end before forgetting a call', () => {
    const { accept, emitted } = fusion({ rememberedCalls: 1, settleMs: 60_000 });
    accept(report('started', rtc));
    accept(report('started', dom));
    accept(report('ended', dom));
    expect(types(emitted)).toEqual(['started']);
    for (const n of [1, 2]) {
      const later: Report = {
        source: 'page-events',
        callId: `p-${n}`,
        startedAt: n * 1_000_000,
        endedAt: n * 1_000_000 + 1,
      };
      accept(report('ended', later));
    }
    expect(emitted.filter((event) => event.type === 'ended').map((event) => event.callId)).toEqual([
      'fused-1',
      'fused-2',
      'fused-3',
    ]);
  });

  it('stops its timers and ignores reports once its signal is aborted', () => {
    const { accept, emitted, controller } = fusion();
    accept(report('started', dom));
    accept(report('started', rtc));
    accept(report('ended', dom));
    controller.abort();
    vi.runAllTimers();
    accept(report('ended', rtc));
    expect(types(emitted)).toEqual(['started']);
  });
});

// --- Properties: any number of adapters, any interleaving, one call → one log. ---

const SOURCES: readonly CallSource[] = ['dom-profile', 'webrtc', 'page-events'];
const CODES = ['SALE', 'INFO', 'CB', 'COMP'];

interface AdapterView {
  source: CallSource;
  startOffset: number;
  connects: boolean;
  endOffset: number;
  codes: string[];
  knowsTransaction: boolean;
  wrapsUp: boolean;
}

const adapterView = (source: CallSource) =>
  fc.record({
    source: fc.constant(source),
    startOffset: fc.integer({ min: 0, max: 3_000 }),
    connects: fc.boolean(),
    endOffset: fc.integer({ min: -2_000, max: 2_000 }),
    codes: fc.subarray(CODES),
    knowsTransaction: fc.boolean(),
    wrapsUp: fc.boolean(),
  });

const adapterViews = fc
  .subarray([...SOURCES], { minLength: 1 })
  .chain((sources) => fc.tuple(...sources.map(adapterView)));

/** The reports one adapter makes about one call, in its own order. */
function reportsOf(view: AdapterView, call: { index: number; start: number; tx: string | null }) {
  const startedAt = call.start + view.startOffset;
  const connectedAt = view.connects ? startedAt + 1_000 : undefined;
  const r: Report = {
    source: view.source,
    callId: `${view.source}-${call.index}`,
    startedAt,
    connectedAt,
    endedAt: Math.max(connectedAt ?? startedAt, call.start + 60_000 + view.endOffset),
    at: call.start + 90_000,
    fields: {
      transactionId: view.knowsTransaction && view.source !== 'webrtc' ? call.tx : null,
      selectedCodes: view.source === 'webrtc' ? [] : view.codes,
    },
  };
  const types: CallEvent['type'][] = ['started'];
  if (view.connects) types.push('connected');
  types.push('ended');
  if (view.wrapsUp && view.source !== 'webrtc') types.push('wrapped_up');
  return types.map((type) => report(type, r));
}

/** Interleaves queues keeping each queue's own order, as `picks` choose. */
function interleave<T>(queues: T[][], picks: number[]): T[] {
  const pending = queues.map((queue) => [...queue]).filter((queue) => queue.length > 0);
  const out: T[] = [];
  let pick = 0;
  while (pending.length > 0) {
    const index = (picks[pick++ % Math.max(picks.length, 1)] ?? 0) % pending.length;
    const queue = pending[index]!;
    out.push(queue.shift()!);
    if (queue.length === 0) pending.splice(index, 1);
  }
  return out;
}

function runFused(reports: CallEvent[], gaps: number[]) {
  vi.clearAllTimers();
  const { accept, emitted } = fusion();
  reports.forEach((event, i) => {
    accept(event);
    vi.advanceTimersByTime(gaps[i % Math.max(gaps.length, 1)] ?? 0);
  });
  vi.runAllTimers();
  return emitted;
}

/** How late an adapter may report what it saw: its own processing and message hops. */
const MAX_LAG_MS = 2_000;

/**
 * Plays reports as adapters watching live would send them: each when it happened plus a lag,
 * each adapter in its own order, the fake clock running in between.
 */
function runLive(queues: CallEvent[][], lags: number[]) {
  vi.clearAllTimers();
  const { accept, emitted } = fusion();
  let lag = 0;
  const arrivals = queues.flatMap((queue) => {
    let previous = Number.NEGATIVE_INFINITY;
    return queue.map((event) => {
      const arrival = Math.max(
        previous,
        Date.parse(event.at) - T0 + (lags[lag++ % lags.length] ?? 0),
      );
      previous = arrival;
      return { arrival, event };
    });
  });
  arrivals.sort((a, b) => a.arrival - b.arrival);
  let now = Math.min(0, ...arrivals.map((a) => a.arrival));
  for (const { arrival, event } of arrivals) {
    vi.advanceTimersByTime(arrival - now);
    now = arrival;
    accept(event);
  }
  vi.runAllTimers();
  return emitted;
}

const ORDER: CallEvent['type'][] = ['started', 'connected', 'ended', 'wrapped_up'];

function expectWellFormedCall(events: FusedCallEvent[]) {
  const seen = events.map((event) => event.type);
  expect(seen).toEqual(ORDER.filter((type) => seen.includes(type)));
  expect(new Set(events.map((event) => event.callId)).size).toBe(1);
  for (const event of events) CallEventSchema.parse(event);
}

describe('createCallFusion properties', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('R1: N adapters reporting one call, in any order and at any pace, make exactly one ended event', () => {
    fc.assert(
      fc.property(
        adapterViews,
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom('TX-1', null),
        (views, picks, gaps, tx) => {
          const call = { index: 1, start: 0, tx };
          const reports = interleave(
            views.map((view) => reportsOf(view, call)),
            picks,
          );
          const emitted = runFused(reports, gaps);
          expect(emitted.filter((event) => event.type === 'ended')).toHaveLength(1);
          expectWellFormedCall(emitted);
          const wrapsUp = reports.some((event) => event.type === 'wrapped_up');
          expect(emitted.some((event) => event.type === 'wrapped_up')).toBe(wrapsUp);
          const allCodes = new Set(reports.flatMap((event) => event.selectedCodes));
          for (const event of emitted) {
            for (const code of event.selectedCodes) expect(allCodes.has(code)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('R1: two calls in a row, each seen by any adapters reporting live with some lag, make exactly two ended events', () => {
    fc.assert(
      fc.property(
        adapterViews,
        adapterViews,
        fc.array(fc.integer({ min: 0, max: MAX_LAG_MS }), { minLength: 1, maxLength: 16 }),
        fc.boolean(),
        (firstViews, secondViews, lags, withTransactions) => {
          const first = { index: 1, start: 0, tx: withTransactions ? 'TX-1' : null };
          const second = { index: 2, start: 100_000, tx: withTransactions ? 'TX-2' : null };
          const queues = SOURCES.map((source) => [
            ...firstViews
              .filter((view) => view.source === source)
              .flatMap((view) => reportsOf(view, first)),
            ...secondViews
              .filter((view) => view.source === source)
              .flatMap((view) => reportsOf(view, second)),
          ]);
          const emitted = runLive(queues, lags);
          const ended = emitted.filter((event) => event.type === 'ended');
          expect(ended).toHaveLength(2);
          const callIds = [...new Set(emitted.map((event) => event.callId))];
          expect(callIds).toHaveLength(2);
          for (const callId of callIds) {
            expectWellFormedCall(emitted.filter((event) => event.callId === callId));
          }
          // Each end belongs to its own call, dated by one of that call's adapters.
          const starts = ended
            .map((event) => Date.parse(event.startedAt) - T0)
            .sort((a, b) => a - b);
          expect(starts[0]).toBeLessThanOrEqual(3_000);
          expect(starts[1]).toBeGreaterThanOrEqual(100_000);
        },
      ),
      { numRuns: 300 },
    );
  });
});
