import { z } from 'zod';
import { FieldKeySchema } from './field-key';
import { IdSchema, TimestampSchema } from './ids';
import { LIMITS } from './limits';
import { TaskKindSchema, TaskOriginSchema, TaskStatusSchema } from './task-kind';
import { isWebAddress, WEB_ADDRESS_MESSAGE } from './web-address';

export const CallDirectionSchema = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof CallDirectionSchema>;

/** What the softphone told us about the interaction a call log records. */
export const CallDetailsSchema = z.object({
  /** The remote number as E.164 when it could be normalised, else as shown by the softphone. */
  number: z.string().max(LIMITS.phone).nullable(),
  callerName: z.string().max(LIMITS.name).nullable(),
  direction: CallDirectionSchema,
  queue: z.string().max(LIMITS.name).nullable(),
  campaign: z.string().max(LIMITS.name).nullable(),
  startedAt: TimestampSchema.nullable(),
  connectedAt: TimestampSchema.nullable(),
  endedAt: TimestampSchema.nullable(),
  durationSeconds: z.number().int().min(0).nullable(),
});
export type CallDetails = z.infer<typeof CallDetailsSchema>;

/** A custom field's stored value; its definition decides which shape is valid. */
export const FieldValueSchema = z.union([
  z.string().max(LIMITS.longText),
  z.number(),
  z.boolean(),
  z.array(z.string().max(LIMITS.shortText)).max(LIMITS.listItems),
  z.null(),
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

export const TaskSchema = z.object({
  id: IdSchema,
  /** Allocated per contact center by the server on first sync; null shows as "new". */
  number: z.number().int().positive().nullable(),
  kind: TaskKindSchema,
  origin: TaskOriginSchema,
  subject: z.string().max(LIMITS.subject),
  notes: z.string().max(LIMITS.notes),
  status: TaskStatusSchema,
  customerId: IdSchema.nullable(),
  assigneeId: IdSchema.nullable(),
  transactionId: z.string().max(LIMITS.transactionId).nullable(),
  /** Transaction code ids (codes, e.g. "SALE", "AMD"), shown comma-separated (R5). */
  transactionCodes: z.array(z.string().max(LIMITS.code)).max(LIMITS.listItems),
  call: CallDetailsSchema.nullable(),
  dueAt: TimestampSchema.nullable(),
  scheduledAt: TimestampSchema.nullable(),
  /** Minutes before scheduledAt; null means the contact center's default lead time. */
  reminderLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable(),
  remindAt: TimestampSchema.nullable(),
  fields: z.record(FieldKeySchema, FieldValueSchema),
  /** The original task this one was cloned from (one level only, R14). */
  parentId: IdSchema.nullable(),
  /** Kept after the parent is deleted, so the child can still name it (R18). */
  parentNumber: z.number().int().positive().nullable(),
  /** Where a task made from a web page came from. */
  reference: z
    .object({
      title: z.string().max(LIMITS.shortText),
      url: z.string().max(LIMITS.url).refine(isWebAddress, WEB_ADDRESS_MESSAGE),
    })
    .nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  createdBy: IdSchema,
  updatedBy: IdSchema,
  version: z.number().int().min(0),
  deletedAt: TimestampSchema.nullable(),
  /**
   * When and by whom a call log was first saved by an agent, which takes it off the "to log"
   * queue on every device (see call-log.ts). Null until then, and for tasks stored before it.
   */
  loggedAt: TimestampSchema.nullable().default(null),
  loggedBy: IdSchema.nullable().default(null),
});
export type Task = z.infer<typeof TaskSchema>;
