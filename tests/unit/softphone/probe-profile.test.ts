// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SOFTPHONE_PROFILE } from '../../../lib/softphone/demo-softphone-profile';
import { ProfileProbeSchema, probeDomProfile } from '../../../lib/softphone/probe-profile';

const PANEL = `
  <section id="call-panel" data-call-state="idle">
    <p id="call-state">Ready</p>
    <span id="call-number"></span><span id="caller-name"></span>
    <span id="transaction-id"></span><span id="call-timer">00:00</span>
  </section>`;

function startCall(state: string) {
  document
    .querySelector('#call-panel')
    ?.insertAdjacentHTML('beforeend', '<div data-testid="active-call"></div>');
  document.querySelector('#call-state')!.textContent = state;
  document.querySelector('#call-number')!.textContent = '+1 415 555 0134';
  document.querySelector('#caller-name')!.textContent = '<b>Ada</b>';
  document.querySelector('#transaction-id')!.textContent = 'TX-1';
  document.querySelector('#call-timer')!.textContent = '00:07';
}

describe("the options page's test of a profile on a tab", () => {
  beforeEach(() => {
    document.body.innerHTML = PANEL;
  });

  it('R1: shows no call while the active-call element is absent', () => {
    const probe = probeDomProfile(document, DEMO_SOFTPHONE_PROFILE);
    expect(probe).toMatchObject({ activeCall: false, state: 'no-call', number: null });
    expect(ProfileProbeSchema.parse(probe)).toEqual(probe);
  });

  it('R1: reads number (E.164), state, transaction id and duration of a connected call', () => {
    startCall('Connected');
    expect(probeDomProfile(document, DEMO_SOFTPHONE_PROFILE)).toEqual({
      activeCall: true,
      state: 'connected',
      stateText: 'Connected',
      number: '+14155550134',
      callerName: '<b>Ada</b>',
      transactionId: 'TX-1',
      duration: '00:07',
      brokenSelectors: [],
    });
  });

  it('R1: a ringing call is active but not connected', () => {
    startCall('Ringing');
    expect(probeDomProfile(document, DEMO_SOFTPHONE_PROFILE).state).toBe('ringing');
  });

  it('names the selectors the page refuses instead of failing', () => {
    startCall('Connected');
    const probe = probeDomProfile(document, {
      ...DEMO_SOFTPHONE_PROFILE,
      selectors: { ...DEMO_SOFTPHONE_PROFILE.selectors, transactionId: 'div[[' },
    });
    expect(probe.brokenSelectors).toEqual(['transactionId']);
    expect(probe.transactionId).toBeNull();
    expect(probe.number).toBe('+14155550134');
  });
});
