/**
 * An http(s) address. Anything else (`javascript:`, `data:`, `file:`) is refused: these
 * addresses end up as links in extension pages, and only web pages may be opened from there.
 */
export function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

export const WEB_ADDRESS_MESSAGE = 'Must be a web address starting with http:// or https://.';
