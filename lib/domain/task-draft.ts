import { z } from 'zod';
import { canonicalTimestamp } from './canonical-timestamp';
import { IdSchema, TimestampSchema } from './ids';
import { CallDetailsSchema, TaskSchema } from './task';

const InstantSchema = TimestampSchema.transform(canonicalTimestamp);

/** Blank subjects say nothing in a list of tasks; whatever else was typed is kept as typed. */
const SubjectSchema = TaskSchema.shape.subject.refine((subject) => subject.trim().length > 0, {
  message: 'Subject is required.',
});

/** The values an agent fills in on the task form; instants are stored in one canonical form. */
const TaskFormSchema = TaskSchema.pick({
  kind: true,
  subject: true,
  notes: true,
  status: true,
  customerId: true,
  assigneeId: true,
  transactionId: true,
  transactionCodes: true,
  call: true,
  dueAt: true,
  scheduledAt: true,
  reminderLeadMinutes: true,
  fields: true,
  reference: true,
}).extend({
  subject: SubjectSchema,
  dueAt: InstantSchema.nullable(),
  scheduledAt: InstantSchema.nullable(),
  call: CallDetailsSchema.extend({
    startedAt: InstantSchema.nullable(),
    connectedAt: InstantSchema.nullable(),
    endedAt: InstantSchema.nullable(),
  }).nullable(),
});

/**
 * A new task as submitted (R9, R10): kind and subject are required, everything else defaults.
 * A clone is made by cloneTask, never from a draft, so 'clone' is no origin a draft may claim.
 * New tasks always start open.
 */
export const TaskDraftSchema = TaskFormSchema.omit({ status: true })
  .partial()
  .required({ kind: true, subject: true })
  .extend({
    /** The id its creator gave it, when a task made elsewhere (offline, say) is created again. */
    id: IdSchema.optional(),
    origin: z.enum(['manual', 'system', 'campaign']).optional(),
  });
export type TaskDraft = z.input<typeof TaskDraftSchema>;

/**
 * An edit: only the values present change; `fields` holds only the custom fields that change.
 * The call facts and the transaction id come from the contact center and are not edited, except
 * `callNumber`: the number of a call the softphone never showed (seen through WebRTC alone),
 * which the agent types in once (E.164).
 */
export const TaskChangesSchema = TaskFormSchema.omit({ transactionId: true, call: true })
  .partial()
  .extend({ callNumber: z.string().regex(/^\+[1-9]\d{5,14}$/, 'Must be an E.164 number.') })
  .partial();
export type TaskChanges = z.input<typeof TaskChangesSchema>;
