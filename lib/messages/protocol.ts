import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { SNOOZE_CHOICES_MINUTES } from '../reminders/snooze-choices';
import { CallEventSchema } from '../softphone/call-event';

/**
 * Every message the background accepts, one schema each. Content scripts run beside hostile page
 * code, so the background parses each message with these before acting on it.
 */
export const MessageSchemas = {
  'call-event': z.object({ type: z.literal('call-event'), event: CallEventSchema }).strict(),
  /**
   * Extension pages only: tasks were written, so the next reminder may have moved. The background
   * also notices writes by itself while it runs; this message wakes it when it was stopped.
   */
  'reminders/changed': z.object({ type: z.literal('reminders/changed') }).strict(),
  /** Extension pages only: the agent picked a snooze length in the side panel. */
  'reminders/snooze': z
    .object({
      type: z.literal('reminders/snooze'),
      taskId: IdSchema,
      minutes: z.literal(SNOOZE_CHOICES_MINUTES),
    })
    .strict(),
  /**
   * From the softphone page's "open Wrapup" prompt, sent on the agent's click: Chrome lets the
   * background open the side panel only while that click's user gesture lasts.
   */
  'side-panel/open': z.object({ type: z.literal('side-panel/open') }).strict(),
  /**
   * Extension pages only: the side panel's "Task for this page", for the active tab of the
   * panel's window (lib/messages/page-task-outcome.ts has the reply).
   */
  'quick-task/page': z
    .object({ type: z.literal('quick-task/page'), windowId: z.number().int().nonnegative() })
    .strict(),
  /** From a softphone page: which profile watches it (lib/softphone/profile-reply.ts). */
  'softphone/profile': z.object({ type: z.literal('softphone/profile') }).strict(),
  /**
   * Extension pages only: the agent signed in or out (the session in the store changed), so the
   * sync loop starts, stops or switches server.
   */
  'session:changed': z.object({ type: z.literal('session:changed') }).strict(),
  /** Extension pages only: sync now (the server signalled changes, or the agent asked). */
  'sync/now': z.object({ type: z.literal('sync/now') }).strict(),
  /** Extension pages only: send a change the server refused again (after fixing the cause). */
  'sync/retry': z.object({ type: z.literal('sync/retry'), mutationId: IdSchema }).strict(),
  /** Extension pages only: drop a refused change; its record returns to the server's copy. */
  'sync/discard': z.object({ type: z.literal('sync/discard'), mutationId: IdSchema }).strict(),
  /** Extension pages only: the agent opened a customer, whose tasks join the working set. */
  'sync/customer-opened': z
    .object({ type: z.literal('sync/customer-opened'), customerId: IdSchema })
    .strict(),
  /** Extension pages only: the agent opened a task from a server search; pulls keep it current. */
  'sync/task-opened': z.object({ type: z.literal('sync/task-opened'), taskId: IdSchema }).strict(),
} as const;

export type MessageType = keyof typeof MessageSchemas;

/** Messages that change the agent's own data: a content script beside a web page may not send them. */
export const EXTENSION_PAGE_MESSAGES: ReadonlySet<MessageType> = new Set([
  'reminders/changed',
  'reminders/snooze',
  'sync/now',
  'sync/retry',
  'sync/discard',
  'sync/customer-opened',
  'sync/task-opened',
  'session:changed',
]);
export type Message<T extends MessageType = MessageType> = z.infer<(typeof MessageSchemas)[T]>;

export const AnyMessageSchema = z.discriminatedUnion('type', [
  MessageSchemas['call-event'],
  MessageSchemas['reminders/changed'],
  MessageSchemas['reminders/snooze'],
  MessageSchemas['side-panel/open'],
  MessageSchemas['quick-task/page'],
  MessageSchemas['softphone/profile'],
  MessageSchemas['sync/now'],
  MessageSchemas['sync/retry'],
  MessageSchemas['sync/discard'],
  MessageSchemas['sync/customer-opened'],
  MessageSchemas['sync/task-opened'],
  MessageSchemas['session:changed'],
]);
