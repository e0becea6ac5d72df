/**
 * A cheap test run before chrono on each sentence: false only when none of the
 * parsers in chrono-config.ts can match the text, so chrono would return nothing
 * (refiners only edit, merge or drop results; none creates one). On the 18,670
 * content sentences of the real-news corpus it skips 54% of them (8,613 reach chrono).
 *
 * Each alternative is a necessary condition of some parsers' patterns, written from
 * the patterns themselves (chrono 2.10 casual English, and the project's parsers):
 *
 * - a digit: every numeric parser (ISO, slash dates, clock times, years, "1300 GMT",
 *   day numbers, "3 days ago");
 * - a month name and a weekday name, where those parsers allow them: after a non-word
 *   character or the letters of "in", "of", ordinals ("first of May"), "on",
 *   "this"/"last"; before a non-word character, an ordinal word ("May first"), "of"
 *   or "this week"-style tails;
 * - the casual words ("today", "last night", "noon", …) and "end of the month";
 * - number words with a time unit, including chrono's one-letter units ("the m" in
 *   "for them" is "for the minute" to chrono): before "ago", "later", … (offsets; only
 *   in a sentence that holds one of the offset words, which chrono's two offset parsers
 *   need), after "in", "within", "for", "this", "last", "next", "after", "+", "-";
 * - "this/last/past/next" + a unit, and "every/each" + a unit or weekday (sets).
 *
 * The checks were run against every parser's pattern on the corpus sentences and on
 * 900,000 random strings with no miss; tests/time-gate.test.ts keeps a smaller run.
 *
 * Per parser (`parserGate`, used by chrono-config.ts): a sentence that passes runs only
 * the parsers whose cheap needs hold in it — a digit, four digits in a row (years,
 * ISO dates, "1300 GMT"), a digit, "/", "." or "-" and a digit (slash dates), or a
 * word every match of the parser contains (a month or weekday abbreviation, a casual
 * word, "ago"/"before"/"earlier", "later"/"after"/…/"out", "this"/…/"+"/"-"), all words
 * found in one scan. A parser finds something only if its pattern matches the
 * sentence (its first scan is over the whole text), so the results are the same; on
 * the benchmark corpus 46,081 parser runs remain of the 198,099 the passing sentences
 * would make (23%; 43% with a digit as the only numeric need and no words for the
 * "later" and casual relative parsers). tests/time-gate.test.ts checks every parser
 * left out, tests/time-gate-equivalence.test.ts the results.
 */

/** chrono's TIME_UNIT_DICTIONARY keys, as its relative parsers match them. */
const UNIT =
  '(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)';
/** chrono's number part of a duration, without digits (a digit passes the gate anyway). */
const NUMBER_WORD =
  '(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half(?:\\s{0,2}an?)?|an?\\b(?:\\s{0,2}few)?|few|several|the|a?\\s{0,2}couple\\s{0,2}(?:of)?)';
/** Where a second "number unit" pair may follow the first ("two hours and 15 minutes"). */
const NEXT_PAIR = '\\s{0,5},?(?:\\s*and)?\\s{0,5}(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half|an?|few|several|the|a?\\s{0,2}couple)';
const OFFSET_WORD = '(?:ago|before|earlier|later|after|from now|henceforth|forward|out)';

const MONTH =
  '(?:september|february|november|december|january|october|august|march|april|sept|june|july|may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)';
const WEEKDAY = '(?:wednesday|thursday|saturday|tuesday|sunday|monday|friday|thurs|thur|sun|mon|tue|wed|thu|fri|sat|weekend|weekday)';
const ORDINAL_START = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt)';

/** Not right after a word character, except the given letters (the end of a word the pattern allows before). */
const notAfterWordExcept = (letters: string): string =>
  `(?<![${'abcdefghijklmnopqrstuvwxyz'.replace(new RegExp(`[${letters}]`, 'g'), '')}0-9_])`;
const NOT_BEFORE_WORD = '(?![a-z0-9_])';

