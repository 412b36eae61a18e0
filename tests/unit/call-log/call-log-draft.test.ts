import { describe, expect, it } from 'vitest';
import { callLogDraft } from '../../../lib/call-log/call-log-draft';
import type { CallEvent } from '../../../lib/softphone/call-event';

const AGENT = '01900000-0000-7000-8000-000000000001';
const CUSTOMER = '01900000-0000-7000-8000-000000000002';

const ended: CallEvent = {
  type: 'ended',
  callId: 'call-1',
  source: 'dom-profile',
  at: '2026-11-28T10:01:37.000Z',
  number: '+14155550134',
  callerName: 'Ada Lovelace',
  direction: 'inbound',
  queue: 'Billing',
  campaign: null,
  transactionId: 'TX-1001',
  selectedCodes: ['SALE'],
  systemCodes: [],
  callbackAt: null,
  startedAt: '2026-11-28T10:00:00.000Z',
  connectedAt: '2026-11-28T10:00:02.000Z',
  endedAt: '2026-11-28T10:01:37.000Z',
};

describe('callLogDraft', () => {
  it('R1: pre-fills number, caller, times, duration and transaction id from the ended call', () => {
    const draft = callLogDraft(ended, { agentId: AGENT, customerId: null });
    expect(draft).toMatchObject({
      kind: 'call',
      origin: 'system',
      subject: 'Call with Ada Lovelace',
      assigneeId: AGENT,
      transactionId: 'TX-1001',
      call: {
        number: '+14155550134',
        callerName: 'Ada Lovelace',
        direction: 'inbound',
        startedAt: '2026-11-28T10:00:00.000Z',
        endedAt: '2026-11-28T10:01:37.000Z',
        durationSeconds: 95,
      },
    });
  });

  it('R3: attaches the customer it is given', () => {
    expect(callLogDraft(ended, { agentId: AGENT, customerId: CUSTOMER }).customerId).toBe(CUSTOMER);
  });

  it('R5: carries the codes selected during the call', () => {
    expect(callLogDraft(ended, { agentId: AGENT, customerId: null }).transactionCodes).toEqual([
      'SALE',
    ]);
  });

  it('R6: stores system codes like any other code, once each', () => {
    const amd = { ...ended, selectedCodes: ['AMD'], systemCodes: ['AMD', 'CCB-REJECTED'] };
    expect(callLogDraft(amd, { agentId: AGENT, customerId: null }).transactionCodes).toEqual([
      'AMD',
      'CCB-REJECTED',
    ]);
  });

  it('counts an unanswered call as zero seconds long', () => {
    const missed = { ...ended, connectedAt: null };
    expect(callLogDraft(missed, { agentId: AGENT, customerId: null }).call?.durationSeconds).toBe(
      0,
    );
  });

  it('names the number when the caller is unknown, and says so when neither is known', () => {
    expect(
      callLogDraft({ ...ended, callerName: null }, { agentId: AGENT, customerId: null }).subject,
    ).toBe('Call with +14155550134');
    expect(
      callLogDraft(
        { ...ended, callerName: null, number: null },
        { agentId: AGENT, customerId: null },
      ).subject,
    ).toBe('Call with unknown caller');
  });

  it('marks campaign calls as such and keeps a scheduled callback', () => {
    const campaign = {
      ...ended,
      campaign: 'Winter renewals',
      callbackAt: '2026-11-29T09:00:00.000Z',
    };
    const draft = callLogDraft(campaign, { agentId: AGENT, customerId: null });
    expect(draft.origin).toBe('campaign');
    expect(draft.scheduledAt).toBe('2026-11-29T09:00:00.000Z');
  });
});
