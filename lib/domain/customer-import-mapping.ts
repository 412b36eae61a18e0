import { z } from 'zod';

/** What a CSV column holds for a customer; `ignore` leaves the column out. */
export const IMPORT_TARGETS = [
  'ignore',
  'name',
  'phone',
  'email',
  'company',
  'externalId',
  'notes',
] as const;
export const ImportTargetSchema = z.enum(IMPORT_TARGETS);
export type ImportTarget = z.infer<typeof ImportTargetSchema>;

/** The target of each column, by position. */
export type ColumnMapping = ImportTarget[];

/** Targets a customer has one of; phones, emails, ids and notes may come from several columns. */
export const SINGLE_COLUMN_TARGETS: readonly ImportTarget[] = ['name', 'company'];

// Tried in order on the header in lower case without spaces or punctuation, so "Company name"
// is a company before it is a name and "Customer ID" an external id before a customer.
const GUESSES: readonly [RegExp, ImportTarget][] = [
  [
    /^((external|crm|customer|record|account|client)?ids?|(customer|account|client|crm)(number|no|ref))$/,
    'externalId',
  ],
  [/e?mail/, 'email'],
  [/phone|mobile|^tel|cell|^number$/, 'phone'],
  [/company|organi[sz]ation|business|employer|^account(name)?$/, 'company'],
  [/note|comment|remark|description/, 'notes'],
  [/name|^customer$|^contact$|^client$/, 'name'],
];

function guessTarget(header: string): ImportTarget {
  const plain = header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return GUESSES.find(([pattern]) => pattern.test(plain))?.[1] ?? 'ignore';
}

/**
 * A first mapping from the file's headers, for the administrator to correct: each column gets
 * the target its header names; a second name or company column is ignored rather than guessed.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportTarget>();
  return headers.map((header) => {
    const target = guessTarget(header);
    if (!SINGLE_COLUMN_TARGETS.includes(target)) return target;
    if (taken.has(target)) return 'ignore';
    taken.add(target);
    return target;
  });
}

/** Why a mapping cannot be used, or null: a customer needs a name, and a name one column. */
export function mappingProblem(mapping: ColumnMapping): string | null {
  for (const target of SINGLE_COLUMN_TARGETS) {
    if (mapping.filter((each) => each === target).length > 1) {
      return `Only one column can be the customer's ${target}.`;
    }
  }
  return mapping.includes('name') ? null : 'Choose the column that holds the customer name.';
}
