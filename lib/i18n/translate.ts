import { MESSAGES_EN, type MessageKey } from './messages-en';

/**
 * Looks up a user-visible string and fills its `{placeholders}`. Kept in our own catalogue
 * (not browser.i18n) so components, the server and tests share one source of text.
 */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES_EN[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
