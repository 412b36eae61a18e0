import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/** Offers to watch each known softphone the agent has not allowed yet. */
export function SoftphoneAccessBanner() {
  const state = useAppState();
  const pending = state.softphones.value.filter((softphone) => !softphone.granted);
  if (pending.length === 0) return null;
  return (
    <aside class="banner" aria-label={t('softphoneAccessTitle')}>
      {pending.map((softphone) => (
        <p key={softphone.id}>
          {t('softphoneAccessText', { name: softphone.name })}{' '}
          <button type="button" onClick={() => void state.allowSoftphone(softphone.id)}>
            {t('softphoneAccessAllow')}
          </button>
        </p>
      ))}
    </aside>
  );
}