/** The checks, each necessary for the parsers named after it. */
export const CHECK_SOURCES = {
  // every numeric form: ISO, slash dates, clock times, "5 May", years, "1300 GMT", "in 2017", "3 days ago"
  digit: '[0-9]',
  // month parsers without digits: "(in) May", "May first", "first of May", "May-", "May/", "May of"
  month: `${notAfterWordExcept('nfthd')}${MONTH}(?:${NOT_BEFORE_WORD}|(?=${ORDINAL_START}|of))`,
  // weekday parser: "(on) (this|last|past|next) Friday (of) (this|last|past|next) week"
  weekday: `${notAfterWordExcept('nst')}${WEEKDAY}(?:${NOT_BEFORE_WORD}|(?=of|this|last|past|next))`,
  casualDate: `(?<![a-z0-9_])(?:now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|last\\s*night)${NOT_BEFORE_WORD}`,
  casualTime: `${notAfterWordExcept('s')}(?:morning|afternoon|evening|night|midnight|midday|noon)${NOT_BEFORE_WORD}`,
  endOfMonth: 'of\\s+(?:the\\s+)?month',
  // a number word and a unit before "ago", "later", … (or before a second such pair, "two
  // hours and 15 minutes later"): "a few hours later" (left side a non-word character).
  // Only the offset parsers match this form, and each needs its offset word (the `ago` and `later` word groups).
  numberUnitOffset: `(?<![a-z0-9_])(?:(?:about|around)\\s{0,3})?${NUMBER_WORD}\\s{0,3}${UNIT}(?=\\s{0,5}${OFFSET_WORD}|${NEXT_PAIR})`,
  // within / casual relative without digits: "within a few hours", "in two weeks", "next two weeks"
  numberUnitPrefix: `(?:within|in|for|this|last|past|next|after|\\+|-)\\s*(?:(?:about|around|roughly|approximately|just)\\s*(?:~\\s*)?)?(?:(?:about|around)\\s{0,3})?${NUMBER_WORD}\\s{0,3}${UNIT}(?:${NOT_BEFORE_WORD}|(?=${NEXT_PAIR}))`,
  // "this week", "last month", "next year" (chrono's relative date; the project's relative period)
  relativeUnit: `(?:this|last|past|next)\\s*${UNIT}${NOT_BEFORE_WORD}`,
  // sets: "every day", "each Monday"
  set: '(?:every|each)\\s+(?:day|week|month|year|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
} as const;

export type CheckName = keyof typeof CHECK_SOURCES;

/**
 * Words one of which every match of a check contains (the checks named here), or of
 * some parsers (`ago`, see CHRONO_PARSER_NEEDS). All are found in one scan of the
 * sentence (`wordGroups`) before any check's regex: a regex scan costs about as much as
 * a parser's own, the scan for all these literal words about as much as one. The scan
 * is case-insensitive without /u, as chrono's patterns, so it finds these words in
 * exactly the spellings those patterns match.
 */
const WORD_GROUPS = {
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  weekday: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'week'],
  casualDate: ['now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night'],
  casualTime: ['morning', 'afternoon', 'evening', 'night', 'midday', 'noon'],
  endOfMonth: ['month'],
  relativeUnit: ['this', 'last', 'past', 'next'],
  set: ['every', 'each'],
  ago: ['ago', 'before', 'earlier'],
  // chrono's "… later" parser: "later", "after", "from now", "henceforth", "forward", "out"
  later: ['later', 'after', 'from now', 'henceforth', 'forward', 'out'],
  // chrono's casual relative parser: "this|last|past|next|after|+|-" before a number and a unit
  casualRelative: ['this', 'last', 'past', 'next', 'after', '+', '-'],
} as const satisfies Record<string, readonly string[]>;

export type WordGroup = keyof typeof WORD_GROUPS;

const GROUP_NAMES = Object.keys(WORD_GROUPS) as WordGroup[];
const groupBit = (group: WordGroup): number => 1 << GROUP_NAMES.indexOf(group);

/**
 * Every word, longest first, at every position (each scan resumes one character after
 * the last match's start, so overlapping words are all seen): at one position the
 * longest word starting there matches, and any shorter one starting there is a prefix
 * of it, so each word's bits include its prefixes'. The one-character "words" ("+",
 * "-") are left to `includes`: hyphens are everywhere, and each match costs the scan a
 * call. (A trie walk in JavaScript over every character was slower than this scan.)
 */
