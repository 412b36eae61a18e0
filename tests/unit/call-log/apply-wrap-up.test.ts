import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyWrapUp } from '../../../lib/call-log/apply-wrap-up';
import { recordCallLog } from '../../../lib/call-log/record-call-log';
import { openWrapupDb, type WrapupDb } from '../../../lib/db/database';
import { saveTaskEdit } from '../../../lib/db/task-commands';
import type { FieldDefinition } from '../../../lib/domain/field-definition';
import { newId } from '../../../lib/domain/ids';
import { ValidationError } from '../../../lib/domain/validation-error';
import type { CallEvent } from '../../../lib/softphone/call-event';

const AGENT = newId();
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
  selectedCodes: ['INFO'],
  systemCodes: [],
  callbackAt: null,
  startedAt: '2026-11-28T10:00:00.000Z',
  connectedAt: '2026-11-28T10:00:02.000Z',
  endedAt: '2026-11-28T10:01:37.000Z',
};
const wrappedUp: CallEvent = {
  ...ended,
  type: 'wrapped_up',
  at: '2026-11-28T10:02:30.000Z',
  selectedCodes: ['INFO', 'SALE'],
  callbackAt: '2026-11-29T09:00:00.000Z',
};

describe('applyWrapUp', () => {
  let db: WrapupDb;
  beforeEach(() => {
    db = openWrapupDb(`wrap-up-${newId()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('R5: codes picked during wrap-up join the call log', async () => {
    const log = await recordCallLog(db, ended, { actorId: AGENT });
    await applyWrapUp(db, wrappedUp, { actorId: AGENT });
    expect((await db.tasks.get(log.id))?.transactionCodes).toEqual(['INFO', 'SALE']);
  });

  it('R8: a callback scheduled in wrap-up schedules the log with a reminder', async () => {
    const log = await recordCallLog(db, ended, { actorId: AGENT });
    await applyWrapUp(db, wrappedUp, { actorId: AGENT });
    const stored = await db.tasks.get(log.id);
    expect(stored?.scheduledAt).toBe('2026-11-29T09:00:00.000Z');
    expect(stored?.remindAt).toBe('2026-11-29T08:55:00.000Z');
  });

  it('never overwrites codes the agent already changed in Wrapup', async () => {
    const log = await recordCallLog(db, ended, { actorId: AGENT });
    await saveTaskEdit(
      db,
      log.id,
      { transactionCodes: ['COMP'] },
      { actorId: AGENT, now: '2026-11-28T10:02:00.000Z' },
    );
    await applyWrapUp(db, wrappedUp, { actorId: AGENT });
    expect((await db.tasks.get(log.id))?.transactionCodes).toEqual(['COMP']);
  });

  it("R5, R20: wrap-up codes land even when a required field is still empty; the agent's save still asks for it", async () => {
    const required: FieldDefinition = {
      id: newId(),
      key: 'order_ref',
      label: 'Order reference',
      type: 'text',
      required: true,
      options: [],
      defaultValue: null,
      order: 1,
      archived: false,
      appliesTo: [],
    };
    await db.fieldDefinitions.put(required);
    const log = await recordCallLog(db, ended, { actorId: AGENT });

    const wrapped = await applyWrapUp(db, wrappedUp, { actorId: AGENT });

    expect(wrapped?.transactionCodes).toEqual(['INFO', 'SALE']);
    expect((await db.tasks.get(log.id))?.scheduledAt).toBe('2026-11-29T09:00:00.000Z');
    const agentSave = saveTaskEdit(
      db,
      log.id,
      { notes: 'Customer wants a refund' },
      { actorId: AGENT, now: '2026-11-28T10:03:00.000Z' },
    );
    await expect(agentSave).rejects.toBeInstanceOf(ValidationError);
    await expect(agentSave).rejects.toMatchObject({
      issues: [{ path: 'fields.order_ref', message: 'Order reference is required.' }],
    });
    expect((await db.tasks.get(log.id))?.notes).toBe('');
  });

  it('ignores a wrap-up for a call it never logged', async () => {
    await expect(
      applyWrapUp(db, { ...wrappedUp, transactionId: 'TX-unknown' }, { actorId: AGENT }),
    ).resolves.toBeUndefined();
  });
});
