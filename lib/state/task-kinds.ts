import type { TaskKind } from '../domain/task-kind';

/**
 * The kinds of lib/domain/task-kind's TASK_KINDS, restated for the list's kind filter: that
 * module builds zod schemas, which the first render does without. A unit test keeps them equal.
 */
export const LIST_KINDS: readonly TaskKind[] = [
  'call',
  'email',
  'meeting',
  'chat',
  'voicemail',
  'web_callback',
  'other',
];
