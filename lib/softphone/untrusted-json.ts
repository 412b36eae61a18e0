/**
 * The length of a value written as JSON, or null when it cannot be (cycles, BigInt, throwing
 * getters). Page input is measured before it is parsed so an oversized payload costs nothing more.
 */
export function jsonLengthOptional(value: unknown): number | null {
  try {
    return JSON.stringify(value)?.length ?? null;
  } catch {
    return null;
  }
}
