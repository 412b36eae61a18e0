import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/**
 * Always in view: where the agent's work is kept. Everything is stored on this device first, so
 * going offline loses nothing; the sync status joins here once the panel syncs.
 */
export function StoreStatus() {
  const state = useAppState();
  const online = state.online.value;
  return (
    <span
      role="status"
      class={online ? 'store-status' : 'store-status offline'}
      data-testid="store-status"
    >
      {online ? t('storeStatusLocal') : t('storeStatusOffline')}
    </span>
  );
}
