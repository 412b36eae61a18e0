import { describe, expect, it } from 'vitest';
import { TimestampSchema } from '../../../lib/domain/ids';
import { parsePageEventDetail } from '../../../lib/softphone/page-events';
import { checkRtcSignal } from '../../../lib/softphone/rtc-signal';
import {
  codeList,
  isoDateTime,
  nonNegativeInteger,
  oneOf,
  optionalText,
  Refusal,
  strictRecord,
  trimmedText,
} from '../../../lib/softphone/untrusted-fields';

/** The reason a check refuses `run` with, or null when it accepts. */
function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    return (error as Refusal).message;
  }
}

describe('the content script’s hand-written checks of page input', () => {
  it('strictRecord takes a plain object with known fields only', () => {
    expect(strictRecord({ a: 1 }, 'detail', ['a', 'b'])).toEqual({ a: 1 });
    for (const hostile of [null, undefined, 'text', 42, true, ['a'], () => 1]) {
      expect(refusal(() => strictRecord(hostile, 'detail', ['a']))).toBe('detail must be object');
    }
    expect(refusal(() => strictRecord({ a: 1, script: 'x', __proto: 1 }, 'detail', ['a']))).toBe(
      'unknown field "script", "__proto"',
    );
  });

  it('trimmedText trims, then bounds the length; anything but a string is refused', () => {
    expect(trimmedText('  Ada  ', 'name', 1, 5)).toBe('Ada');
    expect(refusal(() => trimmedText('   ', 'name', 1, 5))).toBe('name must not be empty');
    expect(refusal(() => trimmedText('x'.repeat(6), 'name', 1, 5))).toBe('name is longer than 5');
    expect(refusal(() => trimmedText('x'.repeat(1_000_000), 'name', 1, 5))).toBe(
      'name is longer than 5',
    );
    for (const hostile of [42, null, {}, ['Ada'], { toString: () => 'Ada' }]) {
      expect(refusal(() => trimmedText(hostile, 'name', 1, 5))).toBe('name must be string');
    }
  });

  it('keeps HTML in a name as the plain text it is', () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect(trimmedText(name, 'callerName', 1, 200)).toBe(name);
  });

  it('optionalText keeps absent and null as they came', () => {
    expect(optionalText(undefined, 'queue', 10)).toBeUndefined();
    expect(optionalText(null, 'queue', 10)).toBeNull();
    expect(optionalText(' ', 'queue', 10)).toBe('');
    expect(refusal(() => optionalText(7, 'queue', 10))).toBe('queue must be string');
  });

  it('oneOf accepts exactly the listed values', () => {
    expect(oneOf('inbound', 'direction', ['inbound', 'outbound'])).toBe('inbound');
    for (const hostile of [
      'Inbound',
      ' inbound',
      null,
      1,
      ['inbound'],
      { valueOf: () => 'inbound' },
    ]) {
      expect(refusal(() => oneOf(hostile, 'direction', ['inbound', 'outbound']))).toBe(
        'direction must be "inbound" or "outbound"',
      );
    }
  });

  it('codeList bounds the count and every code, by position', () => {
    expect(codeList([' SALE ', 'INFO'], 'codes', 3, 4)).toEqual(['SALE', 'INFO']);
    expect(refusal(() => codeList('SALE', 'codes', 3, 4))).toBe('codes must be array');
    expect(refusal(() => codeList(['A', 'B', 'C', 'D'], 'codes', 3, 4))).toBe(
      'codes is longer than 3',
    );
    expect(refusal(() => codeList(['A', 7], 'codes', 3, 4))).toBe('codes.1 must be string');
    expect(refusal(() => codeList(['A', ''], 'codes', 3, 4))).toBe('codes.1 must not be empty');
    expect(refusal(() => codeList(['TOOLONG'], 'codes', 3, 4))).toBe('codes.0 is longer than 4');
  });

  it.each([
    '2026-11-28T10:00:00Z',
    '2026-11-28T10:00:00.123Z',
    '2026-12-01T09:30:00+01:00',
    '2024-02-29T23:59:59-05:30',
    '2000-02-29T00:00:00Z',
  ])('isoDateTime accepts %s, as TimestampSchema does', (value) => {
    expect(isoDateTime(value, 'at')).toBe(value);
    expect(TimestampSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    'yesterday',
    '2026-11-28',
    '2026-11-28T10:00Z',
    '2026-11-28T10:00:00',
    '2026-11-28 10:00:00Z',
    '2026-02-29T10:00:00Z',
    '1900-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-00-01T10:00:00Z',
    '2026-11-00T10:00:00Z',
    '2026-11-28T24:00:00Z',
    '2026-11-28T10:60:00Z',
    '2026-11-28T10:00:00+24:00',
    ' 2026-11-28T10:00:00Z',
    '2026-11-28T10:00:00Z<script>',
  ])('isoDateTime refuses %s, as TimestampSchema does', (value) => {
    expect(refusal(() => isoDateTime(value, 'at'))).toBe(
      'at must be an ISO-8601 datetime with a zone',
    );
    expect(TimestampSchema.safeParse(value).success).toBe(false);
  });

  it('isoDateTime refuses what is not a string', () => {
    expect(refusal(() => isoDateTime(Date.now(), 'at'))).toBe('at must be string');
    expect(refusal(() => isoDateTime(new Date(), 'at'))).toBe('at must be string');
  });

  it('nonNegativeInteger takes whole, safe, non-negative numbers only', () => {
    expect(nonNegativeInteger(0, 'at')).toBe(0);
    expect(nonNegativeInteger(1_764_324_000_000, 'at')).toBe(1_764_324_000_000);
    expect(refusal(() => nonNegativeInteger('1', 'at'))).toBe('at must be number');
    expect(refusal(() => nonNegativeInteger(1.5, 'at'))).toBe('at must be int');
    expect(refusal(() => nonNegativeInteger(Number.NaN, 'at'))).toBe('at must be int');
    expect(refusal(() => nonNegativeInteger(Number.POSITIVE_INFINITY, 'at'))).toBe(
      'at must be int',
    );
    expect(refusal(() => nonNegativeInteger(2 ** 60, 'at'))).toBe('at must be int');
    expect(refusal(() => nonNegativeInteger(-1, 'at'))).toBe('at must be at least 0');
  });
});

