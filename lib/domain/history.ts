import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';
import { TaskValuesSchema } from './task-values';

/** A value as it was before or after a change: any JSON the task held in that field. */
export const HistoryValueSchema = z.json();
export type HistoryValue = z.infer<typeof HistoryValueSchema>;

export const HistoryEventSchema = z.discriminatedUnion('type', [
  /** Carries the task's first values, so its history alone can rebuild it (R25). */
  z.object({ type: z.literal('created'), values: TaskValuesSchema }),
  /** `field` is a task value key (`subject`, `remindAt`) or `fields.<key>` for a custom field. */
  z.object({
    type: z.literal('changed'),
    field: z.string(),
    from: HistoryValueSchema,
    to: HistoryValueSchema,
  }),
  z.object({ type: z.literal('cloned_to'), childId: IdSchema }),
  z.object({
    type: z.literal('cloned_from'),
    parentId: IdSchema,
    parentNumber: z.number().int().nullable(),
  }),
  z.object({
    type: z.literal('parent_deleted'),
    parentId: IdSchema,
    parentNumber: z.number().int().nullable(),
  }),
  z.object({ type: z.literal('deleted') }),
  z.object({ type: z.literal('reminder_fired') }),
  z.object({ type: z.literal('reminder_snoozed'), until: TimestampSchema }),
  z.object({ type: z.literal('reminder_dismissed') }),
  z.object({
    type: z.literal('conflict_resolved'),
    field: z.string(),
    kept: HistoryValueSchema,
    overwritten: HistoryValueSchema,
  }),
]);
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

/** One line of a task's History tab (R25): who did what, when. */
export const HistoryEntrySchema = z.object({
  id: IdSchema,
  taskId: IdSchema,
  at: TimestampSchema,
  by: IdSchema,
  event: HistoryEventSchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
