import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { openApiDocument } from '../openapi/openapi-document';

/** `GET /v1/openapi.json`: the API's OpenAPI 3.1 description; public. */
export function openApiRoute(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) => c.json(openApiDocument()));
}
