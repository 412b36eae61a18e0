import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { PERMISSIONS, type Permission, type Role, type User } from '../../lib/domain/user';
import { t } from '../../lib/i18n/translate';
import { errorsByField } from '../../lib/state/field-definition-form';
import type { AdminResult, UserChangesInput } from '../../lib/sync/admin-api';
import { FieldError, invalidProps } from '../task-form/field-error';
import type { AdminScreensApi } from './admin-api';

function PermissionBoxes({
  idPrefix,
  chosen,
  onChange,
}: {
  idPrefix: string;
  chosen: readonly Permission[];
  onChange: (permissions: Permission[]) => void;
}) {
  return (
    <>
      {PERMISSIONS.map((permission) => (
        <label key={permission} for={`${idPrefix}-${permission}`}>
          <input
            id={`${idPrefix}-${permission}`}
            type="checkbox"
            name="permissions"
            value={permission}
            checked={chosen.includes(permission)}
            onChange={(event) =>
              onChange(
                event.currentTarget.checked
                  ? [...chosen, permission]
                  : chosen.filter((other) => other !== permission),
              )
            }
          />{' '}
          {t(`permission_${permission}`)}
        </label>
      ))}
    </>
  );
}

/**
 * One user: permissions, role, a new password, deactivation; the server's refusals (giving up
 * your own administrator role, deactivating yourself) shown here.
 */
function UserRow({
  user,
  isSelf,
  onChange,
}: {
  user: User;
  isSelf: boolean;
  onChange: (changes: UserChangesInput, done: string) => Promise<AdminResult<User>>;
}) {
  const permissions = useSignal<Permission[]>(user.permissions);
  const password = useSignal('');
  const resetting = useSignal(false);
  const message = useSignal('');
  const passwordError = useSignal('');
  const prefix = `user-${user.id}`;
  const send = async (changes: UserChangesInput, done: string) => {
    const result = await onChange(changes, done);
    message.value = result.ok ? '' : result.message;
    if (!result.ok) passwordError.value = result.fields.password ?? '';
    return result.ok;
  };
  const samePermissions =
    permissions.value.length === user.permissions.length &&
    permissions.value.every((permission) => user.permissions.includes(permission));
  return (
    <li data-user-id={user.id} data-user-email={user.email} aria-labelledby={`${prefix}-name`}>
      <div>
        <strong id={`${prefix}-name`}>{user.name}</strong> {user.email}{' '}
        <span class="tag">{t(`role_${user.role}`)}</span>
        {!user.active && <span class="tag">{t('userInactiveTag')}</span>}
        {isSelf && <span class="tag">{t('userSelfTag')}</span>}
      </div>
      {user.role === 'agent' && (
        <fieldset class="field-options">
          <legend>{t('userPermissionsOf', { name: user.name })}</legend>
          <PermissionBoxes
            idPrefix={`${prefix}-perm`}
            chosen={permissions.value}
            onChange={(next) => {
              permissions.value = next;
            }}
          />
          <button
            type="button"
            disabled={samePermissions}
            onClick={() =>
              void send(
                { permissions: permissions.value },
                t('userPermissionsSaved', { name: user.name }),
              )
            }
          >
            {t('userSavePermissions')}
          </button>
        </fieldset>
      )}
      <div class="actions">
        <button
          type="button"
          aria-label={t(
            user.role === 'agent' ? 'userMakeAdministratorNamed' : 'userMakeAgentNamed',
            { name: user.name },
          )}
          onClick={() => {
            const role = user.role === 'agent' ? 'administrator' : 'agent';
            void send({ role }, t('userRoleChanged', { name: user.name, role: t(`role_${role}`) }));
          }}
        >
          {user.role === 'agent' ? t('userMakeAdministrator') : t('userMakeAgent')}
        </button>
        <button
          type="button"
          aria-expanded={resetting.value}
          aria-controls={`${prefix}-reset`}
          onClick={() => {
            resetting.value = !resetting.value;
          }}
        >
          {t('userResetPassword')}
        </button>
        <button
          type="button"
          aria-label={t(user.active ? 'userDeactivateNamed' : 'userReactivateNamed', {
            name: user.name,
          })}
          onClick={() =>
            void send(
              { active: !user.active },
              t(user.active ? 'userDeactivated' : 'userReactivated', { name: user.name }),
            )
          }
        >
          {user.active ? t('userDeactivate') : t('userReactivate')}
        </button>
      </div>
      {resetting.value && (
        <form
          id={`${prefix}-reset`}
          class="inline-form"
          aria-label={t('userResetPasswordOf', { name: user.name })}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void send(
              { password: password.value },
              t('userPasswordReset', { name: user.name }),
            ).then((ok) => {
              if (ok) {
                password.value = '';
                resetting.value = false;
              }
            });
          }}
        >
          <label for={`${prefix}-password`}>{t('userNewPassword')}</label>
          <input
            id={`${prefix}-password`}
            type="password"
            autoComplete="new-password"
            value={password.value}
            onInput={(event) => {
              password.value = event.currentTarget.value;
            }}
            {...invalidProps(`${prefix}.password`, passwordError.value || undefined)}
          />
          <button type="submit">{t('userSetPassword')}</button>
          <FieldError path={`${prefix}.password`} message={passwordError.value || undefined} />
        </form>
      )}
      {message.value && (
        <p role="alert" class="error">
          {message.value}
        </p>
      )}
    </li>
  );
}

