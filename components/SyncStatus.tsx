import { useEffect, useRef } from 'preact/hooks';
import type { MutationName } from '../lib/domain/sync-mutations';
import { formatDateTime, formatRecent, formatTaskNumber } from '../lib/i18n/format';
import type { MessageKey } from '../lib/i18n/messages-en';
import { t } from '../lib/i18n/translate';
import type { RefusedChange, SyncState } from '../lib/state/sync-state';
import type { SyncKind, SyncView } from '../lib/state/sync-view';
import { useOptionalSyncState } from './sync-context';

const MUTATION_WORDS: Record<MutationName, MessageKey> = {
  'task.create': 'mutation_task_create',
  'task.edit': 'mutation_task_edit',
  'task.setStatus': 'mutation_task_setStatus',
  'task.assign': 'mutation_task_assign',
  'task.schedule': 'mutation_task_schedule',
  'task.clone': 'mutation_task_clone',
  'task.delete': 'mutation_task_delete',
  'task.reminder': 'mutation_task_reminder',
  'customer.create': 'mutation_customer_create',
  'customer.edit': 'mutation_customer_edit',
  'customer.delete': 'mutation_customer_delete',
};

const EXPLANATIONS: Record<SyncKind, MessageKey> = {
  local: 'syncExplain_local',
  syncing: 'syncExplain_syncing',
  synced: 'syncExplain_synced',
  pending: 'syncExplain_pending',
  offline: 'syncExplain_offline',
  'signed-out-expired': 'syncExplain_expired',
  error: 'syncExplain_error',
  refused: 'syncExplain_refused',
};

/** The indicator's few words for each state. */
export function syncIndicatorText(view: SyncView): string {
  switch (view.kind) {
    case 'local':
      return t('sync_local');
    case 'syncing':
      return view.received === null
        ? t('sync_syncing')
        : t('sync_syncingInitial', { count: view.received.toLocaleString() });
    case 'synced':
      return view.lastSyncedAt
        ? t('sync_syncedAt', { time: formatRecent(view.lastSyncedAt) })
        : t('sync_synced');
    case 'pending':
      return t('sync_pending', { count: view.pending });
    case 'offline':
      return view.pending > 0
        ? t('sync_offlinePending', { count: view.pending })
        : t('sync_offline');
    case 'signed-out-expired':
      return t('sync_expired');
    case 'error':
      return t('sync_error');
    case 'refused':
      return t('sync_refused', { count: view.refused });
  }
}

function recordText(change: RefusedChange): string {
  const record = change.record;
  if (!record) return t('syncRefusedRecordGone');
  return record.entity === 'task'
    ? t('syncRefusedTask', { number: formatTaskNumber(record.number), subject: record.subject })
    : t('syncRefusedCustomer', { name: record.name });
}

function RefusedItem({ sync, change }: { sync: SyncState; change: RefusedChange }) {
  const confirming = sync.confirmingDiscard.value === change.id;
  const busy = sync.busy.value !== null;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) discardRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const headingId = `refused-${change.id}`;
  return (
    <li class="refused-change" aria-labelledby={headingId} data-testid="refused-change">
      <p id={headingId} class="refused-what">
        <strong>{recordText(change)}</strong> · {t(MUTATION_WORDS[change.name])}
      </p>
      <p class="refused-reason">{t('syncRefusedReason', { reason: change.reason })}</p>
      {change.errors.length > 0 && (
        <ul class="refused-errors">
          {change.errors.map((error) => (
            <li key={error.path}>
              {error.path}: {error.message}
            </li>
          ))}
        </ul>
      )}
      {confirming ? (
        <fieldset class="refused-confirm">
          <legend class="error">{t('syncDiscardWarning')}</legend>
          <button
            type="button"
            ref={confirmRef}
            class="danger"
            disabled={busy}
            onClick={() => void sync.confirmDiscard()}
          >
            {t('syncDiscardConfirm')}
          </button>
          <button type="button" onClick={() => sync.cancelDiscard()}>
            {t('syncDiscardKeep')}
          </button>
        </fieldset>
      ) : (
        <div class="refused-actions">
          {sync.canOpen(change) && (
            <button type="button" onClick={() => sync.open(change)}>
              {t('syncOpen')}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => void sync.retry(change.id)}>
            {t('syncRetry')}
          </button>
          <button
            type="button"
            ref={discardRef}
            disabled={busy}
            onClick={() => sync.askDiscard(change.id)}
          >
            {t('syncDiscard')}
          </button>
        </div>
      )}
    </li>
  );
}

