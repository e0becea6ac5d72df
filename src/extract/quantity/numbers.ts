/**
 * Number parser over tokens: digits ("68,000", "3.7"), scaled numbers ("40 billion",
 * "$43bn"), number words ("twenty-five", "two hundred and fifty", "a dozen",
 * "two dozen", "a hundred"), halves ("one and a half", "half an"), and vague plurals
 * ("hundreds of" → [200, 999]).
 *
 * It reads a number only; what the number counts (unit, noun) and how it is
 * qualified ("more than") are decided by the caller.
 */
import { touching, type Token } from './tokens.ts';

export interface ParsedNumber {
  /** Lower and upper value: equal unless the words are vague ("hundreds of"). */
  low: number;
  high: number;
  /** Precision of what was written (0.01 for "217.48", 1e6 for "200 million"): used for outward rounding. */
  step: number;
  /** The multiplier of a scale word ("million" → 1e6), 1 when none. */
  scale: number;
  /** Token index after the number. */
  end: number;
  /**
   * How it was written: digits, number words, an article ("a", "an", "half an": only a
   * number when a unit follows) or a vague plural.
   */
  form: 'digits' | 'words' | 'article' | 'vague';
}

export const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  mln: 1e6, mn: 1e6, bln: 1e9, bn: 1e9, tn: 1e12,
};
/** "hundreds of" etc.: the interval a vague plural stands for (2× to just under 10×). */
const VAGUE_PLURALS: Readonly<Record<string, [number, number]>> = {
  dozens: [24, 99], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 999e6],
  billions: [2e9, 999e9],
};
const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '¥']);

// Maps, not the records: `in` and indexing also find inherited keys ("constructor").
const SMALL: ReadonlyMap<string, number> = new Map(Object.entries(SMALL_NUMBERS));
const TEN_MULTIPLES: ReadonlyMap<string, number> = new Map(Object.entries(TENS));
const SCALE: ReadonlyMap<string, number> = new Map(Object.entries(SCALES));
const VAGUE: ReadonlyMap<string, readonly [number, number]> = new Map(Object.entries(VAGUE_PLURALS));

export function isNumberWord(lower: string): boolean {
  return SMALL.has(lower) || TEN_MULTIPLES.has(lower) || lower === 'hundred' || lower === 'dozen' || SCALE.has(lower);
}

/**
 * Words that can make a quantity or duration mention on their own or with what
 * follows (besides digits): number words, scales, vague plurals, "couple", "twice",
 * "thrice". A sentence with none of these and no digit has no number to read
 * (articles like "a week" still need the time unit, which the caller checks).
 */
export const NUMBER_MENTION_WORDS: readonly string[] = [
  ...SMALL.keys(), ...TEN_MULTIPLES.keys(), 'hundred', 'dozen', ...SCALE.keys(), ...VAGUE.keys(), 'tens', 'couple', 'twice', 'thrice',
];

/** Can parseNumber succeed at a token with this lowercased word (besides digits)? */
export function startsNumber(lower: string): boolean {
  return lower === 'a' || lower === 'an' || lower === 'half' || lower === 'tens' || VAGUE.has(lower) || SMALL.has(lower) || TEN_MULTIPLES.has(lower);
}

const decimalsOf = (digits: string): number => (digits.includes('.') ? digits.split('.')[1]!.length : 0);

/** "and a half" at index i (three tokens), as in "one and a half hours". */
export function andAHalfAt(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.lower === 'and' && tokens[i + 1]?.lower === 'a' && tokens[i + 2]?.lower === 'half';
}

/** Reads a scale word after a number ("40 billion", "$43bn"); returns multiplier and tokens used. */
function scaleAfter(tokens: readonly Token[], i: number, afterCurrency: boolean): { scale: number; used: number } {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return { scale: 1, used: 0 };
  const scale = SCALE.get(t.lower);
  if (scale !== undefined && (t.spaceBefore || t.lower.length <= 3)) return { scale, used: 1 };
  // "$5m", "$300k": only right after a currency symbol, where m/k cannot be metres.
  if (afterCurrency && !t.spaceBefore && (t.lower === 'm' || t.lower === 'k')) {
    return { scale: t.lower === 'm' ? 1e6 : 1e3, used: 1 };
  }
  return { scale: 1, used: 0 };
}

function parseDigits(tokens: readonly Token[], i: number): ParsedNumber {
  const t = tokens[i]!;
  let value = Number(t.text.replace(/,/g, ''));
  let step = 10 ** -decimalsOf(t.text);
  let end = i + 1;
  if (andAHalfAt(tokens, end) && tokens[end + 3]?.kind === 'word') {
    value += 0.5;
    step = Math.min(step, 0.5);
    end += 3;
  }
  const afterCurrency = CURRENCY_SYMBOLS.has(tokens[i - 1]?.text ?? '');
  const { scale, used } = scaleAfter(tokens, end, afterCurrency);
  return { low: value * scale, high: value * scale, step: step * scale, scale, end: end + used, form: 'digits' };
}

