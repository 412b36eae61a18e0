import type { DomProfile } from '../domain/softphone-profile';

/** What the background sends a softphone tab to place a call there (a reminder's Call now). */
export interface DialRequest {
  type: 'softphone/dial';
  number: string;
}

const DIALABLE = /^\+?[\d\s().-]{3,40}$/;

/** The request, if that is what the message is; checked without zod to keep the page bundle small. */
export function dialRequestOptional(message: unknown): DialRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, number } = message as Record<string, unknown>;
  if (type !== 'softphone/dial' || typeof number !== 'string' || !DIALABLE.test(number)) {
    return null;
  }
  return { type, number };
}

/**
 * Types the number into the softphone's dial field and presses its dial button, as the agent
 * would, so the softphone places the call itself. False when the profile has no click-to-dial or
 * the page does not show it (busy on a call, another screen).
 */
export function dialOnPage(root: Document, profile: DomProfile, number: string): boolean {
  const { dialInput, dialButton } = profile.selectors;
  if (!dialInput || !dialButton) return false;
  const input = root.querySelector(dialInput);
  const button = root.querySelector(dialButton);
  if (!(input instanceof HTMLInputElement) || !(button instanceof HTMLElement)) return false;
  if (input.disabled || (button instanceof HTMLButtonElement && button.disabled)) return false;
  // Pages built with frameworks track the value through the setter and input events.
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setValue?.call(input, number);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  button.click();
  return true;
}
