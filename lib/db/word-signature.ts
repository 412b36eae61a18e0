/**
 * A 128-bit Bloom filter over the first three letters of a task's words, carried in its search
 * rank. Every posting read from the word index brings its rank along, so a candidate can be
 * ruled out for another query word without reading its row: a clear bit proves no word of the
 * task starts that way. (Set bits may be chance, so survivors are still checked on the row.)
 */
const BITS = 128;
const PREFIX = 3;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const SIGNATURE_LENGTH = Math.ceil(BITS / 6);

/** Two bit positions for a prefix, from one 32-bit FNV-1a hash. */
function bitsOf(prefix: string): [number, number] {
  let hash = 0x811c9dc5;
  for (let index = 0; index < prefix.length; index++) {
    hash ^= prefix.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return [(hash >>> 0) % BITS, (hash >>> 16) % BITS];
}

export function wordSignature(words: readonly string[]): string {
  const bits = new Uint8Array(BITS);
  for (const word of words) {
    for (const bit of bitsOf(word.slice(0, PREFIX))) bits[bit] = 1;
  }
  let signature = '';
  for (let start = 0; start < BITS; start += 6) {
    let digit = 0;
    for (let offset = 0; offset < 6; offset++) digit = digit * 2 + (bits[start + offset] ?? 0);
    signature += DIGITS[digit];
  }
  return signature;
}

/**
 * False when no word of the signed task can start with `term`. Terms shorter than the signed
 * prefix cannot be ruled out.
 */
export function signatureMayHold(signature: string, term: string): boolean {
  if (term.length < PREFIX) return true;
  return bitsOf(term.slice(0, PREFIX)).every((bit) => {
    const digit = DIGITS.indexOf(signature.charAt(Math.floor(bit / 6)));
    return ((digit >> (5 - (bit % 6))) & 1) === 1;
  });
}
