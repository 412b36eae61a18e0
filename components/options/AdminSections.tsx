import { t } from '../../lib/i18n/translate';
import type { AdminScreensApi } from './admin-api';
import { CallLogSettings } from './CallLogSettings';
import { TaskFields } from './TaskFields';
import { TransactionCodes } from './TransactionCodes';
import { Users } from './Users';

/** Who is looking at the options page, as far as the administrator's screens care. */
export type OptionsAccess =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'agent' }
  | { kind: 'administrator'; api: AdminScreensApi };

/**
 * The administrator's screens, for administrators only; the server refuses agents anyway, this
 * only keeps screens they cannot use out of their way.
 */
export function AdminSections({ access }: { access: OptionsAccess }) {
  if (access.kind === 'loading') return null;
  if (access.kind === 'signed-out') {
    return (
      <p class="note" data-testid="admin-signed-out">
        {t('adminNeedsSignIn')}
      </p>
    );
  }
  if (access.kind === 'agent') return null;
  const { api } = access;
  return (
    <div data-testid="admin-sections">
      <TaskFields api={api.fields} />
      <TransactionCodes api={api.codes} settingsApi={api.settings} />
      <Users api={api.users} selfId={api.selfId} />
      <CallLogSettings api={api.settings} />
    </div>
  );
}
