// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallEvent, CallEventSchema } from '../../../lib/softphone/call-event';
import { DEMO_SOFTPHONE_PROFILE } from '../../../lib/softphone/demo-softphone-profile';
import { watchDomProfile } from '../../../lib/softphone/watch-dom-profile';

// The demo softphone's call panel as it looks during a call (tests/fixtures/softphone.html).
const PANEL = `
  <section id="call-panel" data-call-state="idle">
    <p id="call-state">Ready</p>
    <span id="call-number"></span><span id="caller-name"></span><span id="call-queue"></span>
    <span id="transaction-id"></span><span id="call-direction"></span><span id="campaign-name"></span>
    <span id="call-timer">00:00</span>
    <label><input type="checkbox" name="tcode" value="SALE">Sale</label>
    <label><input type="checkbox" name="tcode" value="INFO">Information given</label>
    <input id="callback-at" type="datetime-local">
  </section>`;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchDomProfile on the demo softphone profile', () => {
  let events: CallEvent[];
  let controller: AbortController;
  let clock: number;

  beforeEach(() => {
    document.body.innerHTML = PANEL;
    events = [];
    controller = new AbortController();
    clock = Date.parse('2026-11-28T10:00:00Z');
    let ids = 0;
    watchDomProfile(document, DEMO_SOFTPHONE_PROFILE, {
      emit: (event) => events.push(event),
      signal: controller.signal,
      now: () => new Date(clock),
      newCallId: () => `call-${++ids}`,
    });
  });
  afterEach(() => controller.abort());

  const text = (id: string, value: string) => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`fixture lacks #${id}`);
    element.textContent = value;
  };
  const panelState = (state: string) => {
    const panel = document.getElementById('call-panel');
    if (!panel) throw new Error('fixture lacks #call-panel');
    panel.dataset.callState = state;
  };
  const ring = async () => {
    panelState('ringing');
    text('call-number', '+1 415 555 0134');
    text('caller-name', 'Ada Lovelace');
    text('call-queue', 'Billing');
    text('transaction-id', 'TX-1001');
    text('call-direction', 'inbound');
    text('call-state', 'Incoming call');
    const active = document.createElement('div');
    active.dataset.testid = 'active-call';
    document.getElementById('call-panel')?.append(active);
    await flush();
  };
  const connect = async () => {
    clock += 2_000;
    panelState('connected');
    text('call-state', 'Connected');
    await flush();
  };
  const hangUp = async () => {
    clock += 95_000;
    document.querySelector('[data-testid="active-call"]')?.remove();
    panelState('ended');
    text('call-state', 'Call ended');
    await flush();
  };
  /** The agent clicks a code: a property change and a change event, no DOM mutation. */
  const tick = async (code: string, checked = true) => {
    const box = document.querySelector<HTMLInputElement>(`input[value="${code}"]`);
    if (!box) throw new Error(`fixture lacks code ${code}`);
    box.checked = checked;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
  };
  const pickCallback = async (value: string) => {
    const input = document.getElementById('callback-at') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
  };
  const ready = async () => {
    clock += 30_000;
    panelState('idle');
    text('call-state', 'Ready');
    await flush();
  };

  it('reports start, connection and end of one call, each valid against CallEventSchema', async () => {
    await ring();
    await connect();
    await hangUp();
    expect(events.map((event) => event.type)).toEqual(['started', 'connected', 'ended']);
    for (const event of events) expect(CallEventSchema.safeParse(event).success).toBe(true);
    const ended = events[2]!;
    expect(ended).toMatchObject({
      callId: 'call-1',
      number: '+1 415 555 0134',
      callerName: 'Ada Lovelace',
      queue: 'Billing',
      transactionId: 'TX-1001',
      direction: 'inbound',
      startedAt: '2026-11-28T10:00:00.000Z',
      connectedAt: '2026-11-28T10:00:02.000Z',
      endedAt: '2026-11-28T10:01:37.000Z',
    });
  });

  it('reads the transaction codes selected when the call ends', async () => {
    await ring();
    await connect();
    document.querySelector<HTMLInputElement>('input[value="SALE"]')!.checked = true;
    await hangUp();
    expect(events.at(-1)?.selectedCodes).toEqual(['SALE']);
  });

  it('reports an unanswered call as ended without a connection', async () => {
    await ring();
    await hangUp();
    expect(events.map((event) => event.type)).toEqual(['started', 'ended']);
    expect(events[1]?.connectedAt).toBeNull();
  });

  it('gives each call its own id', async () => {
    await ring();
    await hangUp();
    await ring();
    await hangUp();
    expect(events.filter((event) => event.type === 'ended').map((event) => event.callId)).toEqual([
      'call-1',
      'call-2',
    ]);
  });

  it('stops watching once its signal is aborted', async () => {
    controller.abort();
    await ring();
    expect(events).toEqual([]);
  });

  it('bounds page text it copies, so a hostile page cannot flood the background', async () => {
    text('caller-name', 'x'.repeat(10_000));
    await ring();
    text('caller-name', 'y'.repeat(10_000));
    await hangUp();
    expect(events.at(-1)?.callerName?.length).toBeLessThanOrEqual(200);
  });

  it('R1: reports the end at hang-up, while the softphone is still in wrap-up', async () => {
    await ring();
    await connect();
    await hangUp();
    expect(events.map((event) => event.type)).toEqual(['started', 'connected', 'ended']);
    expect(events.at(-1)?.endedAt).toBe('2026-11-28T10:01:37.000Z');
  });

  it('R5 R8: reports the codes and callback settled in wrap-up for the same call when the agent is ready', async () => {
    await ring();
    await connect();
    await tick('INFO');
    await hangUp();
    expect(events.at(-1)).toMatchObject({ type: 'ended', selectedCodes: ['INFO'] });
    await tick('INFO', false);
    await tick('SALE');
    await pickCallback('2026-12-01T09:30');
    await ready();
    const wrapped = events.at(-1);
    expect(wrapped).toMatchObject({
      type: 'wrapped_up',
      callId: 'call-1',
      selectedCodes: ['SALE'],
      callbackAt: new Date('2026-12-01T09:30').toISOString(),
      number: '+1 415 555 0134',
      transactionId: 'TX-1001',
      endedAt: '2026-11-28T10:01:37.000Z',
      at: '2026-11-28T10:02:07.000Z',
    });
    expect(CallEventSchema.safeParse(wrapped).success).toBe(true);
  });

  it('R6: keeps the system code shown in wrap-up', async () => {
    document
      .getElementById('call-panel')
      ?.insertAdjacentHTML('beforeend', '<span id="system-code"></span>');
    await ring();
    await hangUp();
    const systemCode = document.getElementById('system-code')!;
    systemCode.dataset.code = 'AMD';
    systemCode.textContent = 'AMD · Answer machine detected';
    await flush();
    await ready();
    expect(events.at(-1)).toMatchObject({ type: 'wrapped_up', systemCodes: ['AMD'] });
  });

  it('keeps the wrap-up codes as last seen when the softphone clears them as it leaves wrap-up', async () => {
    await ring();
    await hangUp();
    await tick('SALE');
    // Cleared and left in one go, before any observer runs.
    document.querySelector<HTMLInputElement>('input[value="SALE"]')!.checked = false;
    panelState('idle');
    await flush();
    expect(events.at(-1)).toMatchObject({ type: 'wrapped_up', selectedCodes: ['SALE'] });
  });

  it('reports the wrap-up before the next call when that call rings straight from wrap-up', async () => {
    await ring();
    await hangUp();
    await ring();
    expect(events.map((event) => [event.type, event.callId])).toEqual([
      ['started', 'call-1'],
      ['ended', 'call-1'],
      ['wrapped_up', 'call-1'],
      ['started', 'call-2'],
    ]);
  });

  it('reports no wrap-up for a profile that does not describe one', async () => {
    controller.abort();
    events = [];
    const { wrapUp: _ignored, ...selectors } = DEMO_SOFTPHONE_PROFILE.selectors;
    const withoutWrapUp = { ...DEMO_SOFTPHONE_PROFILE, selectors };
    const second = new AbortController();
    watchDomProfile(document, withoutWrapUp, {
      emit: (event) => events.push(event),
      signal: second.signal,
      now: () => new Date(clock),
    });
    await ring();
    await hangUp();
    await tick('SALE');
    await ready();
    second.abort();
    expect(events.map((event) => event.type)).toEqual(['started', 'ended']);
  });
});
