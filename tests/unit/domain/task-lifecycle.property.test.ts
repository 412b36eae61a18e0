import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneTask } from '../../../lib/domain/clone-task';
import { ConfirmationRequiredError } from '../../../lib/domain/confirmation-required-error';
import { createTask } from '../../../lib/domain/create-task';
import { deleteTask } from '../../../lib/domain/delete-task';
import { editTask } from '../../../lib/domain/edit-task';
import type { OperationResult } from '../../../lib/domain/operation';
import { replayHistory } from '../../../lib/domain/replay-history';
import { TaskDeletedError } from '../../../lib/domain/task-deleted-error';
import type { TaskChanges, TaskDraft } from '../../../lib/domain/task-draft';
import { TASK_KINDS, TASK_STATUSES } from '../../../lib/domain/task-kind';
import { taskValues } from '../../../lib/domain/task-values';
import { ValidationError } from '../../../lib/domain/validation-error';
import { AGENT, CUSTOMER, MemoryStore, OTHER_AGENT, testContext } from './support';

/** An instant, written in UTC or with an offset: both are the same value to the rules. */
const instant = fc
  .tuple(fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-01-01') }), fc.boolean())
  .map(([ms, withOffset]) =>
    withOffset
      ? `${new Date(ms + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`
      : new Date(ms).toISOString(),
  );

const subject = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');
const fieldValue = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.constant(null),
);
const fields = fc.dictionary(fc.constantFrom('alpha', 'beta', 'gamma'), fieldValue, {
  maxKeys: 3,
});

const draft: fc.Arbitrary<TaskDraft> = fc.record(
  {
    kind: fc.constantFrom(...TASK_KINDS),
    subject,
    notes: fc.string({ maxLength: 40 }),
    customerId: fc.constantFrom(null, CUSTOMER),
    assigneeId: fc.constantFrom(null, AGENT, OTHER_AGENT),
    transactionId: fc.option(fc.string({ maxLength: 10 })),
    transactionCodes: fc.subarray(['SALE', 'AMD', 'CALLBACK']),
    dueAt: fc.option(instant),
    scheduledAt: fc.option(instant),
    reminderLeadMinutes: fc.option(fc.integer({ min: 0, max: 120 })),
    fields,
    origin: fc.constantFrom('manual' as const, 'system' as const, 'campaign' as const),
  },
  { requiredKeys: ['kind', 'subject'] },
);

const changes: fc.Arbitrary<TaskChanges> = fc.record(
  {
    kind: fc.constantFrom(...TASK_KINDS),
    subject: fc.oneof(
      { weight: 9, arbitrary: subject },
      { weight: 1, arbitrary: fc.constant(' ') },
    ),
    notes: fc.string({ maxLength: 40 }),
    status: fc.constantFrom(...TASK_STATUSES),
    customerId: fc.constantFrom(null, CUSTOMER),
    assigneeId: fc.constantFrom(null, AGENT, OTHER_AGENT),
    transactionCodes: fc.subarray(['SALE', 'AMD', 'CALLBACK']),
    dueAt: fc.option(instant),
    scheduledAt: fc.option(instant),
    reminderLeadMinutes: fc.option(fc.integer({ min: 0, max: 120 })),
    fields,
  },
  { requiredKeys: [] },
);

type Step =
  | { type: 'create'; draft: TaskDraft }
  | { type: 'edit'; pick: number; changes: TaskChanges; by: string }
  | { type: 'clone'; pick: number }
  | { type: 'delete'; pick: number; confirmed: boolean }
  | { type: 'number'; pick: number };

/** Small picks, so the same few tasks are cloned, re-cloned and deleted again and again. */
const pick = fc.nat({ max: 4 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ type: fc.constant('create' as const), draft }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('edit' as const),
      pick,
      changes,
      by: fc.constantFrom(AGENT, OTHER_AGENT),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('clone' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('delete' as const), pick, confirmed: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('number' as const), pick }) },
);
const scenario = fc.tuple(draft, fc.array(step, { minLength: 5, maxLength: 30 }));

/** Plays a scenario on a store, checking after each step that refused operations wrote nothing. */
function play(first: TaskDraft, steps: readonly Step[], check: (store: MemoryStore) => void): void {
  const clock = testContext();
  const store = new MemoryStore();
  let nextNumber = 1;
  store.apply(createTask(first, clock.ctx));
  check(store);
  for (const current of steps) {
    clock.advance(7);
    const all = [...store.tasks.values()];
    const target = all[('pick' in current ? current.pick : 0) % all.length]!;
    const before = structuredClone(all);
    let result: OperationResult | null = null;
    try {
      switch (current.type) {
        case 'create':
          result = createTask(current.draft, clock.ctx);
          break;
        case 'edit':
          result = editTask(target, current.changes, clock.as(current.by));
          break;
        case 'clone':
          result = cloneTask(target, clock.ctx, store.find);
          break;
        case 'delete':
          result = deleteTask(target, store.live(), clock.ctx, { confirmed: current.confirmed });
          break;
        case 'number':
          // The server numbers a task on first sync: bookkeeping, not a value in its history.
          if (target.number === null) {
            result = { tasks: [{ ...target, number: nextNumber++ }], history: [] };
          }
          break;
      }
    } catch (error) {
      const expected =
        (error instanceof TaskDeletedError && target.deletedAt !== null) ||
        (error instanceof ConfirmationRequiredError && current.type === 'delete') ||
        (error instanceof ValidationError && current.type === 'edit');
      if (!expected) throw error;
      expect([...store.tasks.values()]).toEqual(before);
    }
    if (result) store.apply(result);
    check(store);
  }
}

describe('task lifecycle properties', () => {
  it('R14: cloning never produces a grandchild, whatever is cloned, edited or deleted', () => {
    fc.assert(
      fc.property(scenario, ([first, steps]) => {
        play(first, steps, (store) => {
          for (const task of store.live()) {
            if (task.parentId === null) continue;
            expect(store.get(task.parentId).parentId).toBeNull();
          }
        });
      }),
    );
  });

  it('R18: deleting a parent never leaves a dangling link', () => {
    fc.assert(
      fc.property(scenario, ([first, steps]) => {
        play(first, steps, (store) => {
          for (const task of store.live()) {
            if (task.parentId === null) continue;
            expect(store.tasks.get(task.parentId)?.deletedAt).toBeNull();
          }
        });
      }),
    );
  });

  it("R25: replaying a task's history from creation gives its current values", () => {
    fc.assert(
      fc.property(scenario, ([first, steps]) => {
        play(first, steps, (store) => {
          for (const task of store.tasks.values()) {
            expect(replayHistory(store.historyOf(task.id))).toEqual(taskValues(task));
          }
        });
      }),
    );
  });
});
