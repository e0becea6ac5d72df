/**
 * The sentence gate of quantity extraction. Every mention needs a digit, a time unit
 * or a number word ("a week", "two dozen", "hundreds of", "twice"): a sentence with
 * none of them is skipped before it is tokenized (most sentences). The words are
 * matched as the tokenizer's words are cut: not after a letter (except right after a
 * dotted abbreviation, "U.S" + word), not before one; /iu folds case as toLowerCase
 * does for these ASCII words.
 */
import { NUMBER_MENTION_WORDS } from './numbers.ts';
import { TIME_UNIT_WORDS } from './units.ts';

const QUANTITY_WORDS = [...NUMBER_MENTION_WORDS, ...Object.keys(TIME_UNIT_WORDS)].sort((a, b) => b.length - a.length).join('|');
const QUANTITY_WORD = new RegExp(`(?:(?<!\\p{L})|(?<=\\.\\p{L}))(?:${QUANTITY_WORDS})(?!\\p{L})`, 'iu');
/**
 * QUANTITY_WORD for text that is all ASCII, where \p{L} is [A-Za-z] and /i folds case as
 * /iu does (the only other characters /iu folds onto ASCII letters, "ſ" and the Kelvin
 * sign, are not ASCII): the same matches at half the cost (/iu with \p{} is slow).
 */
const QUANTITY_WORD_ASCII = new RegExp(`(?:(?<![A-Za-z])|(?<=\\.[A-Za-z]))(?:${QUANTITY_WORDS})(?![A-Za-z])`, 'i');
const NON_ASCII = /[^\x00-\x7f]/;

/** A digit (tested first: cheapest, and most sentences that pass have one) or a quantity word. */
export function mayHoldQuantity(text: string): boolean {
  return /[0-9]/.test(text) || (NON_ASCII.test(text) ? QUANTITY_WORD : QUANTITY_WORD_ASCII).test(text);
}