interface NewUserForm {
  name: string;
  email: string;
  password: string;
  role: Role;
  permissions: Permission[];
}
const EMPTY_USER: NewUserForm = {
  name: '',
  email: '',
  password: '',
  role: 'agent',
  permissions: ['view', 'create', 'edit'],
};
const NEW_USER_FIELDS = [
  ['name', 'userName', 'text', 'name'],
  ['email', 'userEmail', 'email', 'email'],
  ['password', 'userInitialPassword', 'password', 'new-password'],
] as const;

/**
 * Users of the contact center (R19, R24): agents and administrators added with an initial
 * password and permissions; a password reset (which ends their sessions), deactivation and
 * permissions per user. The server refuses an administrator locking themselves out; its
 * reason is shown on the row.
 */
export function Users({ api, selfId }: { api: AdminScreensApi['users']; selfId: string }) {
  const list = useSignal<User[] | null>(null);
  const draft = useSignal<NewUserForm>(EMPTY_USER);
  const errors = useSignal<Record<string, string>>({});
  const problem = useSignal('');
  const status = useSignal('');

  useEffect(() => {
    void api.list().then((result) => {
      if (result.ok) list.value = result.value;
      else problem.value = result.message;
    });
  }, [api, list, problem]);

  const replace = (user: User) => {
    list.value = (list.value ?? []).map((other) => (other.id === user.id ? user : other));
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const { role, permissions, ...rest } = draft.value;
    const result = await api.add({
      ...rest,
      name: rest.name.trim(),
      email: rest.email.trim(),
      role,
      permissions: role === 'agent' ? permissions : [],
    });
    if (!result.ok) {
      errors.value = errorsByField(result.fields);
      problem.value = result.message;
      return;
    }
    list.value = [...(list.value ?? []), result.value];
    draft.value = EMPTY_USER;
    errors.value = {};
    problem.value = '';
    status.value = t('userAdded', { name: result.value.name });
  };

  return (
    <section aria-labelledby="users-heading" data-testid="users">
      <h2 id="users-heading">{t('usersHeading')}</h2>
      <output aria-live="polite">{status.value}</output>
      {list.value === null && !problem.value && <p>{t('loading')}</p>}
      <ul class="profiles users" data-testid="user-list">
        {(list.value ?? []).map((user) => (
          <UserRow
            key={`${user.id}:${user.role}:${user.permissions.join()}:${user.active}`}
            user={user}
            isSelf={user.id === selfId}
            onChange={async (changes, done) => {
              const result = await api.edit(user.id, changes);
              if (result.ok) {
                replace(result.value);
                status.value = done;
              }
              return result;
            }}
          />
        ))}
      </ul>
      <form
        class="panel"
        aria-label={t('userAdd')}
        noValidate
        onSubmit={(event) => void add(event)}
      >
        <h3>{t('userAdd')}</h3>
        {problem.value && (
          <p role="alert" class="error">
            {problem.value}
          </p>
        )}
        {NEW_USER_FIELDS.map(([field, label, type, autoComplete]) => (
          <div class="field" key={field}>
            <label for={`user-new-${field}`}>{t(label)}</label>
            <input
              id={`user-new-${field}`}
              name={field}
              type={type}
              autoComplete={autoComplete}
              value={draft.value[field]}
              onInput={(event) => {
                draft.value = { ...draft.value, [field]: event.currentTarget.value };
              }}
              {...invalidProps(`user-new.${field}`, errors.value[field])}
            />
            <FieldError path={`user-new.${field}`} message={errors.value[field]} />
          </div>
        ))}
        <div class="field">
          <label for="user-new-role">{t('userRole')}</label>
          <select
            id="user-new-role"
            name="role"
            value={draft.value.role}
            onChange={(event) => {
              draft.value = { ...draft.value, role: event.currentTarget.value as Role };
            }}
          >
            <option value="agent">{t('role_agent')}</option>
            <option value="administrator">{t('role_administrator')}</option>
          </select>
        </div>
        {draft.value.role === 'agent' && (
          <fieldset class="field-options">
            <legend>{t('userPermissions')}</legend>
            <PermissionBoxes
              idPrefix="user-new-perm"
              chosen={draft.value.permissions}
              onChange={(permissions) => {
                draft.value = { ...draft.value, permissions };
              }}
            />
          </fieldset>
        )}
        <button type="submit">{t('userAdd')}</button>
      </form>
    </section>
  );
}
