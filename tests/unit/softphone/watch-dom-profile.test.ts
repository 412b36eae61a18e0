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
  const ring = async () => {
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
    text('call-state', 'Connected');
    await flush();
  };
  const hangUp = async () => {
    clock += 95_000;
    document.querySelector('[data-testid="active-call"]')?.remove();
    text('call-state', 'Call ended');
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
      number: '+14155550134',
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
});
