import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { IdSchema } from '../../lib/domain/ids';
import { assertCan } from '../../lib/domain/permissions';
import { TaskChangesSchema, TaskDraftSchema } from '../../lib/domain/task-draft';
import { TaskKindSchema, TaskStatusSchema } from '../../lib/domain/task-kind';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/problem-error';
import { readJson, readQuery } from '../http/read-json';
import { idParam, prefixQuery, writeAs } from '../http/route-helpers';
import { loadHistory, loadTask } from '../store/tasks';
import { cloneTaskAs, createTaskAs, deleteTaskAs, editTaskAs } from '../tasks/task-operations';

const commaList = z
  .string()
  .max(500)
  .transform((text) => text.split(','));

export const TaskListQuerySchema = z.strictObject({
  status: commaList.pipe(z.array(TaskStatusSchema)).optional(),
  kind: commaList.pipe(z.array(TaskKindSchema)).optional(),
  /** A user id, or `me`. */
  assigneeId: z.union([z.literal('me'), IdSchema]).optional(),
  customerId: IdSchema.optional(),
  parentId: IdSchema.optional(),
  /** Words found in the subject or notes (prefixes match). */
  q: z.string().max(200).optional(),
  includeDeleted: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'Must be a cursor from a previous page.')
    .optional(),
});

const CloneBodySchema = z.strictObject({ id: IdSchema.optional() });

/** /v1/tasks: list (filters, paging), get, history, create, edit, clone, delete. */
export function tasksRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.get('/', async (c) => {
    const { tenantId, user } = c.get('actor');
    assertCan(user, 'view');
    const query = readQuery(c, TaskListQuerySchema);
    const limit = query.limit ?? 50;
    let select = db
      .selectFrom('tasks')
      .select(['data', 'number'])
      .where('tenant_id', '=', tenantId)
      .orderBy('number', 'desc')
      .limit(limit + 1);
    if (query.includeDeleted !== 'true') select = select.where('deleted_at', 'is', null);
    if (query.status) select = select.where('status', 'in', query.status);
    if (query.kind) select = select.where('kind', 'in', query.kind);
    if (query.assigneeId) {
      select = select.where(
        'assignee_id',
        '=',
        query.assigneeId === 'me' ? user.id : query.assigneeId,
      );
    }
    if (query.customerId) select = select.where('customer_id', '=', query.customerId);
    if (query.parentId) select = select.where('parent_id', '=', query.parentId);
    if (query.cursor) select = select.where('number', '<', query.cursor);
    const words = query.q ? prefixQuery(query.q) : null;
    if (words) select = select.where(sql<boolean>`search @@ to_tsquery('simple', ${words})`);
    const rows = await select.execute();
    const page = rows.slice(0, limit);
    return c.json({
      items: page.map((row) => row.data),
      nextCursor: rows.length > limit ? String(page.at(-1)?.number) : null,
    });
  });

  route.get('/:id', async (c) => {
    const { tenantId, user } = c.get('actor');
    const task = await loadTask(db, tenantId, idParam(c, 'The task'));
    if (!task) throw notFound('The task');
    assertCan(user, 'view', task);
    return c.json(task);
  });

  route.get('/:id/history', async (c) => {
    const { tenantId, user } = c.get('actor');
    const id = idParam(c, 'The task');
    const task = await loadTask(db, tenantId, id);
    if (!task) throw notFound('The task');
    assertCan(user, 'view', task);
    return c.json({ items: await loadHistory(db, tenantId, id) });
  });

  route.post('/', async (c) => {
    const draft = await readJson(c, TaskDraftSchema.strict());
    const task = await writeAs(db, c, (writer, user) => createTaskAs(writer, user, draft));
    return c.json(task, 201);
  });

  route.patch('/:id', async (c) => {
    const id = idParam(c, 'The task');
    const changes = await readJson(c, TaskChangesSchema.strict());
    return c.json(await writeAs(db, c, (writer, user) => editTaskAs(writer, user, id, changes)));
  });

  route.post('/:id/clone', async (c) => {
    const id = idParam(c, 'The task');
    const body = await readJson(c, CloneBodySchema, { optional: true });
    const clone = await writeAs(db, c, (writer, user) => cloneTaskAs(writer, user, id, body.id));
    return c.json(clone, 201);
  });

  route.delete('/:id', async (c) => {
    const id = idParam(c, 'The task');
    const confirmed = c.req.query('confirmed') === 'true';
    return c.json(
      await writeAs(db, c, (writer, user) => deleteTaskAs(writer, user, id, confirmed)),
    );
  });

  return route;
}
