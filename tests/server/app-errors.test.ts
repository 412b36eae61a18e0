import { describe, expect, it } from 'vitest';
import { appWithoutDatabase } from './support/app-without-database';
import { recordingLogger } from './support/log-lines';

describe('errors from the app', () => {
  it('answers an unknown path with a 404 problem document', async () => {
    const response = await appWithoutDatabase().request('/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('turns an unexpected error into a bare 500 problem and logs the details', async () => {
    const { logger, lines } = recordingLogger();
    const app = appWithoutDatabase(logger);
    app.get('/explode', () => {
      throw new Error('select * from secrets failed at line 3');
    });
    const response = await app.request('/explode');
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
    });
    expect(body).not.toContain('secrets');
    const failure = lines.find((line) => line.msg === 'request failed');
    expect(failure).toMatchObject({ level: 'error', method: 'GET', path: '/explode' });
    expect(failure?.error).toMatchObject({ message: 'select * from secrets failed at line 3' });
    expect(lines.at(-1)).toMatchObject({ msg: 'request', path: '/explode', status: 500 });
  });
});
