import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../lib/domain/phone';

describe('normalizePhone', () => {
  it('R3: writes a number however formatted as E.164', () => {
    expect(normalizePhone('+1 (415) 555-0134')).toBe('+14155550134');
    expect(normalizePhone(' +44 20 7946 0958 ')).toBe('+442079460958');
    expect(normalizePhone('(415) 555-0134', 'US')).toBe('+14155550134');
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('R3: anything that is not a valid phone number gives null', () => {
    expect(normalizePhone('020 7946 0958')).toBeNull();
    expect(normalizePhone('12')).toBeNull();
    expect(normalizePhone('call me')).toBeNull();
    expect(normalizePhone('')).toBeNull();
  });
});
