import { retryRejected } from '../../../lib/db/outbox-store';
import type { MessageHandler } from '../../../lib/messages/dispatch';
import { openBackgroundDb } from '../database';
import { backgroundSync, customerOpened, discardRefused, taskOpened } from '../sync';

export const handleSyncNow: MessageHandler<'sync/now'> = async () => {
  backgroundSync().now();
  return { ok: true };
};

export const handleSyncRetry: MessageHandler<'sync/retry'> = async (message) => {
  await retryRejected(openBackgroundDb(), message.mutationId);
  backgroundSync().now();
  return { ok: true };
};

export const handleSyncDiscard: MessageHandler<'sync/discard'> = async (message) => {
  await discardRefused(message.mutationId);
  return { ok: true };
};

export const handleCustomerOpened: MessageHandler<'sync/customer-opened'> = async (message) => {
  return { ok: true, received: await customerOpened(message.customerId) };
};

export const handleTaskOpened: MessageHandler<'sync/task-opened'> = async (message) => {
  return { ok: true, current: await taskOpened(message.taskId) };
};