function SyncDetails({
  sync,
  view,
  onClose,
}: {
  sync: SyncState;
  view: SyncView;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const refused = sync.refused.value;
  return (
    <div
      id="sync-details"
      class="sync-details"
      role="dialog"
      aria-labelledby="sync-details-heading"
      data-testid="sync-details"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && sync.confirmingDiscard.value === null) {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          sync.cancelDiscard();
        }
      }}
    >
      <h2 id="sync-details-heading" tabIndex={-1} ref={heading}>
        {t('syncDetailsHeading')}: {syncIndicatorText(view)}
      </h2>
      <p>{t(EXPLANATIONS[view.kind])}</p>
      <dl class="sync-facts">
        <dt>{t('syncPendingLabel')}</dt>
        <dd data-testid="sync-pending">{view.pending}</dd>
        <dt>{t('syncLastSyncedLabel')}</dt>
        <dd>{view.lastSyncedAt ? formatDateTime(view.lastSyncedAt) : t('syncNever')}</dd>
        {view.message && view.kind !== 'synced' && view.kind !== 'syncing' && (
          <>
            <dt>{t('syncProblemLabel')}</dt>
            <dd data-testid="sync-problem">{view.message}</dd>
          </>
        )}
      </dl>
      {sync.actionError.value && (
        <p class="error" role="alert">
          {t('syncActionFailed', { reason: sync.actionError.value })}
        </p>
      )}
      <div class="form-actions">
        {view.kind !== 'local' && view.kind !== 'signed-out-expired' && (
          <button
            type="button"
            class="primary"
            disabled={sync.busy.value !== null}
            onClick={() => void sync.syncNow()}
          >
            {sync.busy.value === 'sync' ? t('syncNowBusy') : t('syncNow')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('syncClose')}
        </button>
      </div>
      {refused.length > 0 && (
        <section aria-labelledby="sync-refused-heading">
          <h3 id="sync-refused-heading">
            {t('syncRefusedHeading')} ({refused.length})
          </h3>
          <ul class="refused-list">
            {refused.map((change) => (
              <RefusedItem key={change.id} sync={sync} change={change} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * Always in view: the sync state in a few words (synced, pending N, offline, refused N…); a
 * click or Enter opens the details with Sync now and the changes the server refused. Where the
 * page already says that work stays on this device, `showLocal={false}` leaves that state out.
 */
export function SyncStatus({ showLocal = true }: { showLocal?: boolean }) {
  const sync = useOptionalSyncState();
  const toggle = useRef<HTMLButtonElement>(null);
  if (!sync) return null;
  const view = sync.view.value;
  if (!view || (view.kind === 'local' && !showLocal)) return null;
  const open = sync.detailsOpen.value;
  const close = () => {
    sync.closeDetails();
    toggle.current?.focus();
  };
  return (
    <div class="sync-status" data-kind={view.kind}>
      <span role="status" aria-live="polite">
        <button
          type="button"
          ref={toggle}
          class="sync-indicator"
          data-testid="sync-status"
          data-kind={view.kind}
          aria-expanded={open}
          aria-controls="sync-details"
          aria-haspopup="dialog"
          title={t('syncDetailsLabel')}
          onClick={() => sync.toggleDetails()}
        >
          {syncIndicatorText(view)}
        </button>
      </span>
      {open && <SyncDetails sync={sync} view={view} onClose={close} />}
    </div>
  );
}
