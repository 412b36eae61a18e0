import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../../lib/domain/field-definition';
import { activeFieldsFor, validateFieldValues } from '../../../lib/domain/field-values';
import type { FieldValue } from '../../../lib/domain/task';
import { definition } from './support';

function check(type: FieldType, value: FieldValue, options: string[] = []) {
  const field = definition({ key: 'f', label: 'Field', type, options });
  return validateFieldValues({ f: value }, [field], 'call').map((issue) => issue.message);
}

describe('validateFieldValues', () => {
  it('R20: accepts a valid value of every field type', () => {
    const valid: [FieldType, FieldValue, string[]?][] = [
      ['text', 'Plain words'],
      ['long_text', 'Many\nlines'],
      ['number', 12.5],
      ['date', '2026-02-28'],
      ['date_time', '2026-02-28T10:00:00+01:00'],
      ['select', 'high', ['low', 'high']],
      ['multi_select', ['a', 'c'], ['a', 'b', 'c']],
      ['checkbox', true],
      ['phone', '+44 20 7946 0958'],
      ['email', 'ada@example.com'],
      ['url', 'https://example.com/path?q=1'],
    ];
    for (const [type, value, options] of valid) expect(check(type, value, options)).toEqual([]);
  });

  it('R20: refuses a wrong value with one clear message naming the field', () => {
    expect(check('text', 5)).toEqual(['Field must be text.']);
    expect(check('text', 'x'.repeat(501))).toEqual(['Field is at most 500 characters.']);
    expect(check('number', '12')).toEqual(['Field must be a number.']);
    expect(check('date', '2026-02-30')).toEqual(['Field must be a date (YYYY-MM-DD).']);
    expect(check('date', '28/02/2026')).toEqual(['Field must be a date (YYYY-MM-DD).']);
    expect(check('date_time', '2026-02-28 10:00')).toEqual(['Field must be a date and time.']);
    expect(check('select', 'urgent', ['low', 'high'])).toEqual([
      'Field must be one of: low, high.',
    ]);
    expect(check('multi_select', ['a', 'z', 'y'], ['a', 'b'])).toEqual([
      'Field has options that do not exist: z, y.',
    ]);
    expect(check('multi_select', 'a', ['a'])).toEqual(['Field must be a list of options.']);
    expect(check('checkbox', 'yes')).toEqual(['Field must be checked or unchecked.']);
    expect(check('phone', '12')).toEqual(['Field must be a phone number, with its country code.']);
    expect(check('email', 'ada@')).toEqual(['Field must be an email address.']);
    expect(check('url', 'javascript:alert(1)')).toEqual([
      'Field must be a web address starting with http:// or https://.',
    ]);
    expect(check('url', 'ftp://example.com')).toHaveLength(1);
  });

  it('R20: phone numbers without a country code need the default country', () => {
    const field = definition({ key: 'f', label: 'Field', type: 'phone' });
    expect(validateFieldValues({ f: '020 7946 0958' }, [field], 'call')).toHaveLength(1);
    expect(
      validateFieldValues({ f: '020 7946 0958' }, [field], 'call', { defaultCountry: 'GB' }),
    ).toEqual([]);
  });

  it('R20: required fields must be filled; an empty optional field is fine', () => {
    const fields = [
      definition({ key: 'reason', label: 'Reason', required: true }),
      definition({
        key: 'tags',
        label: 'Tags',
        type: 'multi_select',
        options: ['a'],
        required: true,
      }),
      definition({ key: 'consent', label: 'Consent', type: 'checkbox', required: true }),
      definition({ key: 'budget', label: 'Budget', type: 'number' }),
    ];
    expect(
      validateFieldValues({ reason: '  ', tags: [], consent: false, budget: null }, fields, 'call'),
    ).toEqual([
      { path: 'fields.reason', message: 'Reason is required.' },
      { path: 'fields.tags', message: 'Tags is required.' },
      { path: 'fields.consent', message: 'Consent is required.' },
    ]);
    expect(validateFieldValues({}, fields, 'call', { checkRequired: false })).toEqual([]);
  });

  it('R20: archived fields and fields of other kinds are not checked', () => {
    const fields = [
      definition({ key: 'old', label: 'Old', type: 'number', required: true, archived: true }),
      definition({ key: 'agenda', label: 'Agenda', required: true, appliesTo: ['meeting'] }),
    ];
    expect(validateFieldValues({ old: 'not a number' }, fields, 'call')).toEqual([]);
    expect(validateFieldValues({}, fields, 'meeting')).toEqual([
      { path: 'fields.agenda', message: 'Agenda is required.' },
    ]);
  });

  it("R20: a task shows the active fields of its kind in the administrator's order", () => {
    const fields = [
      definition({ key: 'third', order: 3 }),
      definition({ key: 'first', order: 1 }),
      definition({ key: 'gone', order: 2, archived: true }),
      definition({ key: 'emails_only', order: 0, appliesTo: ['email'] }),
    ];
    expect(activeFieldsFor(fields, 'call').map((field) => field.key)).toEqual(['first', 'third']);
    expect(activeFieldsFor(fields, 'email').map((field) => field.key)).toEqual([
      'emails_only',
      'first',
      'third',
    ]);
  });
});
