import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCallLog } from '../../../lib/call-log/record-call-log';
import { openWrapupDb, type WrapupDb } from '../../../lib/db/database';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Customer } from '../../../lib/domain/customer';
import { newId } from '../../../lib/domain/ids';
import type { CallEvent } from '../../../lib/softphone/call-event';

const AGENT = newId();

function customer(name: string, phones: string[]): Customer {
  return {
    id: newId(),
    name,
    phones,
    emails: [],
    company: null,
    externalIds: [],
    notes: '',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    version: 1,
    deletedAt: null,
  };
}

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
  selectedCodes: [],
  systemCodes: [],
  callbackAt: null,
  startedAt: '2026-11-28T10:00:00.000Z',
  connectedAt: '2026-11-28T10:00:02.000Z',
  endedAt: '2026-11-28T10:01:37.000Z',
};

describe('recordCallLog', () => {
  let db: WrapupDb;
  beforeEach(() => {
    db = openWrapupDb(`record-call-log-${newId()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('R1: stores a call log with its history as soon as the call ends', async () => {
    const task = await recordCallLog(db, ended, { actorId: AGENT });
    expect(await db.tasks.get(task.id)).toMatchObject({
      kind: 'call',
      origin: 'system',
      number: null,
      assigneeId: AGENT,
      transactionId: 'TX-1001',
    });
    expect(
      await db.history.where('[taskId+at]').between([task.id, ''], [task.id, '\uffff']).count(),
    ).toBe(1);
  });

  it('R3: attaches the log to the one customer with the caller’s number', async () => {
    const ada = customer('Ada Lovelace', ['+14155550134']);
    await writeOperation(db, { customers: [ada, customer('Grace Hopper', ['+14155550199'])] });
    const task = await recordCallLog(
      db,
      { ...ended, number: '+1 (415) 555-0134' },
      { actorId: AGENT },
    );
    expect(task.customerId).toBe(ada.id);
  });

  it('leaves an unknown caller’s log unattached', async () => {
    const task = await recordCallLog(db, ended, { actorId: AGENT });
    expect(task.customerId).toBeNull();
  });

  it('makes one log per interaction even when the end is reported twice', async () => {
    const first = await recordCallLog(db, ended, { actorId: AGENT });
    const second = await recordCallLog(
      db,
      { ...ended, callId: 'call-1-webrtc' },
      { actorId: AGENT },
    );
    expect(second.id).toBe(first.id);
    expect(await db.tasks.count()).toBe(1);
  });
});
