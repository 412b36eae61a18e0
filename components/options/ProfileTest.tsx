import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { DomProfile } from '../../lib/domain/softphone-profile';
import { t } from '../../lib/i18n/translate';
import type { ProfileProbe } from '../../lib/softphone/probe-profile';
import type { ProfileTab, SoftphoneProfilesApi } from './softphone-profiles-api';

const STATE_TEXT = {
  'no-call': 'profileTestState_noCall',
  ringing: 'profileTestState_ringing',
  connected: 'profileTestState_connected',
} as const;

function ProbeResult({ probe }: { probe: ProfileProbe }) {
  const rows: [string, string, string | null][] = [
    ['state', t('profileTestCall'), t(STATE_TEXT[probe.state])],
    ['state-text', t('profileTestStateText'), probe.stateText],
    ['number', t('profileTestNumber'), probe.number],
    ['caller', t('profileTestCaller'), probe.callerName],
    ['transaction-id', t('profileTestTransactionId'), probe.transactionId],
    ['duration', t('profileTestDuration'), probe.duration],
  ];
  return (
    <div data-testid="probe-result">
      <dl class="probe">
        {rows.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-field={key}>{value ?? t('notFound')}</dd>
          </div>
        ))}
      </dl>
      {probe.brokenSelectors.length > 0 && (
        <p role="alert">{t('profileTestBroken', { keys: probe.brokenSelectors.join(', ') })}</p>
      )}
    </div>
  );
}

/** Picks an open tab of the profile's pages and shows what the profile detects there, as text. */
export function ProfileTest({ api, profile }: { api: SoftphoneProfilesApi; profile: DomProfile }) {
  const tabs = useSignal<ProfileTab[] | null>(null);
  const tabId = useSignal<number | null>(null);
  const probe = useSignal<ProfileProbe | null>(null);
  const error = useSignal<string | null>(null);

  const refresh = async () => {
    const found = await api.openTabsFor(profile);
    tabs.value = found;
    if (!found.some((tab) => tab.id === tabId.value)) tabId.value = found[0]?.id ?? null;
  };
  useEffect(() => {
    probe.value = null;
    void refresh();
  }, [profile]);

  const run = async () => {
    if (tabId.value === null) return;
    error.value = null;
    try {
      probe.value = await api.probe(tabId.value, profile);
    } catch (cause) {
      probe.value = null;
      error.value = t('profileTestFailed', {
        reason: cause instanceof Error ? cause.message : String(cause),
      });
    }
  };

  return (
    <section class="panel" aria-labelledby="profile-test-heading">
      <h3 id="profile-test-heading">{t('profileTestHeading')}</h3>
      {tabs.value !== null && tabs.value.length === 0 && <p>{t('profileTestNoTabs')}</p>}
      {tabs.value !== null && tabs.value.length > 0 && (
        <label>
          {t('profileTestTab')}
          <select
            name="test-tab"
            value={String(tabId.value ?? '')}
            onChange={(event) => {
              tabId.value = Number(event.currentTarget.value);
            }}
          >
            {tabs.value.map((tab) => (
              <option key={tab.id} value={String(tab.id)}>
                {tab.title || tab.url}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="actions">
        <button type="button" onClick={() => void refresh()}>
          {t('profileTestRefresh')}
        </button>
        <button type="button" disabled={tabId.value === null} onClick={() => void run()}>
          {t('profileTestRun')}
        </button>
      </div>
      {error.value && <p role="alert">{error.value}</p>}
      {probe.value && <ProbeResult probe={probe.value} />}
    </section>
  );
}
