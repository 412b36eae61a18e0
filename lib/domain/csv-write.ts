import type { CsvDelimiter } from './csv-parse';

function needsQuotes(cell: string, delimiter: CsvDelimiter): boolean {
  // A leading byte-order mark would be taken for the file's own and dropped.
  return cell.includes(delimiter) || /["\r\n]|^\uFEFF/.test(cell);
}

function encodeCell(cell: string, delimiter: CsvDelimiter): string {
  return needsQuotes(cell, delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * CSV text (RFC 4180) of the given records, CRLF after each: fields holding the delimiter, a
 * quote or a line break are quoted with quotes doubled. A record of one empty field is written
 * as `""`, so it reads back as a record rather than an empty line.
 */
export function writeCsv(
  records: readonly (readonly string[])[],
  delimiter: CsvDelimiter = ',',
): string {
  return records
    .map((record) =>
      record.length === 1 && record[0] === ''
        ? '""'
        : record.map((cell) => encodeCell(cell, delimiter)).join(delimiter),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