describe('checkRtcSignal', () => {
  const signal = { kind: 'rtc-ended', at: 1_764_324_000_000, direction: null };

  it('accepts exactly a signal', () => {
    expect(checkRtcSignal(signal)).toEqual(signal);
    expect(checkRtcSignal({ ...signal, direction: 'outbound' })).toEqual({
      ...signal,
      direction: 'outbound',
    });
  });

  it.each([
    ['not an object', 'rtc-ended', 'signal must be object'],
    ['an extra field', { ...signal, html: '<b>x</b>' }, 'unknown field "html"'],
    ['an unknown kind', { ...signal, kind: 'rtc-exploded' }, 'signal.kind must be'],
    ['a time as text', { ...signal, at: '1' }, 'signal.at must be number'],
    ['no direction', { kind: 'rtc-ended', at: 1 }, 'signal.direction must be'],
    ['an unknown direction', { ...signal, direction: 'sideways' }, 'signal.direction must be'],
  ])('refuses %s', (_case, value, reason) => {
    expect(refusal(() => checkRtcSignal(value))).toContain(reason);
  });
});

describe('page input that changes while it is read', () => {
  it('is refused, never thrown on', () => {
    let reads = 0;
    const detail = {
      type: 'ended',
      get callId() {
        reads += 1;
        if (reads > 1) throw new Error('gotcha');
        return 'a';
      },
    };
    expect(parsePageEventDetail(detail)).toEqual({ ok: false, reason: 'detail is unreadable' });
  });
});
