import type { WrapupDb } from '../../../lib/db/database';
import { createAppState } from '../../../lib/state/app-state';
import { memoryDraftStore } from '../../../lib/state/draft-store';
import { AGENT } from '../db/fixtures';

/** The panel's state over a test store, with in-memory drafts and no softphones. */
export function testAppState(db: WrapupDb, now = () => new Date('2026-11-29T10:00:00Z')) {
  const drafts = memoryDraftStore();
  const state = createAppState({
    db,
    agentId: AGENT,
    drafts,
    now,
    softphoneAccess: {
      list: async () => [],
      request: async () => false,
      onChange: () => () => undefined,
    },
  });
  state.screenShown();
  return { state, drafts };
}

/** Resolves once the signal holds something other than undefined. */
export async function loaded<T>(read: () => T | undefined, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('signal never loaded');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
