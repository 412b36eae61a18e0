// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { type CallEvent, CallEventSchema } from '../../../lib/softphone/call-event';
import { DEMO_SOFTPHONE_PROFILE } from '../../../lib/softphone/demo-softphone-profile';
import { readPageCallFacts } from '../../../lib/softphone/page-call-facts';
import type { RtcSignal } from '../../../lib/softphone/rtc-signal';
import { createWebRtcCallTracker } from '../../../lib/softphone/webrtc-call-events';

const T0 = Date.parse('2026-11-28T10:00:00Z');

describe('createWebRtcCallTracker', () => {
  let clock: number;
  let ids: number;
  beforeEach(() => {
    clock = T0;
    ids = 0;
    document.body.innerHTML = '';
  });
  const tracker = (readFacts?: () => ReturnType<typeof readPageCallFacts>) =>
    createWebRtcCallTracker({
      now: () => new Date(clock),
      newCallId: () => `rtc-${++ids}`,
      readFacts,
    });
  const signal = (
    kind: RtcSignal['kind'],
    at = clock,
    direction: RtcSignal['direction'] = null,
  ) => ({
    kind,
    at,
    direction,
  });

  it('R1: turns a call’s signals into started, connected and ended CallEvents from WebRTC', () => {
    const calls = tracker();
    const started = calls.accept(signal('rtc-started'));
    clock += 2_000;
    const connected = calls.accept(signal('rtc-connected', clock, 'outbound'));
    clock += 60_000;
    const ended = calls.accept(signal('rtc-ended', clock, 'outbound'));
    const events = [started, connected, ended] as CallEvent[];
    expect(events.map((event) => event.type)).toEqual(['started', 'connected', 'ended']);
    for (const event of events) expect(CallEventSchema.parse(event)).toEqual(event);
    expect(events[2]).toMatchObject({
      callId: 'rtc-1',
      source: 'webrtc',
      number: null,
      callerName: null,
      direction: 'outbound',
      startedAt: '2026-11-28T10:00:00.000Z',
      connectedAt: '2026-11-28T10:00:02.000Z',
      endedAt: '2026-11-28T10:01:02.000Z',
      at: '2026-11-28T10:01:02.000Z',
    });
  });

  it('ignores repeated and out-of-order signals: each call starts, connects and ends once', () => {
    const calls = tracker();
    expect(calls.accept(signal('rtc-ended'))).toBeNull();
    expect(calls.accept(signal('rtc-started'))?.type).toBe('started');
    expect(calls.accept(signal('rtc-started'))).toBeNull();
    expect(calls.accept(signal('rtc-connected'))?.type).toBe('connected');
    expect(calls.accept(signal('rtc-connected'))).toBeNull();
    expect(calls.accept(signal('rtc-ended'))?.type).toBe('ended');
    expect(calls.accept(signal('rtc-ended'))).toBeNull();
    expect(calls.accept(signal('rtc-started'))?.callId).toBe('rtc-2');
  });

  it('starts a call at its connection when its start was never seen', () => {
    const event = tracker().accept(signal('rtc-connected'));
    expect(event).toMatchObject({ type: 'connected', startedAt: '2026-11-28T10:00:00.000Z' });
  });

  it('believes no forged time: never in the future, never more than a minute back', () => {
    const calls = tracker();
    const started = calls.accept(signal('rtc-started', T0 - 86_400_000));
    expect(started?.startedAt).toBe('2026-11-28T09:59:00.000Z');
    const ended = calls.accept(signal('rtc-ended', T0 + 86_400_000));
    expect(ended?.endedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('calls a call of unknown direction inbound', () => {
    const calls = tracker();
    calls.accept(signal('rtc-started'));
    expect(calls.accept(signal('rtc-ended'))?.direction).toBe('inbound');
  });

  it('takes who is on the line from the page through a profile, and keeps it when the page blanks it', () => {
    document.body.innerHTML = `
      <section id="call-panel" data-call-state="connected">
        <p id="call-number">+1 415 555 0134</p><p id="caller-name">Ada Lovelace</p>
        <dd id="call-direction">outbound</dd><dd id="call-queue">Sales</dd>
        <dd id="transaction-id">TX-42</dd><dd id="campaign-name">Winter renewals</dd>
        <label><input type="checkbox" name="tcode" value="SALE" checked></label>
      </section>`;
    const calls = tracker(() => readPageCallFacts(document, DEMO_SOFTPHONE_PROFILE));
    calls.accept(signal('rtc-started'));
    document.getElementById('call-number')!.textContent = '';
    document.getElementById('caller-name')!.textContent = '';
    const ended = calls.accept(signal('rtc-ended'));
    expect(ended).toMatchObject({
      number: '+1 415 555 0134',
      callerName: 'Ada Lovelace',
      direction: 'outbound',
      queue: 'Sales',
      transactionId: 'TX-42',
      campaign: 'Winter renewals',
      selectedCodes: ['SALE'],
    });
  });
});

describe('readPageCallFacts without a profile', () => {
  it('takes the one number the page links to with tel:', () => {
    document.body.innerHTML = `<a href="tel:+14155550134">Call back</a>
      <a href="tel:%2B1%20415%20555%200134">Same number</a>`;
    expect(readPageCallFacts(document).number).toBe('+14155550134');
  });

  it('takes no number when the page shows several, or only hidden ones', () => {
    document.body.innerHTML = `<a href="tel:+14155550134">A</a><a href="tel:+442079460000">B</a>`;
    expect(readPageCallFacts(document).number).toBeNull();
    document.body.innerHTML = `<div hidden><a href="tel:+14155550134">A</a></div>`;
    expect(readPageCallFacts(document).number).toBeNull();
    document.body.innerHTML = `<a href="tel:not-a-number">?</a>`;
    expect(readPageCallFacts(document).number).toBeNull();
  });
});
