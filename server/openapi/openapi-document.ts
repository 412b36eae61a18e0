import { z } from 'zod';
import { CustomerSchema } from '../../lib/domain/customer';
import { CustomerChangesSchema, CustomerDraftSchema } from '../../lib/domain/customer-changes';
import { FieldDefinitionDraftSchema } from '../../lib/domain/define-field';
import { FieldDefinitionSchema } from '../../lib/domain/field-definition';
import { HistoryEntrySchema } from '../../lib/domain/history';
import { FieldOrderSchema } from '../../lib/domain/reorder-fields';
import { SettingsChangesSchema, VersionedSettingsSchema } from '../../lib/domain/settings-changes';
import {
  MUTATION_ARGS,
  MutationResultSchema,
  PullPageSchema,
  PushBodySchema,
} from '../../lib/domain/sync-mutations';
import { TaskSchema } from '../../lib/domain/task';
import { TaskChangesSchema, TaskDraftSchema } from '../../lib/domain/task-draft';
import { TransactionCodeSchema } from '../../lib/domain/transaction-code';
import { FieldDefinitionChangesSchema } from '../../lib/domain/update-field-definition';
import { UserSchema } from '../../lib/domain/user';
import { InteractionSchema } from '../interactions/interaction';
import { SERVER_VERSION } from '../version';