/** Word numbers: "twenty-five", "two hundred and fifty", "two dozen", "three million". */
function parseWords(tokens: readonly Token[], i: number): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let seen = false;
  let scale = 1;
  let afterHundred = false;
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    const w = t.lower;
    const small = SMALL.get(w);
    const tens = small === undefined ? TEN_MULTIPLES.get(w) : undefined;
    const scaleWord = SCALE.get(w);
    if (small !== undefined) {
      current += small;
    } else if (tens !== undefined) {
      current += tens;
      // "twenty-five": hyphen touching both sides.
      const unit = tokens[j + 2];
      if (tokens[j + 1]?.text === '-' && touching(t, tokens[j + 1]) && touching(tokens[j + 1], unit) && unit) {
        const v = SMALL.get(unit.lower);
        if (v !== undefined && v > 0 && v < 10) {
          current += v;
          j += 2;
        }
      }
    } else if (w === 'hundred' && seen) {
      current = (current || 1) * 100;
    } else if (w === 'dozen' && seen) {
      current = (current || 1) * 12;
    } else if (scaleWord !== undefined && seen && t.spaceBefore) {
      scale = scaleWord;
      total += (current || 1) * scale;
      current = 0;
    } else if (w === 'and' && afterHundred && tokens[j + 1] && (SMALL.has(tokens[j + 1]!.lower) || TEN_MULTIPLES.has(tokens[j + 1]!.lower))) {
      // British "two hundred and fifty" (but "two and three" is a range)
    } else {
      break;
    }
    afterHundred = w === 'hundred' || scaleWord !== undefined;
    seen = true;
    j++;
  }
  if (!seen) return null;
  let value = total + current;
  let step = scale;
  if (andAHalfAt(tokens, j) && tokens[j + 3]?.kind === 'word') {
    value += 0.5 * (scale > 1 ? scale : 1);
    step = scale > 1 ? scale / 2 : 0.5;
    j += 3;
  }
  return { low: value, high: value, step, scale, end: j, form: 'words' };
}

/**
 * Parses a number starting at token i, or returns null. Does not look at what
 * precedes it (names, dates and qualifiers are the caller's business).
 */
export function parseNumber(tokens: readonly Token[], i: number): ParsedNumber | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'num') return parseDigits(tokens, i);
  if (t.kind !== 'word') return null;
  const w = t.lower;
  const next = tokens[i + 1];
  const nextWord = next?.lower ?? '';

  if (w === 'a' || w === 'an') {
    if (nextWord === 'couple') {
      const end = tokens[i + 2]?.lower === 'of' ? i + 3 : i + 2;
      return { low: 2, high: 3, step: 1, scale: 1, end, form: 'vague' };
    }
    const nextScale = SCALE.get(nextWord);
    if (nextWord === 'dozen' || nextWord === 'hundred' || nextScale !== undefined) {
      const words = parseWords(tokens, i + 1);
      // parseWords needs a leading number word; "a dozen" = one dozen.
      const base = nextWord === 'dozen' ? 12 : nextWord === 'hundred' ? 100 : nextScale!;
      const end = words && words.end > i + 1 ? words.end : i + 2;
      return { low: base, high: base, step: nextWord === 'dozen' ? 1 : base, scale: nextScale !== undefined ? base : 1, end, form: 'words' };
    }
    if (nextWord === 'few' || nextWord === 'number' || nextWord === 'lot') return null;
    return { low: 1, high: 1, step: 1, scale: 1, end: i + 1, form: 'article' };
  }
  if (w === 'half') {
    if ((nextWord === 'a' || nextWord === 'an') && tokens[i + 2]?.lower === 'dozen') {
      return { low: 6, high: 6, step: 1, scale: 1, end: i + 3, form: 'words' };
    }
    if (nextWord === 'a' || nextWord === 'an') return { low: 0.5, high: 0.5, step: 0.5, scale: 1, end: i + 2, form: 'article' };
    return null;
  }
  if (w === 'tens' && nextWord === 'of' && tokens[i + 2]?.lower === 'thousands') {
    const end = tokens[i + 3]?.lower === 'of' ? i + 4 : i + 3;
    return { low: 20000, high: 99999, step: 1000, scale: 1, end, form: 'vague' };
  }
  const vague = VAGUE.get(w);
  if (vague) {
    const [low, high] = vague;
    // "hundreds of thousands"
    if (nextWord === 'of' && tokens[i + 2]?.lower === 'thousands') {
      const end = tokens[i + 3]?.lower === 'of' ? i + 4 : i + 3;
      return { low: low * 1000, high: high * 1000, step: 1000, scale: 1, end, form: 'vague' };
    }
    if (nextWord !== 'of') return null;
    return { low, high, step: 1, scale: 1, end: i + 2, form: 'vague' };
  }
  if (SMALL.has(w) || TEN_MULTIPLES.has(w)) return parseWords(tokens, i);
  return null;
}
