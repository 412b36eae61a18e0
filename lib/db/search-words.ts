import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Longer words are cut here, on both the indexed and the query side, so a pasted URL or token
 * cannot blow up the index; a query word is still matched on its first MAX_WORD_LENGTH letters.
 */
export const MAX_WORD_LENGTH = 32;

/**
 * A run of digit groups that reads as one phone number: "+1 (415) 555-0134", "415.555.0134".
 * At least two groups and seven digits, so a plain number or a year is left alone.
 */
const PHONE_RUN = /[+(]?\d[\d(). -]*\d/g;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;

/** Lower case with diacritics removed, so "Zoë" is found by "zoe" and "ZOE". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function splitWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
}

function phoneRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const match of text.matchAll(PHONE_RUN)) {
    const groups = match[0].split(/\D+/).filter((group) => group.length > 0);
    const digits = groups.join('').length;
    if (groups.length >= 2 && digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS) {
      runs.push(groups);
    }
  }
  return runs;
}

/** Every tail of a grouped number, joined: 415 555 0134 → 4155550134, 5550134, 0134. */
function groupTails(groups: string[]): string[] {
  return groups.map((_, start) => groups.slice(start).join(''));
}

/** The words of free text, plus each phone number written in it as one digit string. */
export function textWords(text: string): string[] {
  const words = splitWords(text);
  for (const groups of phoneRuns(text)) words.push(...groupTails(groups));
  return words;
}

/** Parsing a number is the slowest part of indexing a task, and numbers repeat across tasks. */
const phoneWordsCache = new Map<string, readonly string[]>();
const PHONE_CACHE_SIZE = 5000;

/**
 * The words of a phone number however it is stored: its digits with and without the country
 * code, and the tails of its national grouping, so "555-0134" and "+1 415 555 0134" both find
 * "+14155550134".
 */
export function phoneWords(phone: string): readonly string[] {
  const cached = phoneWordsCache.get(phone);
  if (cached) return cached;
  const words = textWords(phone);
  const digits = phone.replace(/\D+/g, '');
  if (digits.length > 0) words.push(digits);
  const parsed = parsePhoneNumberFromString(phone);
  if (parsed) {
    words.push(parsed.countryCallingCode + parsed.nationalNumber, parsed.nationalNumber);
    words.push(...groupTails(parsed.formatNational().split(/\D+/).filter(Boolean)));
  }
  if (phoneWordsCache.size >= PHONE_CACHE_SIZE) phoneWordsCache.clear();
  phoneWordsCache.set(phone, words);
  return words;
}

/**
 * The distinct words to store for a record. A word that is the start of another stored word is
 * dropped: every query word it would match also matches the longer one.
 */
export function indexableWords(words: Iterable<string>): string[] {
  const sorted = [...new Set(words)].map((word) => word.slice(0, MAX_WORD_LENGTH)).sort();
  return sorted.filter((word, index) => {
    const next = sorted[index + 1];
    return word.length > 0 && !(next?.startsWith(word) ?? false);
  });
}

/**
 * The words a search query asks for: each must start some word of a matching record. A phone
 * number typed with spaces or dashes is one word, its digits. A query word that starts another
 * query word adds nothing and is dropped.
 */
export function queryTerms(query: string): string[] {
  const collapsed = query.replace(PHONE_RUN, (run) => {
    const groups = run.split(/\D+/).filter((group) => group.length > 0);
    const digits = groups.join('');
    const isPhone =
      groups.length >= 2 && digits.length >= MIN_PHONE_DIGITS && digits.length <= MAX_PHONE_DIGITS;
    return isPhone ? ` ${digits} ` : run;
  });
  return indexableWords(splitWords(collapsed));
}

/** True when every term starts at least one of the words. */
export function wordsMatchTerms(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}
