import type { PanelPromptText } from '../../lib/messages/panel-prompt';

const HOST_ATTRIBUTE = 'data-wrapup-prompt';
/** Long enough to notice after wrap-up on the phone; the log itself stays in the panel's queue. */
const SHOW_FOR_MS = 60_000;

const STYLE = `
  :host { all: initial; }
  .prompt {
    position: fixed; right: 16px; bottom: 16px; z-index: 2147483647;
    display: flex; gap: 8px; align-items: center; max-width: 360px;
    padding: 10px 12px; border-radius: 8px;
    font: 14px/1.4 system-ui, sans-serif; color: #fff; background: #1f2937;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.3);
  }
  button {
    font: inherit; padding: 4px 10px; border-radius: 6px; cursor: pointer;
    border: 1px solid #fff; color: #1f2937; background: #fff;
  }
  button.secondary { color: #fff; background: transparent; }
  button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
`;

/**
 * Tells the agent on the softphone page that the call was logged and offers to open the side
 * panel, which is closed. It lives in a closed shadow root so the page's styles and scripts
 * cannot reach into it, holds text only, and never takes focus: the agent may be typing in the
 * softphone. Its buttons are in the page's tab order and Escape dismisses it.
 */
export function showCallLoggedPrompt(options: {
  words: PanelPromptText;
  openPanel: () => Promise<boolean>;
  signal: AbortSignal;
}): void {
  document.querySelector(`[${HOST_ATTRIBUTE}]`)?.remove();
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'closed' });

  const style = document.createElement('style');
  style.textContent = STYLE;
  const prompt = document.createElement('div');
  prompt.className = 'prompt';
  prompt.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = options.words.text;
  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = options.words.open;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'secondary';
  dismiss.textContent = options.words.dismiss;
  prompt.append(text, open, dismiss);
  root.append(style, prompt);

  const remove = () => {
    clearTimeout(timer);
    host.remove();
  };
  const timer = setTimeout(remove, SHOW_FOR_MS);
  options.signal.addEventListener('abort', remove, { once: true });
  // The message must leave during the click: Chrome opens the panel only on a user gesture.
  open.addEventListener('click', () => {
    options
      .openPanel()
      .then((opened) => {
        if (opened) remove();
      })
      .catch((error: unknown) => console.warn('[wrapup] could not open the side panel', error));
  });
  dismiss.addEventListener('click', remove);
  prompt.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') remove();
  });
  document.documentElement.append(host);
}
