import type { KyInstance } from 'ky';
import { z } from 'zod';
import type { FieldDefinitionDraft } from '../domain/define-field';
import { type FieldDefinition, FieldDefinitionSchema } from '../domain/field-definition';
import type { Id } from '../domain/ids';
import type { FieldOrder } from '../domain/reorder-fields';
import type { Settings } from '../domain/settings';
import {
  touchedSince,
  type VersionedSettings,
  VersionedSettingsSchema,
} from '../domain/settings-changes';
import { type TransactionCode, TransactionCodeSchema } from '../domain/transaction-code';
import type {
  TransactionCodeChanges,
  TransactionCodeDraft,
} from '../domain/transaction-code-changes';
import type { FieldDefinitionChanges } from '../domain/update-field-definition';
import { type User, UserSchema } from '../domain/user';
import type { UserChanges, UserDraft } from '../domain/user-changes';
import { t } from '../i18n/translate';
import { BadRequestError, requestServer, ServerError } from './server-errors';

/** A new user as the administrator submits it: the user plus an initial password. */
export type NewUserInput = UserDraft & { password: string };
/** A change to a user; `password` resets theirs (and ends their sessions). */
export type UserChangesInput = UserChanges & { password?: string };

const itemsOf = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/**
 * Runs an administrator's request and checks the answer against the domain schema: a server
 * that answers with something else is refused, never stored. Failures are ServerErrors whose
 * message the screens show as it is, with the server's field errors in `errors`.
 */
async function call<T extends z.ZodType>(
  schema: T,
  request: () => Promise<unknown>,
): Promise<z.infer<T>> {
  const body = await requestServer(request);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new BadRequestError('bad-request', t('adminAnswerInvalid'), null, null, [], {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export function listFieldDefinitions(http: KyInstance): Promise<FieldDefinition[]> {
  return call(itemsOf(FieldDefinitionSchema), () => http.get('v1/field-definitions').json()).then(
    ({ items }) => items.sort((a, b) => a.order - b.order),
  );
}

export function addFieldDefinition(
  http: KyInstance,
  draft: FieldDefinitionDraft,
): Promise<FieldDefinition> {
  return call(FieldDefinitionSchema, () =>
    http.post('v1/field-definitions', { json: draft }).json(),
  );
}

export function editFieldDefinition(
  http: KyInstance,
  id: Id,
  changes: FieldDefinitionChanges,
): Promise<FieldDefinition> {
  return call(FieldDefinitionSchema, () =>
    http.patch(`v1/field-definitions/${encodeURIComponent(id)}`, { json: changes }).json(),
  );
}

/**
 * Puts the fields in the administrator's order in one request, which the server applies whole
 * or not at all. Returns every definition, in order.
 */
export function reorderFieldDefinitions(
  http: KyInstance,
  orderedIds: readonly Id[],
): Promise<FieldDefinition[]> {
  const body: FieldOrder = { orderedIds: [...orderedIds] };
  return call(itemsOf(FieldDefinitionSchema), () =>
    http.put('v1/field-definitions/order', { json: body }).json(),
  ).then(({ items }) => items.sort((a, b) => a.order - b.order));
}

export function listTransactionCodes(http: KyInstance): Promise<TransactionCode[]> {
  return call(itemsOf(TransactionCodeSchema), () => http.get('v1/transaction-codes').json()).then(
    ({ items }) => items,
  );
}

export function addTransactionCode(
  http: KyInstance,
  draft: TransactionCodeDraft,
): Promise<TransactionCode> {
  return call(TransactionCodeSchema, () =>
    http.post('v1/transaction-codes', { json: draft }).json(),
  );
}

export function editTransactionCode(
  http: KyInstance,
  code: string,
  changes: TransactionCodeChanges,
): Promise<TransactionCode> {
  return call(TransactionCodeSchema, () =>
    http.patch(`v1/transaction-codes/${encodeURIComponent(code)}`, { json: changes }).json(),
  );
}

export function listUsers(http: KyInstance): Promise<User[]> {
  return call(itemsOf(UserSchema), () => http.get('v1/users').json()).then(({ items }) => items);
}

export function addUser(http: KyInstance, input: NewUserInput): Promise<User> {
  return call(UserSchema, () => http.post('v1/users', { json: input }).json());
}

export function editUser(http: KyInstance, id: Id, changes: UserChangesInput): Promise<User> {
  return call(UserSchema, () =>
    http.patch(`v1/users/${encodeURIComponent(id)}`, { json: changes }).json(),
  );
}

/**
 * A settings change refused because it was made on an older version: another administrator
 * saved first. The screen reloads the settings and keeps its administrator's edit.
 */
export class SettingsChangedMeanwhileError extends ServerError {
  override readonly name = 'SettingsChangedMeanwhileError';
}

export function loadServerSettings(http: KyInstance): Promise<VersionedSettings> {
  return call(VersionedSettingsSchema, () => http.get('v1/settings').json());
}

/** How often a change is sent again on newer settings that left its own settings as they were. */
const REBASE_ATTEMPTS = 3;

/**
 * Changes the settings. Made on `base` (the settings the screen shows), it is refused with a
 * SettingsChangedMeanwhileError when someone changed one of the same settings since; a save of
 * only other settings meanwhile collides with nothing, so the change is sent again on those.
 */
export async function changeServerSettings(
  http: KyInstance,
  changes: Partial<Settings>,
  base?: VersionedSettings,
): Promise<VersionedSettings> {
  let on = base;
  for (let attempt = 1; ; attempt++) {
    const body = on ? { ...changes, baseVersion: on.version } : changes;
    try {
      return await call(VersionedSettingsSchema, () =>
        http.patch('v1/settings', { json: body }).json(),
      );
    } catch (error) {
      // The only conflict a settings change can meet (see server/routes/settings.ts).
      if (!(on && error instanceof ServerError && error.status === 409)) throw error;
      const newer = await loadServerSettings(http);
      if (attempt >= REBASE_ATTEMPTS || touchedSince(changes, on, newer)) {
        throw new SettingsChangedMeanwhileError(
          'bad-request',
          t('settingsChangedMeanwhile'),
          409,
          null,
          [],
          { cause: error },
        );
      }
      on = newer;
    }
  }
}

/** What an administrator's form shows for a failure: one message, and messages by field path. */
export interface AdminProblem {
  message: string;
  fields: Record<string, string>;
  /** Set when someone else changed the settings first: reload them, keep the edit. */
  changedMeanwhile?: true;
}

/**
 * A failed request as the screens show it. The server's field paths ("options.0", "label") are
 * kept as they are, so a form finds a message under its own field's name; the first message per
 * path wins. Anything that is not a ServerError is a bug and is rethrown.
 */
export function adminProblem(error: unknown): AdminProblem {
  if (!(error instanceof ServerError)) throw error;
  const fields: Record<string, string> = {};
  for (const { path, message } of error.errors) {
    if (path) fields[path] ??= message;
  }
  const message = error.detail ?? (error.errors.length > 0 ? t('adminFixFields') : error.message);
  if (error instanceof SettingsChangedMeanwhileError)
    return { message, fields, changedMeanwhile: true };
  return { message, fields };
}

/** An administrator's request as the screens see it: its answer, or what to show instead. */
export type AdminResult<T> = { ok: true; value: T } | ({ ok: false } & AdminProblem);

/** Runs `request`, giving its failure as an AdminProblem (a bug still throws). */
export async function adminResult<T>(request: () => Promise<T>): Promise<AdminResult<T>> {
  try {
    return { ok: true, value: await request() };
  } catch (error) {
    return { ok: false, ...adminProblem(error) };
  }
}
