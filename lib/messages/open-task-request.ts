import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/ids';

/**
 * "Show this task in the side panel": left in extension storage by the background when the agent
 * clicks a reminder (or its Call now has no number to dial), and taken by the side panel when it
 * opens or, if already open, as soon as it changes. A null task id means "the list of due calls"
 * (the grouped past-due reminder). Storage, not a message, because the panel may not be open yet.
 */
export const OpenTaskRequestSchema = z
  .object({ taskId: IdSchema.nullable(), at: TimestampSchema })
  .strict();
export type OpenTaskRequest = z.infer<typeof OpenTaskRequestSchema>;

export const openTaskRequestItem = storage.defineItem<OpenTaskRequest | null>(
  'local:openTaskRequest',
  { fallback: null },
);

export async function requestOpenTask(taskId: string | null, now: Date): Promise<void> {
  await openTaskRequestItem.setValue(
    OpenTaskRequestSchema.parse({ taskId, at: now.toISOString() }),
  );
}

/** The stored request, or null when there is none or it is not one we understand. */
export function parseOpenTaskRequest(value: unknown): OpenTaskRequest | null {
  const parsed = OpenTaskRequestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
