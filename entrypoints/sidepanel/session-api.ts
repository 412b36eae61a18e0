import { browser } from 'wxt/browser';
import type { WrapupDb } from '../../lib/db/database';
import type { SessionApi } from '../../lib/state/session-state';
import { removeAllDrafts } from './draft-storage';

/** Tells the background (its sync loop) that the agent signed in or out. */
function announceSessionChange(): Promise<unknown> {
  return browser.runtime
    .sendMessage({ type: 'session:changed' })
    .catch((error: unknown) => console.warn('[wrapup] session:changed not delivered', error));
}

/**
 * The account UI's access to the store, the server and the browser, for the side panel and the
 * options page. The store modules (they bring zod) load here, after the first render; sign-in's
 * own code loads once the agent submits.
 */
export async function browserSessionApi(db: WrapupDb): Promise<SessionApi> {
  const [{ loadSession }, { unsentChangeCount }] = await Promise.all([
    import('../../lib/db/session-store'),
    import('../../lib/db/local-data'),
  ]);
  const sync = () => import('../../lib/sync/sign-in');
  return {
    load: () => loadSession(db),
    // Only the server's own origin: no broad host permission (DESIGN.md, least privilege).
    requestHostAccess: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
    async signIn(input) {
      const session = await (await sync()).signIn(input, { db });
      await announceSessionChange();
      return session;
    },
    async signOut(options) {
      const result = await (await sync()).signOut({ db }, options);
      if (options.clearLocalData) await removeAllDrafts();
      await announceSessionChange();
      return result;
    },
    unsentChanges: () => unsentChangeCount(db),
  };
}
