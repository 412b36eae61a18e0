import { describe, expect, it } from 'vitest';
import { describeCodes, formatCodes } from '../../../lib/domain/format-codes';
import type { TransactionCode } from '../../../lib/domain/transaction-code';

const catalogue: TransactionCode[] = [
  { code: 'SALE', label: 'Sale', system: null, active: true },
  { code: 'OLD', label: 'Retired code', system: null, active: false },
];

describe('formatCodes', () => {
  it('R5: several codes are shown by label, separated by commas', () => {
    expect(formatCodes(['SALE', 'AMD'], catalogue)).toBe('Sale, Answer machine detected');
    expect(formatCodes([], catalogue)).toBe('');
  });

  it('R6: system codes are known without a catalogue and marked with their service', () => {
    expect(describeCodes(['CCB-REJECTED', 'SALE', 'OLD'], catalogue)).toEqual([
      { code: 'CCB-REJECTED', label: 'Call rejected', system: 'CCB' },
      { code: 'SALE', label: 'Sale', system: null },
      { code: 'OLD', label: 'Retired code', system: null },
    ]);
  });

  it('shows an unknown code as itself and each code once', () => {
    expect(formatCodes(['X-1', 'SALE', 'X-1'], catalogue)).toBe('X-1, Sale');
  });
});
