import { z } from 'zod';
import { TimestampSchema } from './ids';

export const SyncProblemKindSchema = z.enum([
  'offline',
  'timeout',
  'unauthorized',
  'forbidden',
  'bad-request',
  'server',
]);

/**
 * What the sync loop last knew, as it stores it for every screen to show (lib/state). How many
 * changes wait, and which were refused, the outbox itself tells.
 */
export const SyncStatusSchema = z.object({
  running: z.boolean(),
  /** Why the last run stopped short; null when it went through. */
  problem: z.object({ kind: SyncProblemKindSchema, message: z.string() }).nullable(),
  lastSyncedAt: TimestampSchema.nullable(),
  /** The first sync after sign-in: how many records arrived, and whether all have. */
  initial: z.object({ received: z.number().int().min(0), done: z.boolean() }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const IDLE_SYNC_STATUS: SyncStatus = {
  running: false,
  problem: null,
  lastSyncedAt: null,
  initial: null,
};
