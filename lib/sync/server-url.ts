import { t } from '../i18n/translate';

export type ServerUrlResult =
  | {
      ok: true;
      /** Origin plus base path, no trailing slash: what Session.serverUrl holds. */
      serverUrl: string;
      /** What the host permission is asked for. */
      origin: string;
    }
  | { ok: false; message: string };

/**
 * Checks the server address an agent typed and normalises it. A bare host name means https.
 * Kept free of zod: the side panel checks it on the click, before asking for the host
 * permission, which must happen while the click's user gesture lasts.
 */
export function parseServerUrl(raw: string): ServerUrlResult {
  const typed = raw.trim();
  if (!typed) return { ok: false, message: t('serverUrlRequired') };
  let url: URL;
  try {
    url = new URL(typed.includes('://') ? typed : `https://${typed}`);
  } catch {
    return { ok: false, message: t('serverUrlInvalid') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: t('serverUrlScheme') };
  }
  if (!url.hostname) return { ok: false, message: t('serverUrlInvalid') };
  if (url.username || url.password) return { ok: false, message: t('serverUrlCredentials') };
  if (url.search || url.hash) return { ok: false, message: t('serverUrlQuery') };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, serverUrl: url.origin + path, origin: url.origin };
}
