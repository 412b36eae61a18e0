interface ChromeHostAccessRequests {
  addHostAccessRequest?(request: { tabId: number }): Promise<void>;
}

type ChromeGlobal = { chrome?: { permissions?: ChromeHostAccessRequests } };

/**
 * Asks Chrome (133+) to offer the agent, in its toolbar and extensions menu, to let Wrapup read
 * the site in this tab. Wrapup need not know the tab's address for it, which it may not see
 * without access, and gets exactly that site, never more. False where the browser has no such
 * request (Firefox) or refuses it (a page no extension may read).
 */
export async function requestSiteAccess(tabId: number): Promise<boolean> {
  const permissions = (globalThis as ChromeGlobal).chrome?.permissions;
  if (!permissions?.addHostAccessRequest) return false;
  try {
    await permissions.addHostAccessRequest({ tabId });
    return true;
  } catch (error) {
    console.warn('[wrapup] the browser refused to ask for site access', error);
    return false;
  }
}
