import {
  SYSTEM_TRANSACTION_CODES,
  type SystemCodeSource,
  type TransactionCode,
} from './transaction-code';

export interface DescribedCode {
  code: string;
  label: string;
  /** The service that produced it, for system codes (R6); the UI marks those. */
  system: SystemCodeSource | null;
}

/**
 * A task's codes as the agent reads them: each once, in the task's order, labelled from the
 * catalogue (the system codes are always known). A code missing from the catalogue, such as one
 * retired since, shows as itself rather than vanishing.
 */
export function describeCodes(
  codes: readonly string[],
  catalogue: readonly TransactionCode[],
): DescribedCode[] {
  const known = new Map<string, TransactionCode>();
  for (const entry of [...SYSTEM_TRANSACTION_CODES, ...catalogue]) known.set(entry.code, entry);
  return [...new Set(codes)].map((code) => {
    const entry = known.get(code);
    return { code, label: entry?.label ?? code, system: entry?.system ?? null };
  });
}

/** Several codes shown separated by commas (R5): "Sale, Answer machine detected". */
export function formatCodes(
  codes: readonly string[],
  catalogue: readonly TransactionCode[],
): string {
  return describeCodes(codes, catalogue)
    .map((code) => code.label)
    .join(', ');
}
