import { z } from 'zod';
import { CustomerChangesSchema, CustomerDraftSchema } from './customer-changes';
import { IdSchema, TimestampSchema } from './ids';
import { TaskChangesSchema, TaskDraftSchema } from './task-draft';
import { TaskStatusSchema } from './task-kind';

/*
 * The sync wire format: what the extension's outbox sends to POST /v1/sync/push.
 *
 *   POST /v1/sync/push   { "mutations": [Mutation, …] }        (1 to 100, applied in order)
 *   Mutation           = { "id": UUID, "name": MutationName, "args": {…} }
 *   → 200              { "results": [MutationResult, …], "cursor": "…" }   (same order)
 *   MutationResult     = { "id", "status": "applied", "duplicate"?: true, "task"?: {id, number, version},
 *                          "customer"?: {id, version} }
 *                      | { "id", "status": "rejected", "duplicate"?: true, "code", "reason", "errors"? }
 *
 * The mutation id is the idempotency key: a mutation is applied at most once, and its id is
 * recorded in the same transaction as its effect. Sending it again (a retry after a lost reply)
 * returns the first result with "duplicate": true and changes nothing. A rejected mutation is
 * recorded too, so the outbox can drop it and show the agent the reason; it is never applied
 * later. Mutations of one push run in order in one transaction; a rejected one has changed
 * nothing, the others still apply. One that fails unexpectedly is rejected with code `internal`
 * and the rest of the push is applied without it. `cursor` is the revision of the push's own
 * effects; the client keeps its stored cursor and simply pulls.
 *
 * Rejection codes: validation (errors: [{path, message}]), forbidden (the permission's reason),
 * not_found, conflict (a deleted task, an id already taken), confirmation_required (R17: the task
 * has clones; send task.delete again with confirmed: true), unknown_mutation, internal.
 *
 * The server stamps times (createdAt, updatedAt, history `at`) with its own clock and allocates
 * task numbers; everything else comes from the args below, checked by the lib/domain rules.
 */

/** `task.create` — R9/R10: a new task, with the id its creator gave it (UUIDv7). */
const TaskCreateArgs = TaskDraftSchema.extend({ id: IdSchema }).strict();

/**
 * `task.edit` — R21/R25: only the fields in `changes` change. `base` holds, for those fields,
 * the values the client saw before its edit (custom fields under `base.fields`): when the
 * server's value differs, another agent changed the same field meanwhile; this later write wins
 * and a `conflict_resolved` history entry keeps the overwritten value. Different fields edited
 * by two agents both win, because each edit carries only its own fields. An agent's edit of a
 * call log is their save of it (lib/domain/call-log.ts): the first one sets the task's loggedAt
 * and loggedBy, even with empty `changes`, and each is refused (validation, on
 * `transactionCodes`) when codes are mandatory and the log would have none.
 */
const TaskEditArgs = z.strictObject({
  taskId: IdSchema,
  changes: TaskChangesSchema.strict(),
  base: z.record(z.string().max(64), z.unknown()).optional(),
  /** 'system' when the softphone reported the change (wrap-up codes): see ChangeSource. */
  source: z.enum(['agent', 'system']).optional(),
});

/** `task.setStatus` — needs change_status (R24). */
const TaskSetStatusArgs = z.strictObject({ taskId: IdSchema, status: TaskStatusSchema });

/** `task.assign` — to a user of the contact center, or to nobody (null). */
const TaskAssignArgs = z.strictObject({ taskId: IdSchema, assigneeId: IdSchema.nullable() });

/** `task.schedule` — R11: a call time (or null) and the reminder lead (null: the default). */
const TaskScheduleArgs = z.strictObject({
  taskId: IdSchema,
  scheduledAt: TimestampSchema.nullable(),
  reminderLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable(),
});

/** `task.clone` — R12–R16/R19: the clone's id is made by the client. */
const TaskCloneArgs = z.strictObject({ sourceId: IdSchema, cloneId: IdSchema });

