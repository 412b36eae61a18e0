import { browser } from 'wxt/browser';
import type { DraftStore } from '../../lib/state/draft-store';

const PREFIX = 'draft:';

/** Drafts in the extension's local storage: they outlive the panel and a browser crash. */
export const browserDraftStore: DraftStore = {
  async load(key) {
    const stored = await browser.storage.local.get(PREFIX + key);
    return stored[PREFIX + key];
  },
  async save(key, value) {
    await browser.storage.local.set({ [PREFIX + key]: value });
  },
  async remove(key) {
    await browser.storage.local.remove(PREFIX + key);
  },
};

/** Every draft of this browser: clearing local data on sign-out takes what was typed too. */
export async function removeAllDrafts(): Promise<void> {
  const all = await browser.storage.local.get();
  await browser.storage.local.remove(Object.keys(all).filter((key) => key.startsWith(PREFIX)));
}
