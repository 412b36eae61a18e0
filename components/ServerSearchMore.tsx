import { t } from '../lib/i18n/translate';
import { useOptionalServerSearch } from './server-search-context';

/**
 * Under the local results: this device holds the agent's working set, so a search may continue
 * on the server. On request the server's matches join the list, marked "from server".
 */
export function ServerSearchMore() {
  const server = useOptionalServerSearch();
  if (!server?.available.value) return null;
  const status = server.status.value;
  const count = server.extra.value.length;
  return (
    <div class="server-search" data-testid="server-search">
      {status === 'done' ? (
        <p class="hint" role="status">
          {count === 0 ? t('searchServerNone') : t('searchServerFound', { count })}
        </p>
      ) : (
        <button
          type="button"
          class="link-button"
          aria-busy={status === 'loading'}
          disabled={status === 'loading'}
          onClick={() => void server.fetch()}
        >
          {status === 'loading' ? t('searchServerBusy') : t('searchServer')}
        </button>
      )}
      {server.error.value && (
        <p class="error" role="alert">
          {t('searchServerFailed', { reason: server.error.value })}
        </p>
      )}
      {server.openError.value && (
        <p class="error" role="alert">
          {t('fromServerOpenFailed', { reason: server.openError.value })}
        </p>
      )}
    </div>
  );
}
