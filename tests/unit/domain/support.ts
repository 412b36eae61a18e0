import type { FieldDefinition } from '../../../lib/domain/field-definition';
import type { HistoryEntry } from '../../../lib/domain/history';
import type { Id } from '../../../lib/domain/ids';
import type { OperationContext, OperationResult } from '../../../lib/domain/operation';
import type { Task } from '../../../lib/domain/task';
import type { User } from '../../../lib/domain/user';

export const AGENT: Id = '01900000-0000-7000-8000-000000000001';
export const OTHER_AGENT: Id = '01900000-0000-7000-8000-000000000002';
export const CUSTOMER: Id = '01900000-0000-7000-8000-0000000000c1';

/** Ids that say in which order they were made, and a clock the test moves. */
export function testContext(start = '2026-03-02T09:00:00.000Z', actorId: Id = AGENT) {
  let counter = 0;
  let now = Date.parse(start);
  const ctx: OperationContext = {
    actorId,
    get now() {
      return new Date(now).toISOString();
    },
    newId: () => {
      counter += 1;
      return `01900000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
    },
  };
  return {
    ctx,
    /** The same ids and clock, acting as someone else. */
    as(otherActor: Id): OperationContext {
      return { actorId: otherActor, newId: ctx.newId, now: ctx.now };
    },
    advance(minutes: number) {
      now += minutes * 60_000;
    },
  };
}

export function onlyTask(result: OperationResult): Task {
  if (result.tasks.length !== 1) throw new Error(`Expected one task, got ${result.tasks.length}`);
  return result.tasks[0]!;
}

/** Frozen all the way down, so an operation that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A store the size of a test: the tasks by id and every history entry, in order. */
export class MemoryStore {
  readonly tasks = new Map<Id, Task>();
  readonly history: HistoryEntry[] = [];

  apply(result: OperationResult): void {
    for (const task of result.tasks) this.tasks.set(task.id, task);
    this.history.push(...result.history);
  }

  get(id: Id): Task {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`No task ${id}`);
    return task;
  }

  historyOf(id: Id): HistoryEntry[] {
    return this.history.filter((entry) => entry.taskId === id);
  }

  live(): Task[] {
    return [...this.tasks.values()].filter((task) => task.deletedAt === null);
  }

  find = (id: Id): Task | undefined => this.tasks.get(id);
}

export function user(overrides: Partial<User> = {}): User {
  return {
    id: AGENT,
    name: 'Ada Agent',
    email: 'ada@example.com',
    role: 'agent',
    permissions: ['view', 'create', 'edit', 'delete', 'change_status'],
    active: true,
    ...overrides,
  };
}

let definitionCount = 0;

export function definition(overrides: Partial<FieldDefinition> & Pick<FieldDefinition, 'key'>) {
  definitionCount += 1;
  const field: FieldDefinition = {
    id: `01900000-0000-7000-9000-${definitionCount.toString(16).padStart(12, '0')}`,
    label: overrides.key,
    type: 'text',
    required: false,
    options: [],
    defaultValue: null,
    order: 0,
    archived: false,
    appliesTo: [],
    ...overrides,
  };
  return field;
}
