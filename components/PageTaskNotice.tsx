import { t } from '../lib/i18n/translate';
import type { PageTaskNotice as Notice } from '../lib/state/page-task';
import { useAppState } from './app-context';

const TEXT: Record<Notice, Parameters<typeof t>[0]> = {
  'access-requested': 'pageTaskAccessRequested',
  'needs-access': 'pageTaskNeedsAccess',
  'no-page': 'pageTaskNoPage',
  failed: 'pageTaskFailed',
};

/** Why "Task for this page" did not open the form, and what the agent can do about it. */
export function PageTaskNotice() {
  const { pageTask } = useAppState();
  const notice = pageTask.notice.value;
  if (notice === null) return null;
  return (
    <aside class="banner" role="status" aria-label={t('pageTask')}>
      <p>
        {t(TEXT[notice])}{' '}
        <button type="button" onClick={() => pageTask.dismiss()}>
          {t('pageTaskDismiss')}
        </button>
      </p>
    </aside>
  );
}