const isCharacter = (word: string): boolean => word.length === 1 && !/[a-z]/.test(word);
const ALL_WORDS = [...new Set(GROUP_NAMES.flatMap((g) => WORD_GROUPS[g]))]
  .filter((word) => !isCharacter(word))
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const WORD_SCAN = new RegExp(ALL_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'gi');
const WORD_BITS: ReadonlyMap<string, number> = new Map(
  ALL_WORDS.map((word) => [
    word,
    GROUP_NAMES.reduce((bits, g) => (WORD_GROUPS[g].some((w: string) => word.startsWith(w)) ? bits | groupBit(g) : bits), 0),
  ]),
);
const GROUP_CHARACTERS: readonly { bit: number; characters: readonly string[] }[] = GROUP_NAMES.map((g) => ({
  bit: groupBit(g),
  characters: WORD_GROUPS[g].filter(isCharacter),
})).filter(({ characters }) => characters.length > 0);

/** The word groups (bits, see `groupBit`) one of whose words occurs in `text`. */
export function wordGroups(text: string): number {
  let bits = 0;
  WORD_SCAN.lastIndex = 0;
  for (let m = WORD_SCAN.exec(text); m !== null; m = WORD_SCAN.exec(text)) {
    bits |= WORD_BITS.get(m[0].toLowerCase())!;
    WORD_SCAN.lastIndex = m.index + 1;
  }
  for (const { bit, characters } of GROUP_CHARACTERS) if ((bits & bit) === 0 && characters.some((c) => text.includes(c))) bits |= bit;
  return bits;
}

/** Every word of every group, for tests: group name → words (lower-case). */
export const WORD_GROUP_WORDS: Readonly<Record<WordGroup, readonly string[]>> = WORD_GROUPS;
/** The bit of a word group in `wordGroups`' answer. */
export const wordGroupBit = groupBit;

interface Check {
  /** The check's word groups (bits): a match contains a word of one of them; 0 when it has none. */
  words: number;
  regex: RegExp;
}

/** Word groups of the checks that have some: their own, or (`numberUnitOffset`) each offset parser's. */
const CHECK_WORDS: Partial<Record<CheckName, number>> = {
  numberUnitOffset: groupBit('ago') | groupBit('later'),
};

const CHECKS: Readonly<Record<CheckName, Check>> = Object.fromEntries(
  Object.entries(CHECK_SOURCES).map(([name, source]) => [
    name,
    {
      words: CHECK_WORDS[name as CheckName] ?? (name in WORD_GROUPS ? groupBit(name as WordGroup) : 0),
      regex: new RegExp(source, 'i'),
    },
  ]),
) as Record<CheckName, Check>;

/** Cheapest and most frequent (a digit) first; the costly unit checks last. */
const SENTENCE_ORDER: readonly CheckName[] = [
  'digit', 'month', 'weekday', 'casualDate', 'casualTime', 'endOfMonth', 'relativeUnit', 'set', 'numberUnitOffset', 'numberUnitPrefix',
];
/** The checks after the digit one, in that order. */
const WORD_CHECKS: readonly Check[] = SENTENCE_ORDER.filter((name) => name !== 'digit').map((name) => CHECKS[name]);

/**
 * False when no parser of the news chrono can match `text`: chrono would find nothing
 * there. `groups` and `hasDigit` are the text's word groups and digit check, when known.
 */
export function mayHoldTime(text: string, groups: number = wordGroups(text), hasDigit: boolean = CHECKS.digit.regex.test(text)): boolean {
  if (hasDigit) return true;
  for (const { words, regex } of WORD_CHECKS) if ((words === 0 || (groups & words) !== 0) && regex.test(text)) return true;
  return false;
}

// ─── Per parser ───────────────────────────────────────────────────────────────

/** Digit features of a sentence (bits), each necessary for some numeric parsers. */
const DIGIT_FEATURES = {
  /** any digit: clock times ("5 p.m."), day numbers, every numeric form */
  digit: 1,
  /** four digits in a row: a year ("2019", ISO and year-first dates, "in 2017") or "1300 GMT" */
  fourDigits: 2,
  /** a digit, "/", "." or "-", a digit: slash and dotted dates ("9/11", "3.5.2019", "1/2019") */
  digitSeparatorDigit: 4,
} as const;

