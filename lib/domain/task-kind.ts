import { z } from 'zod';

/** The interaction kinds of R9, plus the voice kinds the softphone produces (R1). */
export const TASK_KINDS = [
  'call',
  'email',
  'meeting',
  'chat',
  'voicemail',
  'web_callback',
  'other',
] as const;
export const TaskKindSchema = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKindSchema>;

/** Kinds an agent picks when creating a task by hand (R9). */
export const MANUAL_TASK_KINDS = ['call', 'email', 'meeting', 'chat', 'other'] as const;

/** Voice interactions: the ones that produce call logs (R1). */
export const VOICE_TASK_KINDS: readonly TaskKind[] = ['call', 'voicemail', 'web_callback'];

export const TASK_ORIGINS = ['system', 'manual', 'campaign', 'clone'] as const;
export const TaskOriginSchema = z.enum(TASK_ORIGINS);
export type TaskOrigin = z.infer<typeof TaskOriginSchema>;

export const TASK_STATUSES = ['open', 'in_progress', 'completed', 'cancelled'] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
