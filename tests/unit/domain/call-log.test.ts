import { describe, expect, it } from 'vitest';
import { CODES_REQUIRED_MESSAGE } from '../../../lib/domain/call-log';
import { createTask } from '../../../lib/domain/create-task';
import { editTask } from '../../../lib/domain/edit-task';
import { taskEditMutation } from '../../../lib/domain/outbox-mutation';
import { editResultPermissions } from '../../../lib/domain/permissions';
import { replayOnTask } from '../../../lib/domain/replay-mutation';
import type { Task } from '../../../lib/domain/task';
import { ValidationError } from '../../../lib/domain/validation-error';
import { endedCall } from '../db/fixtures';
import { OTHER_AGENT, onlyTask, testContext } from './support';

const REQUIRED = { codesRequiredOnCallLogs: true };

function callLog(clock = testContext(), origin: 'system' | 'campaign' = 'system'): Task {
  return onlyTask(
    createTask(
      {
        kind: 'call',
        origin,
        subject: 'Call from +44 20 7946 0000',
        call: endedCall('2026-03-02T08:59:00.000Z', {
          campaign: origin === 'campaign' ? 'Spring' : null,
          connectedAt: '2026-03-02T08:55:05.000Z',
          durationSeconds: 235,
        }),
      },
      clock.ctx,
      REQUIRED,
    ),
  );
}

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('codes mandatory on call logs', () => {
  it('R1, R7: the system makes call logs without codes, whatever the setting', () => {
    expect(callLog().transactionCodes).toEqual([]);
    expect(callLog(testContext(), 'campaign').transactionCodes).toEqual([]);
  });

  it("R5: an agent's save of a call log without a code is refused on transactionCodes", () => {
    const clock = testContext();
    const task = callLog(clock);
    const error = refusal(() => editTask(task, { notes: 'Wants a refund' }, clock.ctx, REQUIRED));
    expect(error.issues).toEqual([{ path: 'transactionCodes', message: CODES_REQUIRED_MESSAGE }]);
    // Saving with nothing changed is still the agent saving the log.
    expect(refusal(() => editTask(task, {}, clock.ctx, REQUIRED)).issues[0]?.path).toBe(
      'transactionCodes',
    );
    // Removing the last code is refused the same way.
    const coded = onlyTask(editTask(task, { transactionCodes: ['SALE'] }, clock.ctx, REQUIRED));
    expect(() => editTask(coded, { transactionCodes: [] }, clock.ctx, REQUIRED)).toThrow(
      CODES_REQUIRED_MESSAGE,
    );
  });

  it('R5: with a code, or with codes optional, the agent saves the call log', () => {
    const clock = testContext();
    const task = callLog(clock);
    expect(
      onlyTask(editTask(task, { notes: 'n', transactionCodes: ['SALE'] }, clock.ctx, REQUIRED))
        .transactionCodes,
    ).toEqual(['SALE']);
    expect(onlyTask(editTask(task, { notes: 'n' }, clock.ctx, {})).notes).toBe('n');
  });

  it('R6: the system (wrap-up codes, replayed edits) is never held up by the rule', () => {
    const clock = testContext();
    const task = callLog(clock);
    const edited = onlyTask(
      editTask(task, { scheduledAt: '2026-03-03T10:00:00.000Z' }, clock.ctx, {
        ...REQUIRED,
        source: 'system',
      }),
    );
    expect(edited.transactionCodes).toEqual([]);
    expect(edited.loggedAt).toBeNull();
  });

  it('tasks that record no call need no code', () => {
    const clock = testContext();
    const task = onlyTask(createTask({ kind: 'email', subject: 'Quote' }, clock.ctx));
    expect(onlyTask(editTask(task, { notes: 'sent' }, clock.ctx, REQUIRED)).notes).toBe('sent');
  });
});

describe('logging a call', () => {
  it("the agent's first save logs the call, even when it changes nothing else", () => {
    const clock = testContext();
    const task = callLog(clock);
    expect(task.loggedAt).toBeNull();
    clock.advance(3);
    const result = editTask(task, {}, clock.as(OTHER_AGENT));
    const logged = onlyTask(result);
    expect(logged).toMatchObject({
      loggedAt: '2026-03-02T09:03:00.000Z',
      loggedBy: OTHER_AGENT,
      version: task.version + 1,
    });
    expect(result.history).toEqual([]);
    // It is sent to the server, as an edit with no changes, and needs the edit permission.
    expect(taskEditMutation(task.id, result.history, 'agent', true)?.args).toEqual({
      taskId: task.id,
      changes: {},
      base: {},
    });
    expect(editResultPermissions(task, result)).toEqual(['edit']);
    // A later save keeps when it was first logged, and a save with nothing new stores nothing.
    clock.advance(5);
    expect(onlyTask(editTask(logged, { notes: 'more' }, clock.ctx)).loggedAt).toBe(logged.loggedAt);
    expect(editTask(logged, {}, clock.ctx)).toEqual({ tasks: [], history: [] });
  });

  it('a call log without a code cannot become logged while codes are mandatory', () => {
    const clock = testContext();
    expect(() => editTask(callLog(clock), {}, clock.ctx, REQUIRED)).toThrow(ValidationError);
  });

  it("a pulled copy keeps the agent's unsent save logged", () => {
    const clock = testContext();
    const task = callLog(clock);
    const replayed = replayOnTask(
      task,
      { name: 'task.edit', args: { taskId: task.id, changes: {}, base: {} } },
      clock.ctx,
    );
    expect(replayed.loggedAt).toBe(clock.ctx.now);
    const system = replayOnTask(
      task,
      {
        name: 'task.edit',
        args: { taskId: task.id, changes: { transactionCodes: ['AMD'] }, source: 'system' },
      },
      clock.ctx,
    );
    expect(system.loggedAt).toBeNull();
  });
});
