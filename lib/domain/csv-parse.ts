/** The separators a spreadsheet's CSV export uses: comma, or semicolon where comma is decimal. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** A file that is not CSV as RFC 4180 reads it; `row` counts records, the first being 1. */
export class CsvParseError extends Error {
  override readonly name = 'CsvParseError';
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

const BOM = '\uFEFF';

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * The delimiter of the file's first record: whichever of comma, semicolon and tab occurs most
 * outside quotes (comma on a tie or when none does), as spreadsheets in different locales write.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of withoutBom(text)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of CSV_DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/**
 * Records of CSV text (RFC 4180): quoted fields may hold delimiters, line breaks and doubled
 * quotes; records end in CRLF, LF or CR; a leading byte-order mark is dropped; empty lines are
 * skipped. A quote inside an unquoted field is kept as text, as spreadsheets do; a quoted field
 * that never closes throws CsvParseError, since everything after it would be misread.
 */
export function parseCsv(
  text: string,
  delimiter: CsvDelimiter = detectDelimiter(text),
): string[][] {
  const source = withoutBom(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let recordOpen = false;
  const endRecord = () => {
    if (recordOpen) records.push([...record, field]);
    record = [];
    field = '';
    atFieldStart = true;
    recordOpen = false;
  };
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    recordOpen ||= char !== '\r' && char !== '\n';
    if (char === '"' && atFieldStart) {
      const row = records.length + 1;
      index += 1;
      for (;;) {
        const close = source.indexOf('"', index);
        if (close === -1)
          throw new CsvParseError(row, `Row ${row}: a quoted value is never closed.`);
        field += source.slice(index, close);
        index = close + 1;
        if (source[index] !== '"') break;
        field += '"';
        index += 1;
      }
      atFieldStart = false;
      continue;
    }
    if (char === delimiter) {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      endRecord();
    } else {
      field += char;
      atFieldStart = false;
    }
    index += 1;
  }
  endRecord();
  return records;
}
