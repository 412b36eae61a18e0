import { describe, expect, it } from 'vitest';
import { MUTATION_ARGS } from '../../lib/domain/sync-mutations';
import { appWithoutDatabase } from './support/app-without-database';

describe('GET /v1/openapi.json', () => {
  it('serves an OpenAPI 3.1 document without a token, with schemas from the zod schemas', async () => {
    const app = appWithoutDatabase();
    const response = await app.request('/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    const schemas = document.components.schemas;
    expect(schemas.Task.properties.subject).toMatchObject({ type: 'string', maxLength: 200 });
    expect(schemas.TaskDraft.required).toEqual(expect.arrayContaining(['kind', 'subject']));
    for (const name of Object.keys(MUTATION_ARGS)) {
      expect(schemas[`MutationArgs_${name}`], name).toBeDefined();
    }
    expect(
      document.paths['/v1/sync/push'].post.requestBody.content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/PushBody',
    });
    expect(document.paths['/v1/auth/sign-in'].post.security).toEqual([]);
    expect(document.paths['/v1/tasks/{id}'].patch.responses['403']).toBeDefined();
  });

  it('describes every route the app serves under /v1', async () => {
    const app = appWithoutDatabase();
    const document = await (await app.request('/v1/openapi.json')).json();
    const described = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const served = app.routes
      .filter((route) => route.path.startsWith('/v1/') && route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`)
      .filter((route) => !route.endsWith('/v1/openapi.json'));
    expect(served.length).toBeGreaterThan(25);
    for (const route of served) expect(described, route).toContain(route);
  });
});
