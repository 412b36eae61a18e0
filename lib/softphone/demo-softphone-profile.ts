import type { DomProfile } from '../domain/softphone-profile';

/** The built-in profile for the demo softphone shipped in tests/fixtures/softphone.html. */
export const DEMO_SOFTPHONE_PROFILE: DomProfile = {
  id: 'demo-softphone',
  name: 'Wrapup demo softphone',
  matches: ['http://127.0.0.1/demo/*', 'http://localhost/demo/*'],
  selectors: {
    activeCall: '#call-panel [data-testid="active-call"]',
    stateText: '#call-state',
    number: '#call-number',
    callerName: '#caller-name',
    queue: '#call-queue',
    transactionId: '#transaction-id',
    direction: '#call-direction',
    campaign: '#campaign-name',
    selectedCodes: 'input[name="tcode"]:checked',
    systemCode: '#system-code[data-code]',
    callbackAt: '#callback-at',
    duration: '#call-timer',
    wrapUp: '#call-panel[data-call-state="ended"]',
    dialInput: '#dial-input',
    dialButton: '#dial',
  },
  states: { connected: '^connected', outbound: '^outbound' },
};
