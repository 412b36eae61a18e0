import { z } from 'zod';
import {
  AnyMessageSchema,
  EXTENSION_PAGE_MESSAGES,
  type Message,
  type MessageType,
} from './protocol';

/** What the background knows about who sent a message; taken from the browser, not the page. */
export interface MessageSender {
  extensionId: string | undefined;
  url: string | undefined;
  tabId: number | undefined;
  windowId: number | undefined;
  /** Sent by one of our own pages (side panel, options), not by a content script on a web page. */
  fromExtensionPage: boolean;
}

export type MessageHandler<T extends MessageType> = (
  message: Message<T>,
  sender: MessageSender,
) => Promise<unknown>;

export type MessageHandlers = { [T in MessageType]: MessageHandler<T> };

export class RejectedMessageError extends Error {
  override readonly name = 'RejectedMessageError';
}

const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * Validates an incoming message and runs its handler. Anything malformed is refused with a
 * reason that names what was wrong, never acted on.
 */
export async function dispatchMessage(
  handlers: MessageHandlers,
  raw: unknown,
  sender: MessageSender,
  ownExtensionId: string,
): Promise<unknown> {
  if (sender.extensionId !== ownExtensionId) {
    throw new RejectedMessageError('message from another extension');
  }
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    throw new RejectedMessageError('message is not JSON');
  }
  if (size > MAX_MESSAGE_BYTES) {
    throw new RejectedMessageError(`message too large (${size} bytes)`);
  }
  const parsed = AnyMessageSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RejectedMessageError(`malformed message: ${z.prettifyError(parsed.error)}`);
  }
  if (EXTENSION_PAGE_MESSAGES.has(parsed.data.type) && !sender.fromExtensionPage) {
    throw new RejectedMessageError(`${parsed.data.type} is accepted from extension pages only`);
  }
  const handler = handlers[parsed.data.type] as MessageHandler<MessageType>;
  return handler(parsed.data, sender);
}
