/**
 * The text of the softphone page's "call logged, open Wrapup" prompt, sent by the background with
 * its reply to an ended call. The content script shows it as text only and checks its shape,
 * without zod, which would weigh on every softphone page.
 */
export interface PanelPromptText {
  text: string;
  open: string;
  dismiss: string;
}

const MAX_TEXT = 200;

export function panelPromptTextOptional(reply: unknown): PanelPromptText | null {
  const prompt = (reply as { panelPrompt?: unknown } | null)?.panelPrompt;
  if (typeof prompt !== 'object' || prompt === null) return null;
  const { text, open, dismiss } = prompt as Record<string, unknown>;
  const fits = (value: unknown): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
  return fits(text) && fits(open) && fits(dismiss) ? { text, open, dismiss } : null;
}
