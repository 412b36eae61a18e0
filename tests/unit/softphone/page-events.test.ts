// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallEvent, CallEventSchema } from '../../../lib/softphone/call-event';
import {
  listenForPageEvents,
  MAX_PAGE_EVENT_CHARS,
  PAGE_EVENT_NAME,
  parsePageEventDetail,
} from '../../../lib/softphone/page-events';

describe('listenForPageEvents', () => {
  let events: CallEvent[];
  let controller: AbortController;
  let warn: ReturnType<typeof vi.spyOn>;
  let clock: number;

  beforeEach(() => {
    events = [];
    controller = new AbortController();
    clock = Date.parse('2026-11-28T10:00:00Z');
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listenForPageEvents(document, (event) => events.push(event), controller.signal, {
      now: () => new Date(clock),
    });
  });
  afterEach(() => {
    controller.abort();
    warn.mockRestore();
  });

  /** Exactly what docs/page-events.md tells a page to do. */
  const dispatch = (detail: unknown) =>
    document.dispatchEvent(new CustomEvent(PAGE_EVENT_NAME, { detail }));
  const rejections = () => warn.mock.calls.map((call: unknown[]) => String(call[0]));

  it('R1: reports a call dispatched by the page from start to end, each a valid CallEvent', () => {
    dispatch({
      type: 'started',
      callId: 'abc-1',
      number: '+1 (415) 555-0134',
      callerName: 'Ada Lovelace',
      direction: 'inbound',
      queue: 'Billing',
      transactionId: 'TX-9',
    });
    clock += 3_000;
    dispatch({ type: 'connected', callId: 'abc-1' });
    clock += 60_000;
    dispatch({ type: 'ended', callId: 'abc-1', codes: ['SALE', 'SALE', 'INFO'] });
    expect(events.map((event) => event.type)).toEqual(['started', 'connected', 'ended']);
    for (const event of events) expect(CallEventSchema.parse(event)).toEqual(event);
    expect(events[2]).toEqual({
      type: 'ended',
      callId: 'abc-1',
      source: 'page-events',
      at: '2026-11-28T10:01:03.000Z',
      number: '+1 (415) 555-0134',
      callerName: 'Ada Lovelace',
      direction: 'inbound',
      queue: 'Billing',
      campaign: null,
      transactionId: 'TX-9',
      selectedCodes: ['SALE', 'INFO'],
      systemCodes: [],
      callbackAt: null,
      startedAt: '2026-11-28T10:00:00.000Z',
      connectedAt: '2026-11-28T10:00:03.000Z',
      endedAt: '2026-11-28T10:01:03.000Z',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('R1: says which voice interaction it is: a voicemail stays a voicemail to the end', () => {
    dispatch({ type: 'started', callId: 'vm-1', number: '+14155550134', interaction: 'voicemail' });
    dispatch({ type: 'ended', callId: 'vm-1' });
    expect(events.map((event) => event.interaction)).toEqual(['voicemail', 'voicemail']);
    dispatch({ type: 'started', callId: 'vm-2', interaction: 'fax' });
    expect(rejections().at(-1)).toMatch(/interaction/);
  });

  it('R6 R7 R8: carries system codes, the campaign and a scheduled callback through wrap-up', () => {
    dispatch({
      type: 'started',
      callId: 'c-7',
      direction: 'outbound',
      campaign: 'Winter renewals',
    });
    dispatch({ type: 'ended', callId: 'c-7', systemCodes: ['AMD'] });
    dispatch({
      type: 'wrapped_up',
      callId: 'c-7',
      codes: ['CB'],
      callbackAt: '2026-12-01T09:30:00+01:00',
      at: '2026-11-28T10:00:40Z',
    });
    expect(events.at(-1)).toMatchObject({
      type: 'wrapped_up',
      campaign: 'Winter renewals',
      direction: 'outbound',
      systemCodes: ['AMD'],
      selectedCodes: ['CB'],
      callbackAt: '2026-12-01T08:30:00.000Z',
      endedAt: '2026-11-28T10:00:00.000Z',
      at: '2026-11-28T10:00:40.000Z',
    });
  });

  it('accepts a call first reported at its end', () => {
    dispatch({ type: 'ended', callId: 'late', number: '+14155550134' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'ended', startedAt: events[0]?.endedAt });
  });

  it('keeps a connection and an end no earlier than the start, whatever the page’s clock says', () => {
    dispatch({ type: 'started', callId: 'x', at: '2026-11-28T10:00:00Z' });
    dispatch({ type: 'ended', callId: 'x', at: '2026-11-28T09:00:00Z' });
    expect(events.at(-1)?.endedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it.each([
    ['no detail', undefined, 'detail must be object'],
    ['a detail that is text', '{"type":"ended"}', 'detail must be object'],
    ['an unknown type', { type: 'exploded', callId: 'a' }, 'type must be "started" or'],
    ['no callId', { type: 'ended' }, 'callId must be string'],
    [
      'an unknown field',
      { type: 'ended', callId: 'a', script: 'alert(1)' },
      'unknown field "script"',
    ],
    [
      'a number that is too long',
      { type: 'ended', callId: 'a', number: '1'.repeat(41) },
      'number is longer than 40',
    ],
    [
      'a caller name that is too long',
      { type: 'ended', callId: 'a', callerName: 'x'.repeat(201) },
      'callerName is longer than 200',
    ],
    [
      'a code that is too long',
      { type: 'ended', callId: 'a', codes: ['x'.repeat(33)] },
      'codes.0 is longer than 32',
    ],
    ['an empty code', { type: 'ended', callId: 'a', codes: ['  '] }, 'codes.0 must not be empty'],
    [
      'too many codes',
      { type: 'ended', callId: 'a', codes: Array.from({ length: 101 }, (_, i) => `C${i}`) },
      'codes is longer than 100',
    ],
    [
      'codes that are not a list',
      { type: 'ended', callId: 'a', codes: 'SALE' },
      'codes must be array',
    ],
    [
      'a time that is not ISO-8601',
      { type: 'ended', callId: 'a', at: 'yesterday' },
      'at must be an ISO-8601 datetime',
    ],
    [
      'an unknown direction',
      { type: 'ended', callId: 'a', direction: 'sideways' },
      'direction must be "inbound" or "outbound"',
    ],
    [
      'an oversized detail',
      { type: 'ended', callId: 'a', notes: 'x'.repeat(20_000) },
      'detail too large',
    ],
    [
      'a time far in the future',
      { type: 'ended', callId: 'a', at: '2027-01-01T00:00:00Z' },
      'at is in the future',
    ],
  ])('refuses a detail with %s and says why in the console', (_case, detail, reason) => {
    dispatch(detail);
    expect(events).toEqual([]);
    expect(rejections()).toHaveLength(1);
    expect(rejections()[0]).toContain(`[wrapup] page event rejected: ${reason}`);
  });

  it('refuses events out of order for a call', () => {
    dispatch({ type: 'wrapped_up', callId: 'o' });
    dispatch({ type: 'started', callId: 'o' });
    dispatch({ type: 'started', callId: 'o' });
    dispatch({ type: 'ended', callId: 'o' });
    dispatch({ type: 'connected', callId: 'o' });
    dispatch({ type: 'ended', callId: 'o' });
    expect(events.map((event) => event.type)).toEqual(['started', 'ended']);
    expect(rejections()).toEqual([
      expect.stringContaining("'wrapped_up' before 'ended'"),
      expect.stringContaining("already reported 'started'"),
      expect.stringContaining("'connected' after 'ended'"),
      expect.stringContaining("already reported 'ended'"),
    ]);
  });

  it('shows HTML in a caller name as the text it is, never as markup', () => {
    const name = '<img src=x onerror="alert(1)">';
    dispatch({ type: 'ended', callId: 'h', callerName: name });
    expect(events[0]?.callerName).toBe(name);
    expect(document.querySelector('img')).toBeNull();
  });

  it('drops a flood past the rate limit, warning once, and recovers the next second', () => {
    for (let i = 0; i < 50; i++) dispatch({ type: 'ended', callId: `flood-${i}` });
    expect(events).toHaveLength(20);
    expect(rejections()).toHaveLength(1);
    clock += 1_000;
    dispatch({ type: 'ended', callId: 'after' });
    expect(events).toHaveLength(21);
  });

  it('ignores events on the window and plain events without a detail of ours', () => {
    window.dispatchEvent(
      new CustomEvent(PAGE_EVENT_NAME, { detail: { type: 'ended', callId: 'w' } }),
    );
    document.dispatchEvent(
      new CustomEvent('wrapup:other', { detail: { type: 'ended', callId: 'w' } }),
    );
    expect(events).toEqual([]);
  });

  it('stops listening once its signal is aborted', () => {
    controller.abort();
    dispatch({ type: 'ended', callId: 'gone' });
    expect(events).toEqual([]);
  });
});

describe('parsePageEventDetail', () => {
  it('measures a detail before parsing it', () => {
    const detail = { type: 'ended', callId: 'a', callerName: 'x'.repeat(MAX_PAGE_EVENT_CHARS) };
    expect(parsePageEventDetail(detail)).toEqual({
      ok: false,
      reason: `detail too large (${JSON.stringify(detail).length} characters)`,
    });
    const cyclic: Record<string, unknown> = { type: 'ended', callId: 'a' };
    cyclic.self = cyclic;
    expect(parsePageEventDetail(cyclic)).toEqual({ ok: false, reason: 'detail is not JSON' });
  });
});
