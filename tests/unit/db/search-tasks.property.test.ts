import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTasks, type TaskSearchFilters } from '../../../lib/db/queries/search-tasks';
import type { TaskSort } from '../../../lib/db/queries/task-sort';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Task } from '../../../lib/domain/task';
import { TASK_KINDS, TASK_STATUSES } from '../../../lib/domain/task-kind';
import { freshDb, makeTask } from './fixtures';

/** Few words, some starting others, so postings are long and prefixes ambiguous. */
const VOCABULARY = ['call', 'callback', 'card', 'refund', 'ref', 'order', 'zoe'];
const BASE = Date.UTC(2026, 0, 1);
const minutes = (n: number) => new Date(BASE + n * 60_000).toISOString();

const taskShape = fc.record({
  subject: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 3 }),
  notes: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 4 }),
  upper: fc.boolean(),
  // Mostly open, so one word's postings in one status outgrow the index's first read.
  status: fc.oneof(
    { weight: 6, arbitrary: fc.constant('open' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...TASK_STATUSES) },
  ),
  kind: fc.constantFrom('call', 'email'),
  created: fc.integer({ min: 0, max: 50 }),
  updated: fc.integer({ min: 0, max: 50 }),
  due: fc.option(fc.integer({ min: 0, max: 50 })),
  scheduled: fc.option(fc.integer({ min: 0, max: 50 })),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});
type TaskShape = typeof taskShape extends fc.Arbitrary<infer T> ? T : never;

function toTask(n: number, shape: TaskShape): Task {
  const text = (words: string[]) => {
    const joined = words.join(n % 2 ? ', ' : ' - ');
    return shape.upper ? joined.toUpperCase() : joined;
  };
  return makeTask(n, {
    subject: text(shape.subject),
    notes: text(shape.notes),
    status: shape.status,
    kind: shape.kind,
    createdAt: minutes(shape.created),
    updatedAt: minutes(shape.updated),
    dueAt: shape.due === null ? null : minutes(shape.due),
    scheduledAt: shape.scheduled === null ? null : minutes(shape.scheduled),
    deletedAt: shape.deleted ? minutes(60) : null,
  });
}

const query = fc.array(
  fc
    .tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 8 }))
    .map(([word, length]) => word.slice(0, length)),
  { minLength: 0, maxLength: 3 },
);

const filters: fc.Arbitrary<TaskSearchFilters> = fc.record(
  {
    statuses: fc.subarray([...TASK_STATUSES], { minLength: 1 }),
    kinds: fc.subarray([...TASK_KINDS], { minLength: 1 }),
  },
  { requiredKeys: [] },
);

/** The specification, written plainly: words as a reader splits them, the orders spelled out. */
function expected(
  tasks: readonly Task[],
  words: readonly string[],
  filter: TaskSearchFilters,
  sort: TaskSort,
): Task[] {
  const wordsOf = (task: Task) => `${task.subject} ${task.notes}`.toLowerCase().split(/[^a-z]+/);
  const agenda = (task: Task) =>
    Math.min(
      ...[task.dueAt, task.scheduledAt].map((at) =>
        at ? Date.parse(at) : Number.POSITIVE_INFINITY,
      ),
    );
  const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : 1);
  const order: Record<TaskSort, (a: Task, b: Task) => number> = {
    updated_desc: (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || byId(a, b),
    created_desc: (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b, a),
    due_asc: (a, b) => (agenda(a) === agenda(b) ? byId(a, b) : agenda(a) < agenda(b) ? -1 : 1),
  };
  return tasks
    .filter((task) => task.deletedAt === null)
    .filter((task) => words.every((word) => wordsOf(task).some((w) => w.startsWith(word))))
    .filter((task) => !filter.statuses || filter.statuses.includes(task.status))
    .filter((task) => !filter.kinds || filter.kinds.includes(task.kind))
    .sort(order[sort]);
}

describe('searchTasks (property)', () => {
  it('R21: search finds every task whose text contains the query words as word prefixes, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskShape, { maxLength: 400, size: 'max' }),
        fc.array(fc.tuple(fc.nat(), taskShape), { maxLength: 12 }),
        query,
        filters,
        fc.constantFrom<TaskSort>('updated_desc', 'created_desc', 'due_asc'),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        async (shapes, laterEdits, words, filter, sort, offset, limit) => {
          const db = await freshDb();
          const tasks = shapes.map((shape, index) => toTask(index + 1, shape));
          await writeOperation(db, { tasks });
          await catchUpSearchIndex(db);
          // Changes after the indexer ran: search must see them as they are now.
          const current = new Map(tasks.map((task) => [task.id, task]));
          for (const [pick, shape] of laterEdits) {
            if (tasks.length === 0) break;
            const n = (pick % tasks.length) + 1;
            const edited = toTask(n, shape);
            current.set(edited.id, edited);
            await writeOperation(db, { tasks: [edited] });
          }

          const result = await searchTasks(db, words.join(' '), filter, { sort, offset, limit });
          const all = expected([...current.values()], words, filter, sort);
          expect(result.tasks.map((task) => task.id)).toEqual(
            all.slice(offset, offset + limit).map((task) => task.id),
          );
          expect(result.hasMore).toBe(all.length > offset + limit);
          expect(result.indexComplete).toBe(true);
          db.close();
        },
      ),
      // A failure shrinks slowly over databases this size: report the smallest case found by then.
      { numRuns: 60, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
    );
  }, 150_000);
});
