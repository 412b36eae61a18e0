import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const written: string[] = [];
  const logger = createLogger({ level, write: (line) => written.push(line) });
  return { logger, written };
}

describe('createLogger', () => {
  it('writes one JSON object per line: time, level, message, then the fields', () => {
    const { logger, written } = capture();
    logger.info('server started', { url: 'http://127.0.0.1:8787', database: 'pglite' });
    expect(written).toHaveLength(1);
    expect(written[0]).not.toContain('\n');
    const line = JSON.parse(written[0]!);
    expect(line).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'server started',
      url: 'http://127.0.0.1:8787',
      database: 'pglite',
    });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it('drops lines below its level', () => {
    const { logger, written } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(written.map((text) => JSON.parse(text).level)).toEqual(['warn', 'error']);
  });

  it('writes nothing when silent', () => {
    const written: string[] = [];
    const logger = createLogger({ silent: true, write: (line) => written.push(line) });
    logger.error('unheard');
    expect(written).toEqual([]);
  });

  it('keeps the message and stack of an error, and bigints as text', () => {
    const { logger, written } = capture();
    logger.error('failed', { error: new TypeError('bad input'), revision: 2n ** 64n });
    const line = JSON.parse(written[0]!);
    expect(line.error).toMatchObject({ name: 'TypeError', message: 'bad input' });
    expect(line.error.stack).toContain('bad input');
    expect(line.revision).toBe('18446744073709551616');
  });

  it('survives circular fields instead of throwing', () => {
    const { logger, written } = capture();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => logger.warn('odd', { loop })).not.toThrow();
    expect(JSON.parse(written[0]!)).toMatchObject({ level: 'warn', msg: 'odd' });
  });
});
