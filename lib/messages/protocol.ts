import { z } from 'zod';
import { CallEventSchema } from '../softphone/call-event';

/**
 * Every message the background accepts, one schema each. Content scripts run beside hostile page
 * code, so the background parses each message with these before acting on it.
 */
export const MessageSchemas = {
  'call-event': z.object({ type: z.literal('call-event'), event: CallEventSchema }).strict(),
} as const;

export type MessageType = keyof typeof MessageSchemas;
export type Message<T extends MessageType = MessageType> = z.infer<(typeof MessageSchemas)[T]>;

export const AnyMessageSchema = z.discriminatedUnion('type', [MessageSchemas['call-event']]);
