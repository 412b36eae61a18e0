import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPagesRoute } from '../../server/routes/demo-pages';
import { type RunningServer, startServer } from '../../server/start';
import { rawRequest } from './support/http';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const PACKAGE_JSON_MARKER = '"devDependencies"';

describe('the demo pages under /demo/', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, inMemory: true, quiet: true });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('serves the demo softphone as HTML, byte for byte', async () => {
    const response = await rawRequest(server.url, '/demo/softphone.html');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).toBe(readFileSync(join(FIXTURES, 'softphone.html'), 'utf8'));
  });

  it('serves a customer page whatever its query string', async () => {
    const response = await rawRequest(server.url, '/demo/customer.html?id=C-1001');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe(readFileSync(join(FIXTURES, 'customer.html'), 'utf8'));
  });

  it.each([
    ['softphone.js', 'text/javascript; charset=utf-8'],
    ['softphone.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (file, contentType) => {
    const response = await rawRequest(server.url, `/demo/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(contentType);
  });

  it('serves index.html at /demo/ and redirects /demo there', async () => {
    const index = await rawRequest(server.url, '/demo/');
    expect(index.status).toBe(200);
    expect(index.body).toBe(readFileSync(join(FIXTURES, 'index.html'), 'utf8'));
    const bare = await rawRequest(server.url, '/demo');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/demo/');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await rawRequest(server.url, '/demo/softphone.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(Number(response.headers['content-length'])).toBe(
      readFileSync(join(FIXTURES, 'softphone.html')).length,
    );
    expect(response.body).toBe('');
  });

  it('answers 404 for a file that does not exist', async () => {
    const response = await rawRequest(server.url, '/demo/missing.html');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  // tests/fixtures is two levels below package.json, so each target climbs two levels.
  it.each([
    '/demo/../../package.json',
    '/demo/%2e%2e/%2e%2e/package.json',
    '/demo/%2E%2E/%2E%2E/package.json',
    '/demo/.%2e/.%2e/package.json',
    '/demo/%2e%2e%2f%2e%2e%2fpackage.json',
    '/demo/..%2f..%2fpackage.json',
    '/demo/..%2F..%2Fpackage.json',
    '/demo/..%5c..%5cpackage.json',
    '/demo/..\\..\\package.json',
    '/demo/%252e%252e%252f%252e%252e%252fpackage.json',
    '/demo/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/demo/%2fetc%2fpasswd',
    '/demo/softphone.html%00.png',
    '/demo/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
  ])('refuses the traversal %s', async (target) => {
    const response = await rawRequest(server.url, target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(PACKAGE_JSON_MARKER);
    expect(response.body).not.toContain('root:');
  });
});

describe('demoPagesRoute on a folder of our own', () => {
  let parent: string;
  let app: Hono;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'wrapup-demo-'));
    const folder = join(parent, 'pages');
    await mkdir(join(folder, 'nested'), { recursive: true });
    await writeFile(join(folder, 'nested', 'index.html'), '<p>nested</p>');
    await writeFile(join(folder, '.secret'), 'hidden');
    await writeFile(join(parent, 'outside.txt'), 'outside');
    await symlink(join(parent, 'outside.txt'), join(folder, 'escape.txt'));
    app = new Hono().route('/demo', demoPagesRoute(folder));
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('refuses a symlink that leads out of the folder', async () => {
    const response = await app.request('/demo/escape.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside');
  });

  it('never serves hidden files', async () => {
    const response = await app.request('/demo/.secret');
    expect(response.status).toBe(404);
  });

  it('redirects a folder to its slash form and serves its index there', async () => {
    const bare = await app.request('/demo/nested');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/demo/nested/');
    const index = await app.request('/demo/nested/');
    expect(await index.text()).toBe('<p>nested</p>');
  });
});
