import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_LENGTH, signatureMayHold, wordSignature } from '../../../lib/db/word-signature';

describe('word signature', () => {
  it('never rules out a word the task has, whatever the prefix typed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        (words, pick, cut) => {
          const signature = wordSignature(words);
          expect(signature).toHaveLength(SIGNATURE_LENGTH);
          const word = words[pick % Math.max(1, words.length)];
          if (word === undefined) return;
          const typed = word.slice(0, 1 + (cut % word.length));
          expect(signatureMayHold(signature, typed)).toBe(true);
        },
      ),
    );
  });

  it('rules out most words a task does not have', () => {
    const signature = wordSignature(['refund', 'requested', 'card', 'charged', 'twice']);
    const absent = ['invoice', 'delivery', 'router', 'password', 'outage', 'warranty', 'smith'];
    expect(absent.filter((word) => signatureMayHold(signature, word)).length).toBeLessThan(2);
    expect(signatureMayHold(signature, 'ca')).toBe(true);
  });
});
