import { describe, expect, it } from 'vitest';
import {
  foldText,
  indexableWords,
  MAX_WORD_LENGTH,
  phoneWords,
  queryTerms,
  textWords,
  wordsMatchTerms,
} from '../../../lib/db/search-words';

describe('search words', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Zoë RENÉE Müller Ångström')).toBe('zoe renee muller angstrom');
  });

  it('splits text on everything but letters and digits', () => {
    expect(textWords("Refund: order #4512 (customer's card)")).toEqual([
      'refund',
      'order',
      '4512',
      'customer',
      's',
      'card',
    ]);
  });

  it('adds a phone number written in text as its digits and their tails', () => {
    const words = textWords('call back on +1 415-555-0134 please');
    expect(words).toEqual(
      expect.arrayContaining(['415', '555', '0134', '14155550134', '4155550134', '5550134']),
    );
  });

  it('leaves plain numbers and dates alone', () => {
    expect(textWords('invoice 4512 of 2026')).toEqual(['invoice', '4512', 'of', '2026']);
  });

  it('indexes an E.164 number with and without its country code and by its local groups', () => {
    expect(phoneWords('+14155550134')).toEqual(
      expect.arrayContaining(['14155550134', '4155550134', '5550134', '0134']),
    );
  });

  it('reads a phone number typed with separators in a query as one word', () => {
    expect(queryTerms('+1 (415) 555-0134')).toEqual(['14155550134']);
    expect(queryTerms('555-0134 smith')).toEqual(['5550134', 'smith']);
  });

  it('drops query words that start another query word', () => {
    expect(queryTerms('sal Sales SALE')).toEqual(['sales']);
  });

  it('stores distinct words and drops those that start another stored word', () => {
    expect(indexableWords(['call', 'callback', 'back', 'call', 'ba'])).toEqual([
      'back',
      'callback',
    ]);
  });

  it('cuts very long words on both sides, so a long query word still finds them', () => {
    const long = 'x'.repeat(MAX_WORD_LENGTH + 10);
    const [stored] = indexableWords(textWords(long));
    const [asked] = queryTerms(long);
    expect(stored).toHaveLength(MAX_WORD_LENGTH);
    expect(wordsMatchTerms([stored ?? ''], [asked ?? ''])).toBe(true);
  });

  it('matches when every query word starts some word', () => {
    expect(wordsMatchTerms(['refund', 'requested'], ['ref', 'req'])).toBe(true);
    expect(wordsMatchTerms(['refund', 'requested'], ['ref', 'fund'])).toBe(false);
  });
});
