import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Ctrl+Enter (⌘+Enter) saves the open task wherever the focus is in the panel, not only inside the
 * form: opening a log from the To log queue removes the button that had the focus, which leaves
 * it on the page's body, and the keys must still save (with the form's checks). Another form in
 * the panel (sign-in, the account strip) keeps its own keys.
 */
export function useSaveShortcut(
  form: RefObject<HTMLFormElement>,
  active: boolean,
  save: () => void,
): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) {
        return;
      }
      const owner = event.target instanceof Element ? event.target.closest('form') : null;
      if (owner && owner !== form.current) return;
      event.preventDefault();
      save();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [active, save]);
}
