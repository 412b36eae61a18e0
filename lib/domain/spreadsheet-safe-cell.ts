const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A cell a spreadsheet shows as text instead of running as a formula: exported values come from
 * agents, customers and web pages, and one starting with = + - @ (or a tab or carriage return,
 * which some spreadsheets skip before looking) could run a formula on whoever opens the file.
 * A leading apostrophe is the spreadsheets' own "this is text" mark (OWASP's CSV injection
 * advice). A plain number such as an E.164 phone ("+14155550134") runs nothing and stays as is.
 */
export function spreadsheetSafeCell(value: string): string {
  if (PLAIN_NUMBER.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The value an exported cell held: the inverse of spreadsheetSafeCell, for re-importing. */
export function unescapeSpreadsheetCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