/** `task.delete` — R17/R18: `confirmed` once the agent saw the warning about the clones. */
const TaskDeleteArgs = z.strictObject({ taskId: IdSchema, confirmed: z.boolean().optional() });

/** `task.reminder` — a reminder popped up, was snoozed or dismissed: history only. */
const TaskReminderArgs = z.strictObject({
  taskId: IdSchema,
  event: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('reminder_fired') }),
    z.strictObject({ type: z.literal('reminder_snoozed'), until: TimestampSchema }),
    z.strictObject({ type: z.literal('reminder_dismissed') }),
  ]),
});

/** `customer.create` — with the id its creator gave it; phones in any format become E.164. */
const CustomerCreateArgs = CustomerDraftSchema.extend({ id: IdSchema }).strict();

/** `customer.edit` — only the values in `changes` change. */
const CustomerEditArgs = z.strictObject({
  customerId: IdSchema,
  changes: CustomerChangesSchema,
});

/** `customer.delete` — a tombstone. */
const CustomerDeleteArgs = z.strictObject({ customerId: IdSchema });

/** Every mutation the server accepts, by name, with the schema of its args. */
export const MUTATION_ARGS = {
  'task.create': TaskCreateArgs,
  'task.edit': TaskEditArgs,
  'task.setStatus': TaskSetStatusArgs,
  'task.assign': TaskAssignArgs,
  'task.schedule': TaskScheduleArgs,
  'task.clone': TaskCloneArgs,
  'task.delete': TaskDeleteArgs,
  'task.reminder': TaskReminderArgs,
  'customer.create': CustomerCreateArgs,
  'customer.edit': CustomerEditArgs,
  'customer.delete': CustomerDeleteArgs,
} as const;

export type MutationName = keyof typeof MUTATION_ARGS;
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATION_ARGS)[N]>;

/** Most mutations one push may carry. */
export const MAX_MUTATIONS_PER_PUSH = 100;

/** The envelope; args are checked per mutation, so one bad mutation rejects only itself. */
export const MutationSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(64),
  args: z.record(z.string(), z.unknown()),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushBodySchema = z.strictObject({
  mutations: z.array(MutationSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
});

export const REJECTION_CODES = [
  'validation',
  'forbidden',
  'not_found',
  'conflict',
  'confirmation_required',
  'unknown_mutation',
  'internal',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });

/** One mutation's answer in a push: applied (maybe a replay), or rejected with the reason. */
export const MutationResultSchema = z.union([
  z.object({
    id: z.string(),
    status: z.literal('applied'),
    duplicate: z.literal(true).optional(),
    task: z
      .object({ id: z.string(), number: z.number().int().nullable(), version: z.number() })
      .optional(),
    customer: z.object({ id: z.string(), version: z.number() }).optional(),
  }),
  z.object({
    id: z.string(),
    status: z.literal('rejected'),
    duplicate: z.literal(true).optional(),
    code: z.enum(REJECTION_CODES),
    reason: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
    cloneCount: z.number().int().optional(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushAnswerSchema = z.object({ results: z.array(MutationResultSchema) });

/** What a pulled change is about (server/sync/pull.ts). */
export const CHANGE_ENTITIES = [
  'task',
  'history',
  'customer',
  'fieldDefinition',
  'transactionCode',
  'settings',
  'user',
] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/** One pulled change; `data` is checked against its entity's schema when it is applied. */
export const PulledChangeSchema = z.object({
  entity: z.enum(CHANGE_ENTITIES),
  id: z.string(),
  revision: z.string(),
  data: z.unknown(),
});
export type PulledChange = z.infer<typeof PulledChangeSchema>;

/** GET /v1/sync/pull's answer. */
export const PullPageSchema = z.object({
  changes: z.array(PulledChangeSchema),
  cursor: z.string().regex(/^\d{1,18}(\.\d{1,9})?$/),
  hasMore: z.boolean(),
});
export type PullPage = z.infer<typeof PullPageSchema>;
