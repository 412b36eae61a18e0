import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { errorMessage } from '../../lib/domain/error-message';
import {
  type DomProfile,
  isDomProfile,
  type SoftphoneProfile,
} from '../../lib/domain/softphone-profile';
import { t } from '../../lib/i18n/translate';
import { draftFromProfile, type ProfileDraft } from '../../lib/softphone/profile-draft';
import { ChangedMeanwhileError } from './changed-meanwhile-error';
import { ProfileEditor } from './ProfileEditor';
import { ProfileTest } from './ProfileTest';
import type { SoftphoneProfilesApi } from './softphone-profiles-api';

const EMPTY_DRAFT: ProfileDraft = {
  id: '',
  name: '',
  matches: '',
  adapter: 'dom',
  selectors: {},
  states: { connected: '^connected', outbound: '' },
};

interface Listed {
  profile: SoftphoneProfile;
  builtIn: boolean;
  allowed: boolean;
}

function ProfileRow(props: {
  entry: Listed;
  readOnly: boolean;
  onEdit: () => void;
  onCopy: () => void;
  onDelete: () => void;
  onTest: () => void;
  onAllow: () => void;
}) {
  const { profile, builtIn, allowed } = props.entry;
  return (
    <li data-profile-id={profile.id}>
      <div>
        <strong>{profile.name}</strong> {builtIn && <span class="tag">{t('profileBuiltIn')}</span>}{' '}
        {!isDomProfile(profile) && <span class="tag">{t('profileWebRtcOnly')}</span>}{' '}
        <span class="tag" data-field="access">
          {allowed ? t('profileAllowed') : t('profileNotAllowed')}
        </span>
        <div class="mono">{profile.matches.join(', ')}</div>
      </div>
      <div class="actions">
        {!allowed && (
          <button type="button" onClick={props.onAllow}>
            {t('profileAllow')}
          </button>
        )}
        {/* A WebRTC-only profile reads nothing on the page, so there is nothing to test. */}
        {isDomProfile(profile) && (
          <button type="button" onClick={props.onTest}>
            {t('profileTestRun')}
          </button>
        )}
        {props.readOnly ? null : builtIn ? (
          <button type="button" onClick={props.onCopy}>
            {t('profileCopy')}
          </button>
        ) : (
          <>
            <button type="button" onClick={props.onEdit}>
              {t('profileEdit')}
            </button>
            <button type="button" onClick={props.onDelete}>
              {t('profileDelete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

const SCOPE_NOTE = {
  'contact-center-edit': 'profilesScopeContactCenterEdit',
  'contact-center-read': 'profilesScopeContactCenterRead',
  browser: 'profilesScopeBrowser',
} as const;

/**
 * Softphone profiles: the built-in ones and the scope's own — the contact center's, which an
 * administrator adds, edits and tests and an agent only reads, allows and tests; or, signed out,
 * this browser's.
 */
export function SoftphoneProfiles({ api }: { api: SoftphoneProfilesApi }) {
  const readOnly = api.scope === 'contact-center-read';
  const listed = useSignal<Listed[]>([]);
  const editing = useSignal<{ draft: ProfileDraft; key: number } | null>(null);
  const testing = useSignal<DomProfile | null>(null);
  const status = useSignal<string>('');
  const failure = useSignal<string>('');

  const reload = async () => {
    const user = await api.load().catch((error: unknown) => {
      failure.value = errorMessage(error);
      return [];
    });
    const entries = [
      ...user.map((profile) => ({ profile, builtIn: false })),
      ...api.builtIn.map((profile) => ({ profile, builtIn: true })),
    ];
    listed.value = await Promise.all(
      entries.map(async (entry) => ({ ...entry, allowed: await api.isAllowed(entry.profile) })),
    );
  };
  useEffect(() => {
    editing.value = null;
    testing.value = null;
    void reload();
  }, [api]);

  const edit = (draft: ProfileDraft) => {
    testing.value = null;
    editing.value = { draft, key: Date.now() };
  };

  const allow = async (profile: SoftphoneProfile) => {
    // The request comes first, while the click still counts as the agent's gesture.
    await api.requestAccess(profile).catch(() => false);
    await reload();
  };

  const save = async (profile: SoftphoneProfile) => {
    const allowed = await api.requestAccess(profile).catch(() => false);
    try {
      await api.save(profile);
    } catch (error) {
      // The editor stays open with everything typed, beside the reason; when another
      // administrator saved first, the list shows theirs so the save can go on top of it.
      if (error instanceof ChangedMeanwhileError) {
        failure.value = error.message;
        await reload();
        return;
      }
      failure.value = t('profileNotSaved', { reason: errorMessage(error) });
      return;
    }
    failure.value = '';
    editing.value = null;
    testing.value = isDomProfile(profile) ? profile : null;
    status.value = allowed
      ? t('profileSaved', { name: profile.name })
      : t('profileSavedNotAllowed', { name: profile.name });
    await reload();
  };

  const remove = async (profile: SoftphoneProfile) => {
    try {
      await api.remove(profile.id);
    } catch (error) {
      if (error instanceof ChangedMeanwhileError) {
        failure.value = error.message;
        await reload();
        return;
      }
      failure.value = t('profileNotDeleted', { reason: errorMessage(error) });
      return;
    }
    failure.value = '';
    if (testing.value?.id === profile.id) testing.value = null;
    status.value = t('profileDeleted', { name: profile.name });
    await reload();
  };

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('profilesHeading')}</h2>
      <p>{t('profilesIntro')}</p>
      <p class="note" data-testid="profiles-scope">
        {t(SCOPE_NOTE[api.scope])}
      </p>
      <output>{status.value}</output>
      {failure.value && (
        <p class="error" role="alert">
          {failure.value}
        </p>
      )}
      <ul class="profiles" data-testid="profiles">
        {listed.value.map((entry) => (
          <ProfileRow
            key={`${entry.builtIn}-${entry.profile.id}`}
            entry={entry}
            readOnly={readOnly}
            onEdit={() => edit(draftFromProfile(entry.profile))}
            onCopy={() =>
              edit({
                ...draftFromProfile(entry.profile),
                id: '',
                name: `${entry.profile.name} (copy)`,
              })
            }
            onDelete={() => void remove(entry.profile)}
            onTest={() => {
              editing.value = null;
              if (isDomProfile(entry.profile)) testing.value = entry.profile;
            }}
            onAllow={() => void allow(entry.profile)}
          />
        ))}
      </ul>
      {!readOnly && (
        <button type="button" onClick={() => edit(EMPTY_DRAFT)}>
          {t('profileAdd')}
        </button>
      )}
      {editing.value && !readOnly && (
        <ProfileEditor
          key={editing.value.key}
          initial={editing.value.draft}
          onSave={(profile) => void save(profile)}
          onCancel={() => {
            editing.value = null;
          }}
        />
      )}
      {testing.value && <ProfileTest api={api} profile={testing.value} />}
    </section>
  );
}
