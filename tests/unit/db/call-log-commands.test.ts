import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { callsToLog } from '../../../lib/db/queries/calls-to-log';
import { saveSettings } from '../../../lib/db/settings-store';
import { saveNewTask, saveTaskEdit } from '../../../lib/db/task-commands';
import { CODES_REQUIRED_MESSAGE } from '../../../lib/domain/call-log';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import type { Task } from '../../../lib/domain/task';
import { ValidationError } from '../../../lib/domain/validation-error';
import { AGENT, endedCall, freshDb } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();
const ctx = (minute = 0, source?: 'system') => ({
  actorId: AGENT,
  now: at(minute),
  ...(source ? { source } : {}),
});

/** A call log as the system makes it when a call ends (R1). */
function recordCall(minute: number): Promise<Task> {
  return saveNewTask(
    db,
    {
      kind: 'call',
      origin: 'system',
      subject: `Call ${minute}`,
      call: endedCall(at(minute + 1)),
    },
    ctx(minute + 1),
  );
}

async function refusal(run: () => Promise<unknown>): Promise<ValidationError> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError: ${error}`);
  return error;
}

describe('saving a call log in the store', () => {
  it('R5: with codes mandatory, the agent cannot save a call log without one; nothing is stored', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, codesRequiredOnCallLogs: true });
    const log = await recordCall(0);
    const outboxBefore = await db.outbox.count();

    const error = await refusal(() => saveTaskEdit(db, log.id, { notes: 'Refund' }, ctx(5)));

    expect(error.issues).toEqual([{ path: 'transactionCodes', message: CODES_REQUIRED_MESSAGE }]);
    expect(await db.tasks.get(log.id)).toEqual(log);
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect((await callsToLog(db, AGENT)).map((task) => task.id)).toEqual([log.id]);
  });

  it('R6: wrap-up codes reported by the system are stored without the agent, and do not log the call', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, codesRequiredOnCallLogs: true });
    const log = await recordCall(0);
    const wrapped = await saveTaskEdit(db, log.id, { scheduledAt: at(30) }, ctx(2, 'system'));
    expect(wrapped).toMatchObject({ transactionCodes: [], loggedAt: null });
  });

  it("the agent's save logs the call on the task and sends it, even with nothing else changed", async () => {
    const log = await recordCall(0);
    const outboxBefore = await db.outbox.count();

    const saved = await saveTaskEdit(db, log.id, {}, ctx(5));

    expect(saved).toMatchObject({ loggedAt: at(5), loggedBy: AGENT });
    expect(await db.tasks.get(log.id)).toMatchObject({ loggedAt: at(5) });
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows).toHaveLength(outboxBefore + 1);
    expect(rows.at(-1)).toMatchObject({
      name: 'task.edit',
      args: { taskId: log.id, changes: {}, base: {} },
    });
  });

  it('the "to log" queue lists open call logs nobody saved, and honours marks kept in this browser', async () => {
    const first = await recordCall(0);
    const second = await recordCall(10);
    const third = await recordCall(20);
    expect((await callsToLog(db, AGENT)).map((task) => task.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);

    await saveTaskEdit(db, second.id, { notes: 'Logged' }, ctx(30));
    expect((await callsToLog(db, AGENT)).map((task) => task.id)).toEqual([third.id, first.id]);
    // A mark the panel kept before tasks recorded it still counts.
    expect((await callsToLog(db, AGENT, new Set([first.id]))).map((task) => task.id)).toEqual([
      third.id,
    ]);
  });

  it('with codes mandatory, the save that picks a code logs the call', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, codesRequiredOnCallLogs: true });
    const log = await recordCall(0);
    await saveTaskEdit(db, log.id, { transactionCodes: ['SALE'] }, ctx(5));
    expect(await callsToLog(db, AGENT)).toEqual([]);
  });
});
