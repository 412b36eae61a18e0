import { describe, expect, it } from 'vitest';
import { isExtensionOrigin } from '../../server/http/extension-cors';
import { appWithoutDatabase } from './support/app-without-database';

const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://2f1b8c3e-6a51-4d2b-9d0e-5f1c2a7b8e90';

describe('CORS for the extension', () => {
  const app = appWithoutDatabase();

  it.each([CHROME, FIREFOX])('allows %s on /health', async (origin) => {
    const response = await app.request('/health', { headers: { origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('answers a preflight for an authenticated JSON POST under /v1', async () => {
    const response = await app.request('/v1/sync/push', {
      method: 'OPTIONS',
      headers: {
        origin: CHROME,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(CHROME);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toBe(
      'authorization,content-type',
    );
  });

  it.each([
    'https://evil.example',
    'http://127.0.0.1:8787',
    'chrome-extension://abc.evil.example',
    'null',
  ])('gives %s no CORS headers', async (origin) => {
    const response = await app.request('/v1/sync/push', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves the demo pages without CORS headers', async () => {
    const response = await app.request('/demo/softphone.html', { headers: { origin: CHROME } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('recognises extension origins and nothing else', () => {
    expect(isExtensionOrigin(CHROME)).toBe(true);
    expect(isExtensionOrigin(FIREFOX)).toBe(true);
    expect(isExtensionOrigin(`${CHROME}.evil.example`)).toBe(false);
    expect(isExtensionOrigin(`${CHROME}/`)).toBe(false);
    expect(isExtensionOrigin('safari-web-extension://abc')).toBe(false);
  });
});