const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const SCHEMAS: Record<string, z.ZodType> = {
  Task: TaskSchema,
  TaskDraft: TaskDraftSchema,
  TaskChanges: TaskChangesSchema,
  HistoryEntry: HistoryEntrySchema,
  Customer: CustomerSchema,
  CustomerDraft: CustomerDraftSchema,
  CustomerChanges: CustomerChangesSchema,
  FieldDefinition: FieldDefinitionSchema,
  FieldDefinitionDraft: FieldDefinitionDraftSchema,
  FieldDefinitionChanges: FieldDefinitionChangesSchema,
  FieldOrder: FieldOrderSchema,
  TransactionCode: TransactionCodeSchema,
  User: UserSchema,
  Settings: VersionedSettingsSchema,
  SettingsChanges: SettingsChangesSchema,
  PushBody: PushBodySchema,
  MutationResult: MutationResultSchema,
  PullPage: PullPageSchema,
  Interaction: InteractionSchema,
  Problem: ProblemSchema,
  ...Object.fromEntries(
    Object.entries(MUTATION_ARGS).map(([name, schema]) => [`MutationArgs_${name}`, schema]),
  ),
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const listOf = (name: string) =>
  json({ type: 'object', properties: { items: { type: 'array', items: ref(name) } } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

interface Operation {
  summary: string;
  body?: string;
  ok?: { status: number; description: string; content?: object };
  public?: boolean;
  query?: string[];
}

const ok = (description: string, content?: object, status = 200) => ({
  status,
  description,
  content,
});

const PATHS: Record<string, Record<string, Operation>> = {
  '/v1/auth/sign-in': {
    post: {
      summary: 'Email and password for an opaque bearer token.',
      public: true,
      ok: ok('The token, its expiry, the user and the contact center.'),
    },
  },
  '/v1/auth/sign-out': {
    post: { summary: 'Revokes the token sent.', ok: ok('Signed out.', undefined, 204) },
  },
  '/v1/me': { get: { summary: 'The signed-in user and contact center.', ok: ok('Who you are.') } },
  '/v1/tasks': {
    get: {
      summary: 'Tasks, newest number first, filtered and paged.',
      query: [
        'status',
        'kind',
        'assigneeId',
        'customerId',
        'parentId',
        'q',
        'includeDeleted',
        'limit',
        'cursor',
      ],
      ok: ok(
        'A page of tasks.',
        json({
          type: 'object',
          properties: {
            items: { type: 'array', items: ref('Task') },
            nextCursor: { type: ['string', 'null'] },
          },
        }),
      ),
    },
    post: {
      summary: 'Creates a task (R9, R10).',
      body: 'TaskDraft',
      ok: ok('The task.', json(ref('Task')), 201),
    },
  },
  '/v1/tasks/{id}': {
    get: { summary: 'One task.', ok: ok('The task.', json(ref('Task'))) },
    patch: {
      summary: 'Edits a task field by field (R21, R24, R25).',
      body: 'TaskChanges',
      ok: ok('The task.', json(ref('Task'))),
    },
    delete: {
      summary: 'Deletes a task as a tombstone; ?confirmed=true when it has clones (R17, R18).',
      query: ['confirmed'],
      ok: ok('The tombstone.', json(ref('Task'))),
    },
  },
  '/v1/tasks/{id}/history': {
    get: { summary: "A task's history (R25).", ok: ok('Its entries.', listOf('HistoryEntry')) },
  },
  '/v1/tasks/{id}/clone': {
    post: {
      summary: 'Clones a task (R12–R16, R19).',
      ok: ok('The clone.', json(ref('Task')), 201),
    },
  },
  '/v1/customers': {
    get: {
      summary: 'Customers by name, phone, email or external id, paged.',
      query: ['q', 'phone', 'email', 'externalId', 'includeDeleted', 'limit', 'cursor'],
      ok: ok(
        'A page of customers.',
        json({
          type: 'object',
          properties: {
            items: { type: 'array', items: ref('Customer') },
            nextCursor: { type: ['string', 'null'] },
          },
        }),
      ),
    },
    post: {
      summary: 'Creates a customer.',
      body: 'CustomerDraft',
      ok: ok('The customer.', json(ref('Customer')), 201),
    },
  },
  '/v1/customers/{id}': {
    get: { summary: 'One customer.', ok: ok('The customer.', json(ref('Customer'))) },
    patch: {
      summary: 'Edits a customer.',
      body: 'CustomerChanges',
      ok: ok('The customer.', json(ref('Customer'))),
    },
    delete: {
      summary: 'Deletes a customer as a tombstone.',
      ok: ok('The tombstone.', json(ref('Customer'))),
    },
  },
  '/v1/field-definitions': {
    get: {
      summary: 'Custom task fields (R20).',
      ok: ok('Every field.', listOf('FieldDefinition')),
    },
    post: {
      summary: 'Adds a custom field (administrators).',
      body: 'FieldDefinitionDraft',
      ok: ok('The field.', json(ref('FieldDefinition')), 201),
    },
  },
  '/v1/field-definitions/order': {
    put: {
      summary:
        'Puts the fields in the order of `orderedIds`, all at once (administrators); fields left out keep their place after those.',
      body: 'FieldOrder',
      ok: ok('Every field, in the new order.', listOf('FieldDefinition')),
    },
  },
  '/v1/field-definitions/{id}': {
    patch: {
      summary: 'Edits or archives a field (administrators).',
      body: 'FieldDefinitionChanges',
      ok: ok('The field.', json(ref('FieldDefinition'))),
    },
  },
  '/v1/transaction-codes': {
    get: {
      summary: 'Transaction codes, system ones included (R5, R6).',
      ok: ok('Every code.', listOf('TransactionCode')),
    },
    post: {
      summary: 'Adds a code (administrators).',
      ok: ok('The code.', json(ref('TransactionCode')), 201),
    },
  },
  '/v1/transaction-codes/{code}': {
    patch: {
      summary: "Changes a code's label or retires it (administrators; not system codes).",
      ok: ok('The code.', json(ref('TransactionCode'))),
    },
  },
  '/v1/users': {
    get: { summary: 'The users of the contact center.', ok: ok('Every user.', listOf('User')) },
    post: {
      summary: 'Adds a user with role, permissions and password (administrators).',
      ok: ok('The user.', json(ref('User')), 201),
    },
  },
  '/v1/users/{id}': {
    get: { summary: 'One user.', ok: ok('The user.', json(ref('User'))) },
    patch: {
      summary: 'Changes role, permissions, active flag or password (administrators).',
      ok: ok('The user.', json(ref('User'))),
    },
  },
  '/v1/settings': {
    get: {
      summary: 'Contact-center settings, with their `version`.',
      ok: ok('The settings.', json(ref('Settings'))),
    },
    patch: {
      summary:
        'Changes the settings named (administrators); a list replaces the stored one whole. Send the `version` you read as `baseVersion`: if someone changed the settings since, the answer is 409 (its `version` member is the current one) and nothing changes. Without `baseVersion` the change is applied as it is.',
      body: 'SettingsChanges',
      ok: ok('The settings, with their new version.', json(ref('Settings'))),
    },
  },
  '/v1/sync/push': {
    post: {
      summary:
        'Applies outbox mutations in order, each at most once (see server/sync/mutations.ts).',
      body: 'PushBody',
      ok: ok(
        'One result per mutation.',
        json({
          type: 'object',
          properties: {
            results: { type: 'array', items: ref('MutationResult') },
            cursor: { type: 'string' },
          },
        }),
      ),
    },
  },
  '/v1/sync/pull': {
    get: {
      summary: 'Every change after the cursor, paged; optional working-set scope and long polling.',
      query: ['cursor', 'limit', 'scope', 'customers', 'tasks', 'wait'],
      ok: ok('A page of changes.', json(ref('PullPage'))),
    },
  },
  '/v1/sync/events': {
    get: {
      summary: 'Server-sent events: "ready", then "change" whenever the contact center changes.',
      ok: ok('An event stream.', {
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      }),
    },
  },
  '/v1/interactions': {
    post: {
      summary:
        'The platform reports an ended interaction (HMAC-signed; idempotent by interaction id).',
      public: true,
      body: 'Interaction',
      ok: ok('The tasks made (200 with the first answer for a repeat).', undefined, 201),
    },
  },
};

function operationObject(path: string, method: string, operation: Operation) {
  const parameters = [
    ...[...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...(operation.query ?? []).map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
  ];
  const responses: Record<string, object> = {
    [String(operation.ok?.status ?? 200)]: {
      description: operation.ok?.description ?? 'OK',
      ...(operation.ok?.content ?? {}),
    },
    '400': problem('Bad input, with one message per field in `errors`.'),
    '401': problem('No valid token (or, for /v1/interactions, no valid signature).'),
    '413': problem('The body is too large.'),
  };
  if (!operation.public) {
    responses['403'] = problem('Not allowed; `detail` says why.');
    responses['404'] = problem('Not found in your contact center.');
    responses['409'] = problem(
      'Conflicts with the current state (a deleted task, a taken id, R17).',
    );
    responses['429'] = problem('Too many requests with this token.');
  }
  return {
    operationId: `${method}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, letter = '') => letter.toUpperCase())}`,
    summary: operation.summary,
    ...(operation.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, ...json(ref(operation.body)) } } : {}),
    responses,
  };
}

let cached: object | undefined;

/** The OpenAPI 3.1 description of /v1, its schemas generated from the same zod schemas. */
export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Wrapup API',
      version: SERVER_VERSION,
      description:
        'Contact-center tasks, customers and sync. Send `Authorization: Bearer <token>` from POST /v1/auth/sign-in. Errors are RFC 9457 problem details.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(
        Object.entries(SCHEMAS).map(([name, schema]) => [
          name,
          z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
        ]),
      ),
    },
    security: [{ bearer: [] }],
    paths: Object.fromEntries(
      Object.entries(PATHS).map(([path, operations]) => [
        path,
        Object.fromEntries(
          Object.entries(operations).map(([method, operation]) => [
            method,
            operationObject(path, method, operation),
          ]),
        ),
      ]),
    ),
  };
  return cached;
}
