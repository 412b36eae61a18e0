import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../../lib/i18n/translate';
import type { AgentPreferences } from '../../lib/preferences/agent-preferences';
import { FieldError, invalidProps } from '../task-form/field-error';

export interface AgentPreferencesApi {
  load(): Promise<AgentPreferences>;
  save(preferences: AgentPreferences): Promise<void>;
}

/** The agent's own settings: their reminder lead and which notifications they get. */
export function AgentPreferencesForm({ api }: { api: AgentPreferencesApi }) {
  const form = useSignal<(Omit<AgentPreferences, 'reminderLeadMinutes'> & { lead: string }) | null>(
    null,
  );
  const error = useSignal('');
  const status = useSignal('');

  useEffect(() => {
    void api.load().then(({ reminderLeadMinutes, ...rest }) => {
      form.value = {
        ...rest,
        lead: reminderLeadMinutes === null ? '' : String(reminderLeadMinutes),
      };
    });
  }, [api, form]);

  const current = form.value;
  if (!current) return null;
  const save = async (event: Event) => {
    event.preventDefault();
    const lead = current.lead.trim();
    if (lead !== '' && (!/^\d+$/.test(lead) || Number(lead) > 24 * 60)) {
      error.value = t('settingsLeadInvalid');
      return;
    }
    const { lead: _typed, ...rest } = current;
    await api.save({ ...rest, reminderLeadMinutes: lead === '' ? null : Number(lead) });
    error.value = '';
    status.value = t('preferencesSaved');
  };
  return (
    <section aria-labelledby="preferences-heading" data-testid="agent-preferences">
      <h2 id="preferences-heading">{t('preferencesHeading')}</h2>
      <output aria-live="polite">{status.value}</output>
      <form class="panel" aria-labelledby="preferences-heading" noValidate onSubmit={save}>
        <div class="field">
          <label for="preferences-lead">{t('preferencesLead')}</label>
          <input
            id="preferences-lead"
            inputMode="numeric"
            placeholder={t('preferencesLeadPlaceholder')}
            value={current.lead}
            onInput={(event) => {
              if (form.value) form.value = { ...form.value, lead: event.currentTarget.value };
            }}
            {...invalidProps('preferences.lead', error.value || undefined)}
          />
          <FieldError path="preferences.lead" message={error.value || undefined} />
        </div>
        {(['reminderNotifications', 'callLogNotifications'] as const).map((name) => (
          <div class="field field-checkbox" key={name}>
            <label>
              <input
                type="checkbox"
                name={name}
                checked={current[name]}
                onChange={(event) => {
                  if (form.value)
                    form.value = { ...form.value, [name]: event.currentTarget.checked };
                }}
              />{' '}
              {t(`preferences_${name}`)}
            </label>
          </div>
        ))}
        <button type="submit">{t('preferencesSave')}</button>
      </form>
    </section>
  );
}
