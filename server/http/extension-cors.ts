import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

// The extension's pages and service worker; any other web page gets no CORS headers at all.
const EXTENSION_ORIGIN = /^(?:chrome|moz)-extension:\/\/[a-z0-9-]+$/;

export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

/** Lets the Wrapup extension (Chrome or Firefox, any install id) call the API cross-origin. */
export function extensionCors(): MiddlewareHandler {
  return cors({
    origin: (origin) => (isExtensionOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}
