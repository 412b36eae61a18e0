import { normalizePhone } from '../domain/phone';
import type { CallEvent } from './call-event';

/**
 * The call with its number in E.164 when it is a valid number, else as the page spelled it.
 * Done in the background, not the content script: a customer is matched by E.164 (R3), and the
 * phone number library is too heavy for every softphone page.
 */
export function withNormalizedNumber(event: CallEvent): CallEvent {
  if (!event.number) return event;
  const number = normalizePhone(event.number);
  return number && number !== event.number ? { ...event, number } : event;
}
