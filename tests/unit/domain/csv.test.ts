import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_DELIMITERS,
  CsvParseError,
  detectDelimiter,
  parseCsv,
} from '../../../lib/domain/csv-parse';
import { writeCsv } from '../../../lib/domain/csv-write';
import {
  spreadsheetSafeCell,
  unescapeSpreadsheetCell,
} from '../../../lib/domain/spreadsheet-safe-cell';

describe('CSV parsing (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const text = 'name,notes\r\n"Lee, Ann","said ""hi""\nthen left"\r\nBo,\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'notes'],
      ['Lee, Ann', 'said "hi"\nthen left'],
      ['Bo', ''],
    ]);
  });

  it('accepts LF, CRLF and CR line ends, drops a byte-order mark and skips empty lines', () => {
    expect(parseCsv('\uFEFFa,b\n1,2\r\n\r\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps empty fields, a trailing empty field and a quote inside an unquoted field', () => {
    expect(parseCsv(',a,\nx"y,"",\n')).toEqual([
      ['', 'a', ''],
      ['x"y', '', ''],
    ]);
  });

  it('refuses a quoted value that never closes, naming its row', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvParseError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow('Row 2: a quoted value is never closed.');
  });

  it('detects semicolon and tab files from the first record, comma by default', () => {
    expect(detectDelimiter('name;phone;email\n"a,b";1;2')).toBe(';');
    expect(detectDelimiter('name\tphone\nx\ty')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('name')).toBe(',');
    expect(parseCsv('name;phone\nAnn;+1 415\n')).toEqual([
      ['name', 'phone'],
      ['Ann', '+1 415'],
    ]);
  });

  it('reads back whatever it writes, with any delimiter (property)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', '"', ',', ';', '\t', '\r\n', '\n', '\r', ' a ', '""', '\uFEFF'),
    );
    const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
    fc.assert(
      fc.property(records, fc.constantFrom(...CSV_DELIMITERS), (rows, delimiter) => {
        expect(parseCsv(writeCsv(rows, delimiter), delimiter)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('spreadsheet-safe cells', () => {
  it('marks cells a spreadsheet would run as formulas as text, and can undo it', () => {
    for (const formula of ['=HYPERLINK("x")', '+cmd|calc', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(spreadsheetSafeCell(formula)).toBe(`'${formula}`);
      expect(unescapeSpreadsheetCell(spreadsheetSafeCell(formula))).toBe(formula);
    }
  });

  it('leaves ordinary text and plain numbers such as E.164 phones alone', () => {
    for (const value of ['Ann', '+14155550134', '-12.5', '42', "'quoted", 'a=b']) {
      expect(spreadsheetSafeCell(value)).toBe(value);
    }
  });
});
