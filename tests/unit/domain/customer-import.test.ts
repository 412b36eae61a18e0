import { describe, expect, it } from 'vitest';
import { CUSTOMER_EXPORT_HEADERS } from '../../../lib/domain/customer-export';
import { checkCustomerRows, type KnownKeys } from '../../../lib/domain/customer-import';
import { guessMapping, mappingProblem } from '../../../lib/domain/customer-import-mapping';

const HEADERS = ['Full name', 'Mobile', 'E-mail', 'Company name', 'CRM ID', 'Comments'];
const MAPPING = guessMapping(HEADERS);
const noneStored: KnownKeys = new Map();

describe('customer import: column mapping', () => {
  it('guesses each column from its header, and leaves unknown ones out', () => {
    expect(MAPPING).toEqual(['name', 'phone', 'email', 'company', 'externalId', 'notes']);
    expect(
      guessMapping(['Customer ID', 'Name', 'Phone 2', 'Work phone', 'Emails', 'Fax?']),
    ).toEqual(['externalId', 'name', 'phone', 'phone', 'email', 'ignore']);
    expect(guessMapping(['Name', 'Contact name', 'Organisation', 'Account'])).toEqual([
      'name',
      'ignore',
      'company',
      'ignore',
    ]);
  });

  it('recognises every column of its own customer export', () => {
    expect(guessMapping([...CUSTOMER_EXPORT_HEADERS])).toEqual([
      'name',
      'phone',
      'email',
      'company',
      'externalId',
      'notes',
      'ignore',
      'ignore',
    ]);
  });

  it('needs one name column, and one company column at most', () => {
    expect(mappingProblem(['phone', 'email'])).toBe(
      'Choose the column that holds the customer name.',
    );
    expect(mappingProblem(['name', 'name'])).toBe("Only one column can be the customer's name.");
    expect(mappingProblem(['name', 'phone', 'phone'])).toBeNull();
  });
});

describe('customer import: row check', () => {
  it('R3: turns good rows into drafts with E.164 phones, several values per cell', () => {
    const check = checkCustomerRows(
      [
        [
          '  Ann Lee ',
          '(415) 555-0134; +44 20 7946 0958',
          'ann@example.com, ANN@example.com',
          'Acme',
          'C-1',
          'VIP',
        ],
      ],
      HEADERS,
      MAPPING,
      noneStored,
      { defaultCountry: 'US' },
    );
    expect(check.problems).toEqual([]);
    expect(check.rows).toEqual([
      {
        row: 2,
        draft: {
          name: 'Ann Lee',
          phones: ['+14155550134', '+442079460958'],
          emails: ['ann@example.com'],
          company: 'Acme',
          externalIds: ['C-1'],
          notes: 'VIP',
        },
      },
    ]);
  });

  it('reports every problem of a bad row against its column, and keeps none of the row', () => {
    const check = checkCustomerRows(
      [
        ['Good One', '+14155550100', '', '', '', ''],
        ['', '12', 'not-an-email', '', '', ''],
        ['Bo', '555-0199', '', '', '', ''],
      ],
      HEADERS,
      MAPPING,
      noneStored,
    );
    expect(check.rows.map((row) => row.row)).toEqual([2]);
    expect(check.badRows).toBe(2);
    expect(check.problems).toEqual([
      { row: 3, column: 'Full name', message: 'Name is required.' },
      { row: 3, column: 'Mobile', message: 'Not a valid phone number; include the country code.' },
      { row: 3, column: 'E-mail', message: 'Must be an email address.' },
      { row: 4, column: 'Mobile', message: 'Not a valid phone number; include the country code.' },
    ]);
  });

  it('refuses a row repeating an earlier row’s phone, email or id, naming that row', () => {
    const check = checkCustomerRows(
      [
        ['Ann', '+1 415 555 0134', 'ann@example.com', '', 'C-1', ''],
        ['Ann again', '+14155550134', '', '', '', ''],
        ['Other Ann', '', 'ANN@example.com', '', '', ''],
        ['Third', '', '', '', 'C-1', ''],
      ],
      HEADERS,
      MAPPING,
      noneStored,
    );
    expect(check.rows.map((row) => row.row)).toEqual([2]);
    expect(check.problems).toEqual([
      { row: 3, column: 'Mobile', message: 'Row 2 has the same phone number.' },
      { row: 4, column: 'E-mail', message: 'Row 2 has the same email address.' },
      { row: 5, column: 'CRM ID', message: 'Row 2 has the same external id.' },
    ]);
  });

  it('refuses a row whose phone, email or id a stored customer already has, naming them', () => {
    const stored: KnownKeys = new Map([
      ['phone:+14155550134', { name: 'Stored Ann', row: null }],
      ['email:bo@example.com', { name: 'Stored Bo', row: null }],
    ]);
    const check = checkCustomerRows(
      [
        ['Ann', '415-555-0134', '', '', '', ''],
        ['Bo', '', 'Bo@Example.com', '', '', ''],
        ['Cy', '+14155550135', '', '', '', ''],
      ],
      HEADERS,
      MAPPING,
      stored,
      { defaultCountry: 'US' },
    );
    expect(check.rows.map((row) => row.row)).toEqual([4]);
    expect(check.problems).toEqual([
      {
        row: 2,
        column: 'Mobile',
        message: 'Already a customer: Stored Ann has this phone number.',
      },
      {
        row: 3,
        column: 'E-mail',
        message: 'Already a customer: Stored Bo has this email address.',
      },
    ]);
  });

  it('a bad row does not claim its phone: a later good row with it is imported', () => {
    const check = checkCustomerRows(
      [
        ['', '+14155550134', '', '', '', ''],
        ['Ann', '+14155550134', '', '', '', ''],
      ],
      HEADERS,
      MAPPING,
      noneStored,
    );
    expect(check.rows.map((row) => row.row)).toEqual([3]);
  });

  it('skips blank rows, ignores unmapped columns and undoes an export’s formula mark', () => {
    const check = checkCustomerRows(
      [
        ['', '', '', '', '', ''],
        ["'=Ann", '', '', '', '', 'x'],
      ],
      HEADERS,
      ['name', 'phone', 'email', 'company', 'externalId', 'ignore'],
      noneStored,
    );
    expect(check.problems).toEqual([]);
    expect(check.rows).toEqual([
      {
        row: 3,
        draft: { name: '=Ann', phones: [], emails: [], company: null, externalIds: [], notes: '' },
      },
    ]);
  });

  it('names a column without header by its position', () => {
    const check = checkCustomerRows([['Ann', 'nope']], ['Name', ''], ['name', 'email'], noneStored);
    expect(check.problems).toEqual([
      { row: 2, column: 'Column 2', message: 'Must be an email address.' },
    ]);
  });
});