export type DigitFeature = keyof typeof DIGIT_FEATURES;

const FOUR_DIGITS = /[0-9]{4}/;
const DIGIT_SEPARATOR_DIGIT = /[0-9][/.-][0-9]/;

/** The digit features (bits, see DIGIT_FEATURES) of `text`. */
function digitFeatures(text: string): number {
  if (!CHECKS.digit.regex.test(text)) return 0; // the sentence gate's digit check
  let bits = DIGIT_FEATURES.digit;
  if (FOUR_DIGITS.test(text)) bits |= DIGIT_FEATURES.fourDigits;
  if (DIGIT_SEPARATOR_DIGIT.test(text)) bits |= DIGIT_FEATURES.digitSeparatorDigit;
  return bits;
}

/**
 * What one parser needs to match: each condition must hold. Only cheap ones: a digit
 * feature, or a word of a group. Checking a parser's own gate check instead costs about
 * as much as running the parser on the sentences that pass the sentence gate.
 */
export type ParserNeeds = readonly (DigitFeature | { words: WordGroup })[];

/**
 * chrono's casual English parsers by class name, each with what its pattern always
 * contains (chrono 2.10): digit features for the numeric ones (a year's four digits,
 * the separator of a slash date), a word of the group its gate check is written for
 * otherwise ("… ago", "… later", "next …": one of their offset or relation words).
 * "within" needs nothing cheap (its words are "in", "for", "a", "the", "s", …). A
 * parser not listed here needs nothing.
 */
export const CHRONO_PARSER_NEEDS: Readonly<Record<string, ParserNeeds>> = {
  ENYearMonthDayParser: ['fourDigits'],
  ISOFormatParser: ['fourDigits'],
  SlashDateFormatParser: ['digitSeparatorDigit'],
  ENSlashMonthFormatParser: ['fourDigits', 'digitSeparatorDigit'],
  ENTimeExpressionParser: ['digit'],
  ENTimeUnitAgoFormatParser: [{ words: 'ago' }],
  ENTimeUnitLaterFormatParser: [{ words: 'later' }],
  ENTimeUnitCasualRelativeFormatParser: [{ words: 'casualRelative' }],
  ENMonthNameLittleEndianParser: [{ words: 'month' }],
  ENMonthNameMiddleEndianParser: [{ words: 'month' }],
  ENYearMonthNameParser: [{ words: 'month' }],
  ENMonthNameParser: [{ words: 'month' }],
  ENWeekdayParser: [{ words: 'weekday' }],
  ENCasualDateParser: [{ words: 'casualDate' }],
  ENCasualTimeParser: [{ words: 'casualTime' }],
  ENEndOfCurrentMonthParser: [{ words: 'endOfMonth' }],
  ENRelativeDateFormatParser: [{ words: 'relativeUnit' }],
};

/** The most parsers `parserGate` tells apart (bits of a small integer). */
const MAX_GATED_PARSERS = 30;

/**
 * For the needs of a parser list, a function from a sentence to the bit set of the
 * parsers that may match there (bit i: parser i): 0 when the sentence gate
 * (`mayHoldTime`) fails, else the parsers whose needs hold. Null past
 * MAX_GATED_PARSERS parsers.
 */
export function parserGate(needs: readonly ParserNeeds[]): ((text: string) => number) | null {
  if (needs.length > MAX_GATED_PARSERS) return null;
  const requirements = needs.map((conditions) => ({
    digits: conditions.reduce((bits, c) => (typeof c === 'string' ? bits | DIGIT_FEATURES[c] : bits), 0),
    words: conditions.reduce((bits, c) => (typeof c === 'string' ? bits : bits | groupBit(c.words)), 0),
  }));
  return (text) => {
    const groups = wordGroups(text);
    const digits = digitFeatures(text);
    if (!mayHoldTime(text, groups, digits !== 0)) return 0;
    let mask = 0;
    for (let i = 0; i < requirements.length; i++) {
      const need = requirements[i]!;
      if ((digits & need.digits) === need.digits && (groups & need.words) === need.words) mask |= 1 << i;
    }
    return mask;
  };
}
